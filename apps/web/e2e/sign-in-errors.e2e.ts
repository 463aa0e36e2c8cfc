import type { Page } from 'playwright-core';
import { MARKETER, signIn, useBrowserPage } from './support/browser';

describe('sign-in errors', () => {
  const currentPage = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = currentPage();
  });

  it('explains a wrong password, and says the same for an unknown e-mail', async () => {
    await signIn(page, MARKETER, 'not-the-right-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toContain('E-mail ou mot de passe incorrect.');
    expect(page.url()).toContain('/sign-in');

    await signIn(page, 'nobody@atelier.example', 'not-the-right-password');
    await page.getByRole('alert').waitFor();
    expect((await page.getByRole('alert').innerText()).trim()).toContain('E-mail ou mot de passe incorrect.');
  });

  it('validates the e-mail before calling the API', async () => {
    await signIn(page, 'not-an-email', 'whatever-password');
    await page.getByText('Saisissez une adresse e-mail valide.').waitFor();
  });
});
