import { spawn } from 'node:child_process';

/** A running `npm run worker`-equivalent (node jobs/worker.ts): the scheduler alone, beside a web process. */
export interface RunningWorker {
  pid: number;
  /** Everything the worker printed (JSON log lines). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start the worker in its own process group with `env` (use the web process's DATABASE_URL, already migrated by
 * its start) and wait until it logs "scheduler started" (bounded by `timeoutMs`, default 30 s). `stop()` sends
 * SIGTERM to that group by its PID (SIGKILL after 10 s).
 * @throws Error with the worker's output when it exits or does not start in time.
 */
export async function startWorker(params: { env: Record<string, string>; timeoutMs?: number }): Promise<RunningWorker> {
  const child = spawn(process.execPath, ['jobs/worker.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, ...params.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    process.kill(-(child.pid as number), 'SIGTERM');
    const killTimer = setTimeout(() => !exited && process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
    await exit;
    clearTimeout(killTimer);
  };
  const deadline = Date.now() + (params.timeoutMs ?? 30_000);
  while (Date.now() < deadline && !exited) {
    if (log.includes('"msg":"scheduler started"')) return { pid: child.pid as number, output: () => log, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the worker did not start:\n${log.slice(-4000)}`);
}
