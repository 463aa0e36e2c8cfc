import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_MAIN, REPO_ROOT, startServer } from './server';

export default async function globalSetup() {
  for (const file of [API_MAIN, 'apps/web/dist/index.html']) {
    if (!existsSync(join(REPO_ROOT, file))) throw new Error(`${file} is missing: build the API and the web app first.`);
  }
  const { state, child } = await startServer();
  (globalThis as Record<string, unknown>).__ATELIER_E2E__ = { state, child };
  process.env.E2E_BASE_URL = state.baseUrl;
}
