import type { Page } from 'playwright-core';
import { MARKETER, signIn, useBrowserPage } from './support/browser';

describe('signed-in shell (marketer)', () => {
  const currentPage = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = currentPage();
  });

  it('signs in, shows the staff navigation, switches language and signs out', async () => {
    await signIn(page, MARKETER);
    await page.waitForURL('**/feed');
    await page.getByRole('heading', { level: 1, name: 'Fil' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.map((l) => l.trim())).toEqual(['Fil', 'Espaces', 'Briefs', 'Co-création', 'Temps gagné']);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();
    const englishLinks = await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link')
      .allInnerTexts();
    expect(englishLinks.map((l) => l.trim())).toEqual(['Feed', 'Spaces', 'Briefs', 'Co-creation', 'Time saved']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // The choice is saved on the account: it survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Feed' }).waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Fil' }).waitFor();
    expect(await page.getByRole('link', { name: 'Temps gagné' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Connexion à Atelier' }).waitFor();

    await page.goto('/feed');
    await page.waitForURL(/\/sign-in\?redirect=/);
    await page.getByRole('heading', { level: 1, name: 'Connexion à Atelier' }).waitFor();
  });
});
