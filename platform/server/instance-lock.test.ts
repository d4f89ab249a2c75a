import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from './instance-lock';

describe('the data folder lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-lock-'));
  const file = path.join(dir, 'npm-start.pid');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names the process holding the folder while it runs', () => {
    fs.writeFileSync(file, `${process.ppid}\n`);
    expect(() => lockDataDir(dir, 'npm-start')).toThrow(new RegExp(`in use by process ${process.ppid}.*kill ${process.ppid}`));
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that no longer runs, and holds it', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(file, `${gone}\n`);
    expect(lockDataDir(dir, 'npm-start')).toEqual({ stale: 1 });
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
  });
});
