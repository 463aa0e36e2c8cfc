import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { MARKETER, launchBrowser, newPage, signIn } from './support/browser';

const COLLEAGUE = 'julien.moreau@atelier.example';
const SPACE = 'Digital & Social';

/** Signed in, on the feed, with the feed loaded and the live connection open. */
async function onLiveFeed(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL('**/feed');
  await page.locator('[data-testid="post-list"], .feed .empty').first().waitFor();
  await page.waitForSelector('html[data-live="on"]');
}

const bell = (page: Page) => page.getByTestId('notification-bell');

describe('social: live feed, comments and notifications between two people', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it('A posts, B sees it live and comments, A is notified live', async () => {
    const a = await newPage(browser);
    const b = await newPage(browser);
    contexts.push(a.context, b.context);
    const alice = a.page;
    const bob = b.page;
    await Promise.all([onLiveFeed(alice, MARKETER), onLiveFeed(bob, COLLEAGUE)]);

    const unreadBefore = Number((await bell(alice).getAttribute('aria-label'))?.match(/(\d+) non lue/)?.[1] ?? 0);

    // A publishes in the team space.
    const text = `Campagne d'automne : +32 % de clics ${Date.now().toString(36)}`;
    const composer = alice.getByTestId('composer');
    await composer.getByLabel('Publier dans').selectOption({ label: SPACE });
    await composer.getByRole('textbox').fill(text);
    await composer.getByRole('button', { name: 'Publier' }).click();
    await alice.getByTestId('post-list').getByText(text).waitFor();
    await alice.getByRole('status').getByText(`Votre publication est en ligne dans ${SPACE}.`).waitFor();
    expect(await alice.getByTestId('post-list').getByText(text).count()).toBe(1);

    // B, who did not reload, sees it within 2 seconds, once.
    const bobsCard = bob.locator('article', { hasText: text });
    await bobsCard.waitFor({ timeout: 2_000 });
    expect(await bobsCard.count()).toBe(1);

    // B reacts and comments from the post page.
    await bobsCard.getByRole('button', { name: /^J'aime/ }).click();
    await bobsCard.getByRole('button', { name: "J'aime (1)" }).waitFor();
    expect(await bobsCard.getByRole('button', { name: "J'aime (1)" }).getAttribute('aria-pressed')).toBe('true');
    await bobsCard.getByRole('link', { name: 'Aucun commentaire' }).click();
    await bob.waitForURL('**/posts/*');
    const comment = `Bravo, on reprend ce format ! ${Date.now().toString(36)}`;
    await bob.getByLabel('Ajouter un commentaire').fill(comment);
    await bob.getByRole('button', { name: 'Commenter', exact: true }).click();
    await bob.getByTestId('comment-list').getByText(comment).waitFor();

    // A's badge rises live, and A's card follows (comment count, reactions) without reload.
    await alice.waitForFunction(
      (before) => {
        const label = document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '';
        const n = Number(label.match(/(\d+) non lue/)?.[1] ?? 0);
        return n > before;
      },
      unreadBefore,
      { timeout: 5_000 },
    );
    const alicesCard = alice.locator('article', { hasText: text });
    await alicesCard.getByRole('link', { name: '1 commentaire' }).waitFor({ timeout: 5_000 });
    await alicesCard.getByRole('button', { name: "J'aime (1)" }).waitFor({ timeout: 5_000 });

    // A opens the panel: grouped sentences, a link to the content, mark all read.
    await bell(alice).click();
    const panel = alice.getByRole('region', { name: 'Notifications' });
    await panel.getByText('Julien Moreau a commenté votre publication').waitFor();
    await panel.getByText('Julien Moreau a réagi à votre contenu').waitFor();
    await panel.getByRole('link', { name: /^Julien Moreau a commenté votre publication/ }).click();
    await alice.waitForURL('**/posts/*');
    await alice.getByTestId('comment-list').getByText(comment).waitFor();
    await bell(alice).click();
    await alice.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await alice.waitForFunction(
      () => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === 'Notifications',
    );
    expect(await alice.getByTestId('notification-count').count()).toBe(0);
  });
});
