import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readState } from './server';

export const DEMO_PASSWORD = 'atelier-demo-2026';
export const MARKETER = 'camille.martin@atelier.example';
export const ADMIN = 'helene.roussel@atelier.example';

export const baseUrl = () => process.env.E2E_BASE_URL ?? readState().baseUrl;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context per test, in French (the demo workspace's language) unless told otherwise. */
export async function newPage(browser: Browser, locale = 'fr-FR'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel(/^(Adresse e-mail|E-mail address)/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
}

/**
 * One browser per test file and a fresh context (cookies, storage) per test: registers the jest
 * hooks and returns a getter for the current test's page.
 */
export function useBrowserPage(locale = 'fr-FR'): () => Page {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await newPage(browser, locale));
  });
  afterEach(async () => {
    await context?.close();
  });
  return () => page;
}
