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
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(gateway.url.replace(/\/graphql$/, ''))) outside.push(request.url());
    });
    await page.goto(`${gateway.url.replace(/graphql$/, 'graphiql/')}#token=${encodeURIComponent(token)}`);
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
  });
});
