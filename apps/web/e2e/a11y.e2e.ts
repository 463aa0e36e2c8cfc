import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ADMIN, MARKETER, signIn, useBrowserPage } from './support/browser';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

describe('accessibility (axe)', () => {
  const currentPage = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = currentPage();
  });

  it('sign-in page', async () => {
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shell (feed) and profile', async () => {
    await signIn(page, MARKETER);
    await page.waitForURL('**/feed');
    await page.getByRole('heading', { level: 1, name: 'Fil' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Votre profil' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('admin page', async () => {
    await signIn(page, ADMIN);
    await page.waitForURL('**/feed');
    await page.goto('/admin');
    await page.getByRole('table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
