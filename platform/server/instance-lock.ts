import fs from 'node:fs';
import path from 'node:path';

/** Whether process `pid` runs (a signal 0 reaches it, or exists but is not ours to signal). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `DATA_DIR/<name>.pid` for this process, so that a second instance on the same data
 * folder says which process holds it instead of failing on a busy port or a locked database.
 * A file left by a process that no longer runs is stale and taken over. Released at exit.
 */
export function lockDataDir(dataDir: string, name: string): { stale?: number } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `${name}.pid`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      process.once('exit', () => {
        if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
      });
      return attempt ? { stale: attempt } : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${holder} 使用 · ${dataDir} is in use by process ${holder} (another npm start): stop it first (Ctrl-C there, or kill ${holder}), or start with another DATA_DIR`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take ${file}`);
}
