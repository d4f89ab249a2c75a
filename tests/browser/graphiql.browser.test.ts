/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { readCollection } from '../../gateway/collection';
import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { projectRoot } from '../../platform/config';
import type { Listening } from '../../platform/server/http';
import type { TestEnvironment } from '../environment';
import { startGraphiQLGateway, startPlatform } from '../platform';

/** Where screenshots are kept (ignored by git). */
const ARTIFACTS = path.join(projectRoot(), 'tests', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('GraphiQL in a real headless Chromium', () => {
  let env: TestEnvironment;
  let gateway: Listening;
  let browser: Browser;
  let closeGateway: () => Promise<void>;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.02));
    ({ gateway, close: closeGateway } = await startGraphiQLGateway(env));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await closeGateway?.();
    await env?.close();
  });

  it('opens signed in, runs a collection query and shows its result, fetching nothing from outside', async () => {
    const token = await env.token(DEMO_IDENTITIES.qiaojia);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(gateway.url.replace(/\/graphql$/, ''))) outside.push(request.url());
    });
    // a token an earlier version left in localStorage is removed
    await page.goto(gateway.url.replace(/graphql$/, 'graphiql/collection.json'));
    await page.evaluate((old) => localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: `Bearer ${old}` })), 'old-token');
    await page.goto(`${gateway.url.replace(/graphql$/, 'graphiql/')}#token=${encodeURIComponent(token)}`);
    // the token is read, then taken out of the address (and the history entry)
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor'));
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    await page.getByRole('button', { name: /查询示例/ }).first().click();
    const entry = readCollection().find((e) => e.file.startsWith('01-'))!;
    await page.locator(`button[data-file="${entry.file}"]`).click();
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('WenbiHouseholds'));
    await page.locator('.graphiql-execute-button').click();
    try {
      await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('totalCount'), undefined, { timeout: 30_000 });
    } finally {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql-wenbi.png'), fullPage: true });
    }
    // Monaco renders spaces as no-break spaces
    const text = (await page.locator('.graphiql-response').textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(/"name": "文笔社区"/);
    expect(text).not.toMatch(/"errors"/);
    expect(outside).toEqual([]);
    // the token lives in the tab's sessionStorage, never in localStorage
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'),
      session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join('\n'),
    }));
    expect(stored.local).not.toContain(token);
    expect(stored.local).not.toContain('old-token');
    expect(stored.local).not.toMatch(/graphiql:/);
    expect(stored.session).toContain(token);
    // a new tab (a new session) of the same origin is not signed in
    const other = await context.newPage();
    await other.goto(gateway.url.replace(/graphql$/, 'graphiql/'));
    await other.waitForFunction(() => document.querySelector('.graphiql-query-editor'));
    expect(await other.evaluate(() => Object.values({ ...localStorage, ...sessionStorage }).join('\n'))).not.toContain(token);
    await context.close();
  });

  it('names the Chinese fonts users have, draws Chinese with a real glyph, and serves a favicon', async () => {
    const origin = gateway.url.replace(/\/graphql$/, '');
    const favicon = await fetch(`${origin}/favicon.ico`);
    expect({ status: favicon.status, type: favicon.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/^image\/svg\+xml/) });
    const page = await browser.newPage();
    await page.goto(`${origin}/graphiql/`);
    await page.waitForFunction(() => document.querySelector('.graphiql-container'));
    expect(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href)).toBe(`${origin}/graphiql/favicon.svg`);
    const stack = await page.evaluate(() => getComputedStyle(document.querySelector('.graphiql-container')!).getPropertyValue('--font-family'));
    for (const font of ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi']) expect(stack).toContain(font);
    // a character no font has is drawn as the same empty box as any other: a real glyph differs from it and from another character
    const drawn = await page.evaluate(() => {
      const family = getComputedStyle(document.querySelector('.graphiql-container')!).fontFamily;
      const pixels = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d')!;
        ctx.font = `32px ${family}`;
        ctx.fillText(text, 4, 36);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      const box = pixels('\u{10FFFD}');
      return { wen: pixels('文') !== box, bi: pixels('笔') !== box, distinct: pixels('文') !== pixels('笔') };
    });
    expect(drawn).toEqual({ wen: true, bi: true, distinct: true });
    await page.close();
  });
});
