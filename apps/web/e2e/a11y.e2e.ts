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

  it('feed with posts, post page with comments, spaces and search', async () => {
    await signIn(page, MARKETER);
    await page.waitForURL('**/feed');
    const text = `Accessibilité ${Date.now().toString(36)} : **bravo**`;
    const composer = page.getByTestId('composer');
    await composer.getByLabel('Publier dans').selectOption({ label: 'Digital & Social' });
    await composer.getByRole('textbox').fill(text);
    await composer.getByRole('tab', { name: 'Aperçu' }).click();
    await composer.getByRole('tabpanel').locator('strong').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await composer.getByRole('button', { name: 'Publier' }).click();
    const card = page.locator('article', { hasText: 'Accessibilité' }).first();
    await card.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('link', { name: 'Aucun commentaire' }).click();
    await page.waitForURL('**/posts/*');
    await page.getByLabel('Ajouter un commentaire').fill('Un commentaire');
    await page.getByRole('button', { name: 'Commenter', exact: true }).click();
    await page.getByTestId('comment-list').getByText('Un commentaire').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/spaces');
    await page.getByTestId('spaces-list').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/search?q=accessibilit%C3%A9');
    await page.getByRole('heading', { level: 1, name: /Résultats pour/ }).waitFor();
    await page.locator('[data-testid="search-results"], .empty').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('admin page', async () => {
    await signIn(page, ADMIN);
    await page.waitForURL('**/feed');
    await page.goto('/admin');
    await page.getByRole('table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  // The valid invitation form and a freshly joined thread are checked in co-creation.e2e.ts.
  it('invitation link that cannot be used, and a customer threads and thread pages', async () => {
    await page.goto('/invitation/not-a-real-token');
    await page.getByTestId('invitation-invalid').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, 'pierre.durand@client.example');
    await page.waitForURL('**/threads');
    await page.locator('[data-testid="thread-list"], .empty').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('thread-list').getByRole('link').first().click();
    await page.waitForURL(/\/threads\/[^/]+$/);
    await page.locator('[data-testid="proposal-list"], [data-testid="proposals"] .empty').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
