import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on the loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway Redis, nothing on disk; fails with a clear message if redis-server is not installed. */
export async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'redis-server is required by the multi-instance live test and was not found on PATH: install it (apt-get install -y redis-server).',
    );
  }
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/** Stops a Redis started by startRedis and waits for it to exit. */
export async function stopRedis(redis: { process: ChildProcess } | undefined): Promise<void> {
  if (!redis || redis.process.exitCode !== null) return;
  const exited = new Promise((resolve) => redis.process.once('exit', resolve));
  redis.process.kill('SIGTERM');
  await exited;
}
