// Sign-up, sign-in and sign-out, with a clear message for every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { newCandidate, registerViaApi } from './support/flows.ts';

describe.skipIf(!hasChromium)('signing up, in and out', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const existing = newCandidate('auth');

  const errorSummary = () => page.locator('.error-summary').innerText();
  const noViolations = (screen: string) => expectAccessible(page, screen);

  let session: Session;
  beforeAll(async () => {
    session = await openSession({}, { signedUp: false });
    ({ server, browser, context, page } = session);
    const setup = await browser.newContext();
    await registerViaApi(setup.request, server.url, existing);
    await setup.close();
  });
  afterAll(() => session?.close());

  it('sends a visitor to sign in and back to the page they asked for', async () => {
    await page.goto(`${server.url}/profile`);
    await page.waitForURL(`${server.url}/signin?next=%2Fprofile`);
    await noViolations('sign-in');
    await screenshot(page, '14-sign-in');
  });

  it('names every missing field on an empty sign-up', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByRole('button', { name: 'Create account' }).click();
    const text = await errorSummary();
    expect(text).toContain('Enter your name.');
    expect(text).toContain('Enter an email address like name@example.org.');
    expect(text).toContain('Password is too short: use at least 15 characters.');
  });

  it('refuses a taken email with the server message and a way to sign in', async () => {
    await page.locator('#name').fill('Someone Else');
    await page.locator('#email').fill(existing.email.toUpperCase());
    await page.locator('#password').fill('another long passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(errorSummary).toContain('An account with this email already exists; sign in instead.');
    expect(await page.getByRole('link', { name: 'Sign in with this email' }).count()).toBe(1);
    await noViolations('sign-up refused');
    await screenshot(page, '15-sign-up-email-taken');
  });

  it('refuses a wrong password, then rate-limits, each with a clear message', async () => {
    await page.goto(`${server.url}/signin`);
    await page.locator('#email').fill(existing.email);
    await page.locator('#password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(errorSummary).toContain('That email and password do not match an account.');
    await noViolations('sign-in refused');
    await screenshot(page, '16-sign-in-wrong-password');
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(errorSummary).toContain('Too many failed sign-ins; wait 15 minutes and try again.');
  });

  it('signs in, returns to the page asked for, and signs out', async () => {
    // The per-account limit blocks the account above for 15 minutes; a fresh account signs in.
    const fresh = newCandidate('auth-fresh');
    const setup = await browser.newContext();
    await registerViaApi(setup.request, server.url, fresh);
    await setup.close();
    await page.goto(`${server.url}/profile`);
    await page.waitForURL(/\/signin\?next=/);
    await page.locator('#email').fill(fresh.email);
    await page.locator('#password').fill(fresh.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/profile`);
    await expect.poll(() => page.locator('#name').inputValue()).toBe(fresh.name);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/signin`);
    const me = await context.request.get(`${server.url}/api/me`);
    expect(me.status()).toBe(401);
    // Signed out, / is the landing page (issue 13), not a redirect to sign in.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Practice for the CETL exam' }).waitFor();
    expect(page.url()).toBe(`${server.url}/`);
  });
});
