import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { MARKETER, launchBrowser, newPage, signIn } from './support/browser';

const MANAGER = 'sophie.lambert@atelier.example';

const status = (page: Page) => page.getByTestId('brief-status');

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('brief-heading').waitFor();
}

describe('briefs: write, review, approve, launch and measure', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('a marketer writes and submits, a manager asks for changes then approves, a verified figure moves the bar', async () => {
    const m = await newPage(browser);
    const r = await newPage(browser);
    contexts.push(m.context, r.context);
    const marketer = m.page;
    const manager = r.page;
    await Promise.all([signIn(marketer, MARKETER), signIn(manager, MANAGER)]);
    await Promise.all([marketer.waitForURL('**/feed'), manager.waitForURL('**/feed')]);

    // The marketer starts a brief from the template.
    const title = `Essais DS 4 week-end ${Date.now().toString(36)}`;
    await marketer.goto('/briefs');
    await marketer.getByTestId('new-brief').click();
    await marketer.getByTestId('brief-title').fill(title);
    await marketer.getByTestId('brief-team').selectOption({ label: 'Digital & Social' });
    await marketer.getByTestId('create-brief').click();
    await marketer.waitForURL(/\/briefs\/[0-9a-f-]{36}$/);
    const url = new URL(marketer.url()).pathname;
    await marketer.getByTestId('brief-heading').filter({ hasText: title }).waitFor();
    await status(marketer).filter({ hasText: 'Brouillon' }).waitFor();

    // One KPI, then submission.
    await marketer.getByTestId('edit-kpis').click();
    await marketer.getByTestId('add-kpi').click();
    await marketer.getByTestId('kpi-metric').selectOption('TEST_DRIVE_REQUESTS');
    await marketer.getByTestId('kpi-target').fill('200');
    await marketer.getByTestId('save-kpis').click();
    await marketer.getByTestId('kpi').filter({ hasText: "Demandes d'essai" }).waitFor();
    await marketer.getByTestId('submit-brief').click();
    await status(marketer).filter({ hasText: 'En revue' }).waitFor();

    // The manager, in another browser, sends it back with a comment.
    await open(manager, url);
    await manager.getByTestId('review-comment').fill('Précisez la zone géographique des essais.');
    await manager.getByTestId('request-changes').click();
    await status(manager).filter({ hasText: 'Brouillon' }).waitFor();

    // The marketer sees the request in the timeline, edits (autosaved) and resubmits.
    await open(marketer, url);
    await marketer.getByTestId('brief-timeline').getByText('Précisez la zone géographique des essais.').waitFor();
    await marketer.getByTestId('edit-brief').click();
    await marketer
      .getByTestId('brief-objective')
      .fill('200 demandes d’essai dans les concessions de Lyon et Grenoble.');
    await marketer.getByTestId('autosave').filter({ hasText: 'Enregistré' }).waitFor();
    // A file attached by mistake is taken off again.
    const files = marketer.getByTestId('brief-files-editor');
    await files.locator('input[type="file"]').setInputFiles({
      name: 'plan média.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await files.getByTestId('attach-files').click();
    await files.getByTestId('brief-file').filter({ hasText: 'plan média.pdf' }).waitFor();
    await files.getByRole('button', { name: 'Retirer plan média.pdf du brief' }).click();
    await files.getByText('Aucun fichier joint.').waitFor();
    await marketer.getByTestId('done-editing').click();
    await marketer.getByText('200 demandes d’essai dans les concessions de Lyon et Grenoble.').waitFor();
    await marketer.getByTestId('submit-brief').click();
    await status(marketer).filter({ hasText: 'En revue' }).waitFor();

    // The manager approves; the marketer, who owns it, launches.
    await open(manager, url);
    await manager.getByTestId('approve-brief').click();
    await status(manager).filter({ hasText: 'Validé' }).waitFor();
    await open(marketer, url);
    await marketer.getByTestId('launch-brief').click();
    await status(marketer).filter({ hasText: 'En cours' }).waitFor();

    // The marketer records a figure: claimed, not counted yet.
    const panel = marketer.getByTestId('roo-panel');
    await panel.getByTestId('record-actual').click();
    await panel.getByTestId('actual-value').fill('150');
    await panel.getByTestId('actual-evidence').fill('https://analytics.atelier.example/essais');
    await panel.getByTestId('save-actual').click();
    await panel.getByTestId('actual-status').filter({ hasText: 'Déclaré' }).waitFor();
    expect(await panel.getByTestId('attainment-bar').getAttribute('aria-valuenow')).toBeNull();

    // The manager verifies it: the attainment bar moves to 75 %.
    await open(manager, url);
    const managerPanel = manager.getByTestId('roo-panel');
    await managerPanel.getByTestId('verify-actual').click();
    await managerPanel.getByTestId('actual-status').filter({ hasText: 'Vérifié' }).waitFor();
    await managerPanel
      .getByTestId('attainment-value')
      .filter({ hasText: /75\s?%/ })
      .waitFor();
    expect(await managerPanel.getByTestId('attainment-bar').getAttribute('aria-valuenow')).toBe('75');

    // The marketer's page follows live.
    await panel
      .getByTestId('attainment-value')
      .filter({ hasText: /75\s?%/ })
      .waitFor({ timeout: 15_000 });
    // A long story between two people: more time than the default, still no sleeps.
  }, 150_000);
});

describe('briefs at phone width', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the live DS 4 brief, its claimed-vs-verified gap and its scorecard without sideways scrolling', async () => {
    ({ context } = await newPage(browser));
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, MANAGER);
    await page.waitForURL('**/feed');
    await page.goto('/briefs?status=LIVE');
    await page
      .getByTestId('brief-list')
      .getByRole('link', { name: /Lancement DS 4/ })
      .click();
    await page.getByTestId('brief-heading').waitFor();
    const panel = page.getByTestId('roo-panel');
    await panel.getByTestId('kpi-gap').first().waitFor();
    expect(await panel.getByTestId('kpi-gap').first().textContent()).toMatch(/écart \+340/);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/briefs-phone.png', fullPage: false });
    await page.goto('/briefs/scorecard');
    await page.getByRole('heading', { name: 'Tableau de bord par canal' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
