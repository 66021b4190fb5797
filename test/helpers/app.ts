import { spawn } from 'node:child_process';
import net from 'node:net';

/** A running Inboxwatch started with `npm start`, as the README's Quick start does. */
export interface RunningApp {
  url: string;
  pid: number;
  /** Everything the app printed (stdout and stderr), for assertions and failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freeTcpPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Start the app with `npm start` in its own process group (so `stop()` ends npm, the migration step and the
 * Next.js server together, by that group's PID) and wait until `GET /api/health` answers 200. The first start
 * may build the app, so the wait is bounded at `timeoutMs` (default 5 minutes).
 * @throws Error with the app's output when it exits or does not become healthy in time.
 */
export async function startApp(params: { env: Record<string, string>; timeoutMs?: number }): Promise<RunningApp> {
  const port = await freeTcpPort();
  const child = spawn('npm', ['start'], {
    cwd: process.cwd(),
    env: { ...process.env, ...params.env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      process.kill(-(child.pid as number), 'SIGTERM');
      const killTimer = setTimeout(() => !exited && process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
      await exit;
      clearTimeout(killTimer);
    }
  };
  const deadline = Date.now() + (params.timeoutMs ?? 300_000);
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { url, pid: child.pid as number, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the app did not become healthy:\n${log.slice(-4000)}`);
}
