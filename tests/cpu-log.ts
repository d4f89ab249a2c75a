import fs from 'node:fs';

/**
 * `TEST_CPU_LOG=<file> npm test`: every suite appends one JSON line to `file` with the CPU seconds
 * its jest worker spent on it (loading its modules, its hooks and tests; not the PostgreSQL
 * server's nor started processes') and its wall seconds: where the time of a run goes, measured
 * on a machine that others share. jest's setupFilesAfterEnv, so it counts from before the suite's
 * own imports.
 */
const file = process.env.TEST_CPU_LOG;
if (file) {
  const cpu = process.cpuUsage();
  const started = Date.now();
  afterAll(() => {
    const used = process.cpuUsage(cpu);
    const suite = expect.getState().testPath ?? '?';
    fs.appendFileSync(file, `${JSON.stringify({ suite, cpuSeconds: (used.user + used.system) / 1e6, wallSeconds: (Date.now() - started) / 1000 })}\n`);
  });
}
