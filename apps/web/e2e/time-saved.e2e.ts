import { type Page } from 'playwright-core';
import { MARKETER, launchBrowser, newPage, signIn } from './support/browser';

const MANAGER = 'thomas.girard@atelier.example';
const TEAMMATE = 'lea.fontaine@atelier.example';

async function figure(page: Page, testid: string): Promise<number> {
  const tile = page.getByTestId(testid);
  await tile.waitFor();
  return Number(await tile.getAttribute('data-value'));
}

describe('time saved: one click on a post, quick entry, and the dashboard', () => {
  it('a marketer says a post saved them time and adjusts it to 30 minutes', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      await signIn(page, MARKETER);
      await page.waitForURL('**/feed');
      const card = page
        .locator('article')
        .filter({ has: page.getByTestId('saved-me-time') })
        .first();
      await card.getByTestId('saved-me-time').click();
      // Right after the click, the popover offers to adjust the minutes.
      await card.getByRole('group', { name: 'Ajuster le temps gagné' }).waitFor();
      await card.getByTestId('saved-me-time-30').click();
      await page.getByRole('status').getByText('Temps gagné réglé sur 30 min.').waitFor();
      const button = card.getByTestId('saved-me-time');
      await card.getByRole('button', { name: /30 min gagnées/ }).waitFor();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await card.getByTestId('saved-me-time-count').textContent()).toMatch(/gagnées par \d+ personne/);
    } finally {
      await browser.close();
    }
  });

  it("a manager sees the team's hours and value rise after a quick entry, and the export matches the page", async () => {
    const browser = await launchBrowser();
    try {
      const manager = (await newPage(browser)).page;
      await signIn(manager, MANAGER);
      await manager.waitForURL('**/feed');
      await manager.goto('/dashboard');
      const hoursBefore = await figure(manager, 'kpi-hours');
      const valueBefore = await figure(manager, 'kpi-value');

      // A teammate logs two hours from anywhere with the keyboard shortcut.
      const teammate = (await newPage(browser)).page;
      await signIn(teammate, TEAMMATE);
      await teammate.waitForURL('**/feed');
      // "T" when not typing in a field.
      await teammate.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await teammate.keyboard.press('t');
      const dialog = teammate.getByRole('dialog', { name: 'Noter du temps gagné' });
      await dialog.getByLabel('Minutes gagnées').fill('120');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await teammate.getByRole('status').getByText('2 h notées comme temps gagné.').waitFor();

      await manager.reload();
      await manager.getByTestId('kpi-hours').waitFor();
      const hoursAfter = await figure(manager, 'kpi-hours');
      expect(Math.round((hoursAfter - hoursBefore) * 100) / 100).toBe(2);
      expect(await figure(manager, 'kpi-value')).toBeGreaterThan(valueBefore);

      const [download] = await Promise.all([
        manager.waitForEvent('download'),
        manager.getByTestId('export-roi').click(),
      ]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const csv = Buffer.concat(chunks).toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const row = (name: string) =>
        Number(
          csv
            .split('\r\n')
            .find((line) => line.startsWith(`${name},`))
            ?.split(',')[1],
        );
      expect(row('hours_saved')).toBe(hoursAfter);
      expect(row('value')).toBe(await figure(manager, 'kpi-value'));
    } finally {
      await browser.close();
    }
    // Two people sign in and the dashboard loads twice: slower than most browser tests.
  }, 120_000);
});
