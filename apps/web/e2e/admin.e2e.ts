import type { Page } from 'playwright-core';
import { ADMIN, signIn, useBrowserPage } from './support/browser';

describe('administration', () => {
  const currentPage = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = currentPage();
  });

  it('creates a team and a user, then deactivates and reactivates the user', async () => {
    const suffix = Date.now().toString(36);
    const teamName = `Équipe test ${suffix}`;
    const email = `test.${suffix}@atelier.example`;
    const name = `Test ${suffix}`;

    await signIn(page, ADMIN);
    await page.waitForURL('**/feed');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row', { name: /helene\.roussel@atelier\.example/ }).count()).toBe(1);

    // Team
    const teamForm = page.getByTestId('create-team-form');
    await teamForm.getByLabel(/^Nom de l'équipe/).fill(teamName);
    await teamForm.getByRole('button', { name: "Créer l'équipe" }).click();
    await page.getByTestId('teams-list').getByText(teamName).waitFor();
    await page.getByRole('status').getByText(`L'équipe ${teamName} a été créée.`).waitFor();

    // User, in the new team
    const userForm = page.getByTestId('create-user-form');
    await userForm.getByLabel(/^Nom affiché/).fill(name);
    await userForm.getByLabel(/^Adresse e-mail/).fill(email);
    await userForm.getByLabel(/^Mot de passe initial/).fill('a-long-enough-password');
    await userForm.getByLabel('Rôle').selectOption('MANAGER');
    await userForm.getByLabel(teamName).check();
    await userForm.getByRole('button', { name: "Créer l'utilisateur" }).click();

    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Manager');
    expect(await row.innerText()).toContain(teamName);
    expect(await row.innerText()).toContain('Actif');

    // Deactivate, with confirmation
    await row.getByRole('button', { name: `Désactiver ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Désactiver ${name} ?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Désactiver' }).click();
    await row.getByText('Désactivé', { exact: true }).waitFor();
    await page.getByRole('status').getByText(`${name} a été désactivé.`).waitFor();

    // Reactivate
    await row.getByRole('button', { name: `Réactiver ${name}` }).click();
    await row.getByText('Actif', { exact: true }).waitFor();
    await page.getByRole('status').getByText(`${name} a été réactivé.`).waitFor();

    // It all survives a reload
    await page.reload();
    await page.getByRole('table').waitFor();
    const reloaded = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    expect(await reloaded.innerText()).toContain('Actif');
    expect(await page.getByTestId('teams-list').innerText()).toContain(teamName);
  });
});
