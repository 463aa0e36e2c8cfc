import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __atelierTestServer?: { stop(): Promise<void>; dataDir: string } })
    .__atelierTestServer;
  if (!server) return;
  await server.stop();
  await rm(server.dataDir, { recursive: true, force: true });
}
