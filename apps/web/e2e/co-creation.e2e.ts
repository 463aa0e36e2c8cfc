import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { MARKETER, launchBrowser, newPage, signIn } from './support/browser';

const MANAGER = 'thomas.girard@atelier.example';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Signed in, on the feed, with the live connection open. */
async function signedInLive(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL('**/feed');
  await page.waitForSelector('html[data-live="on"]');
}

/** Confirms the dialog opened by a status button (thread or offer) and waits until it is gone. */
async function confirmMove(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('co-creation: staff invite a customer who joins, proposes and is credited on a published offer', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('runs a thread from invitation to credited offer, live', async () => {
    // Three people, two of them signing in, one account created: longer than a one-page test.
    const stamp = Date.now().toString(36);
    const threadTitle = `Série limitée DS4 ${stamp}`;
    const customerEmail = `client-${stamp}@client.example`;
    const customerName = `Inès Client ${stamp}`;
    const proposalTitle = `Toit bi-ton cuivre ${stamp}`;

    const s = await newPage(browser);
    const c = await newPage(browser);
    const m = await newPage(browser);
    contexts.push(s.context, c.context, m.context);
    const staff = s.page;
    const customer = c.page;
    const manager = m.page;
    // A step that does not happen fails on its own line, well within the test's time.
    for (const page of [staff, customer, manager]) page.setDefaultTimeout(15_000);

    // Staff create a thread (opening now, by default) and open it.
    await signedInLive(staff, MARKETER);
    await staff.goto('/co-creation');
    await staff.getByRole('heading', { level: 1, name: 'Co-création' }).waitFor();
    await staff.getByRole('button', { name: 'Nouveau fil' }).click();
    const create = staff.getByRole('dialog', { name: 'Nouveau fil de co-création' });
    await create.getByLabel(/^Titre/).fill(threadTitle);
    await create.getByLabel(/^Question ou défi/).fill('Quelle finition rendrait **votre** DS4 unique ?');
    await create.getByRole('button', { name: 'Nouveau fil' }).click();
    await staff.waitForURL(/\/co-creation\/[^/]+$/);
    await staff.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await confirmMove(staff, 'Ouvrir le fil');
    await staff.getByTestId('status-chip').getByText('Ouvert aux propositions').waitFor();
    const threadUrl = staff.url();

    // Staff invite a new customer and find the link in the outbox (no mail server in tests).
    const invitations = staff.getByTestId('invitations-panel');
    await invitations.getByLabel('Adresses e-mail des clients').fill(`${customerEmail}\n`);
    await invitations.getByRole('button', { name: 'Inviter' }).click();
    await invitations.getByTestId('invitation-list').getByText(customerEmail).waitFor();
    expect(await seriousViolations(staff)).toEqual([]);
    await invitations.getByRole('link', { name: "Lien dans la boîte d'envoi" }).click();
    await staff.waitForURL(/\/co-creation\/outbox/);
    const message = staff.getByTestId('outbox-message').filter({ hasText: customerEmail }).first();
    const link = await message.getByTestId('outbox-link').inputValue();
    expect(link).toMatch(/\/invitation\/[^/]+$/);

    // Staff go back to the thread and wait for proposals, live.
    await staff.goto(threadUrl);
    await staff.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await staff.waitForSelector('html[data-live="on"]');

    // The customer, in another browser, opens the link and creates an account.
    await customer.goto(new URL(link).pathname);
    await customer.getByRole('heading', { level: 1, name: `Vous êtes invité à « ${threadTitle} »` }).waitFor();
    expect(await customer.getByText(customerEmail).count()).toBeGreaterThan(0);
    expect(await seriousViolations(customer)).toEqual([]);
    const join = customer.getByTestId('invitation-form');
    await join.getByLabel(/^Nom affiché/).fill(customerName);
    await join.getByLabel(/^Mot de passe/).fill('une-phrase-secrete-2026');
    await join.getByLabel(/^Confirmez le mot de passe/).fill('une-phrase-secrete-2026');
    await join.getByRole('button', { name: 'Rejoindre le fil' }).click();
    await customer.waitForURL(/\/threads\/[^/]+$/);
    await customer.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await customer.getByTestId('customer-header').waitFor();
    expect(await customer.getByRole('link', { name: 'Fil', exact: true }).count()).toBe(0);
    await customer.waitForSelector('html[data-live="on"]');
    expect(await seriousViolations(customer)).toEqual([]);

    // The customer proposes; staff see it appear without reloading.
    const propose = customer.getByTestId('proposal-form');
    await propose.getByLabel(/^Titre/).fill(proposalTitle);
    await propose.getByLabel(/^Description/).fill('Un toit cuivre satiné, assorti aux surpiqûres des sièges.');
    await propose.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    await customer.getByTestId('proposal-list').getByText(proposalTitle).waitFor();
    const staffCard = staff.getByTestId('proposal-card').filter({ hasText: proposalTitle });
    await staffCard.waitFor({ timeout: 5_000 });
    expect(await staffCard.getByText(`par ${customerName}`).count()).toBe(1);

    // A shortlist change reaches another staff member's page live, through the staff-only room.
    await signedInLive(manager, MANAGER);
    await manager.goto(threadUrl);
    await manager.waitForSelector('html[data-live="on"]');
    const managerCard = manager.getByTestId('proposal-card').filter({ hasText: proposalTitle });
    await managerCard.waitFor();
    await staffCard.getByRole('button', { name: 'Présélectionner' }).click();
    await managerCard.getByText('Présélectionnée').waitFor({ timeout: 5_000 });
    const customerCard = customer.getByTestId('proposal-list').getByText(proposalTitle);
    expect(await customerCard.count()).toBe(1);
    expect(await customer.getByTestId('proposal-list').getByText('Présélectionnée').count()).toBe(0);

    // Internal pages are out of the customer's reach: they land back in their threads.
    await customer.goto('/feed');
    await customer.waitForURL('**/threads');
    await customer.getByTestId('thread-list').getByRole('link', { name: threadTitle }).waitFor();

    // Staff promote the proposal into an offer.
    await staffCard.getByRole('checkbox', { name: /Sélectionner pour une offre/ }).check();
    await staff
      .getByRole('region', { name: 'Propositions sélectionnées' })
      .getByRole('button', { name: 'Créer une offre' })
      .click();
    const offerDialog = staff.getByRole('dialog', { name: 'Nouvelle offre à partir des propositions' });
    expect(await offerDialog.getByLabel(/^Titre/).inputValue()).toBe(proposalTitle);
    await offerDialog.getByLabel(/^Description/).fill('La finition imaginée par nos clients, en série limitée.');
    await offerDialog.getByLabel('Remise (%)').fill('10');
    await offerDialog.getByRole('button', { name: 'Créer une offre' }).click();
    await staff.waitForURL(/\/co-creation\/offers\/[^/]+$/);
    await staff.getByTestId('offer-credits').getByText(customerName).waitFor();
    const offerPath = new URL(staff.url()).pathname;

    // The manager approves and publishes it.
    await manager.goto(offerPath);
    await manager.getByRole('heading', { level: 1, name: proposalTitle }).waitFor();
    await confirmMove(manager, 'Approuver');
    await manager.getByTestId('status-chip').getByText('Approuvée').waitFor();
    await confirmMove(manager, 'Publier aux clients');
    await manager.getByTestId('status-chip').getByText('Publiée').waitFor();

    // The customer sees the published offer, with their name credited.
    await customer.getByTestId('thread-list').getByRole('link', { name: threadTitle }).click();
    await customer.waitForURL(/\/threads\/[^/]+$/);
    const offers = customer.getByTestId('offer-list');
    await offers.getByText(`Grâce à ${customerName}`).waitFor();
    await offers.getByRole('link', { name: proposalTitle }).click();
    await customer.waitForURL(/\/threads\/offers\/[^/]+$/);
    await customer.getByTestId('offer-credits').getByText(customerName).waitFor();
    expect(await seriousViolations(customer)).toEqual([]);
  }, 150_000);
});
