import type { ChildProcess } from 'node:child_process';
import { stopServer, type ServerState } from './server';

export default async function globalTeardown() {
  const running = (globalThis as Record<string, unknown>).__ATELIER_E2E__ as
    { state: ServerState; child: ChildProcess } | undefined;
  await stopServer(running?.child, running?.state);
}
