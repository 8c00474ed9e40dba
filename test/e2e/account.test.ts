// Account basics in the browser: "Forgot your password?" through to signing in with the new one
// (the link read from the server log, as the log transport writes it), changing the email address,
// signing out while offline, and deleting the account with a typed confirmation. Every screen is
// checked with axe at 1280 and 320 CSS px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launch, screenshot } from './support/browser.ts';
import { ensureClientBuilt, startServer, type TestServer } from './support/server.ts';
import { expectAccessible } from './support/session.ts';
import { fitsWidth, newCandidate, registerViaApi } from './support/flows.ts';

describe.skipIf(!hasChromium)('account basics', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const log: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer({ log });
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The latest link of this kind mailed to the address, from the log transport's line. */
  const mailedLink = async (email: string, kind: 'reset' | 'confirm-email') => {
    let link: string | undefined;
    await expect.poll(() => {
      const lines = log.map((l) => JSON.parse(l) as { msg: string; mailTo?: string }).filter((l) => l.mailTo === email.toLowerCase());
      link = lines.flatMap((l) => l.msg.match(new RegExp(`https?://\\S+/${kind}/[\\w-]+`))?.[0] ?? []).at(-1);
      return link;
    }, { timeout: 10_000 }).toBeDefined();
    return link!;
  };

  /** axe-clean at 1280 and at 320 CSS px, without sideways scrolling at 320. */
  const bothWidths = async (screen: string) => {
    await expectAccessible(page, `${screen} at 1280`);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, `${screen} at 320`);
    expect(await fitsWidth(page), `${screen} fits 320 px`).toBe(true);
    await screenshot(page, `account-${screen.replace(/\W+/g, '-')}-320`);
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  const signInThroughForm = async (email: string, password: string) => {
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
  };

  it('resets a forgotten password through the mailed link', async () => {
    const who = newCandidate('reset');
    const setup = await browser.newContext();
    await registerViaApi(setup.request, server.url, who);
    await setup.close();

    await page.goto(`${server.url}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${server.url}/forgot-password`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Reset your password');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Enter your email address');
    await bothWidths('forgot password refused');
    await page.locator('#email').fill(who.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByTestId('reset-sent').innerText()).toContain('If an account uses that address');
    await bothWidths('forgot password sent');

    const link = await mailedLink(who.email, 'reset');
    expect(link.startsWith(`${server.url}/reset/`)).toBe(true);
    await page.goto(link);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Choose a new password');
    await page.locator('#new-password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('at least 15 characters');
    await bothWidths('reset password refused');
    const fresh = 'an entirely fresh passphrase';
    await page.locator('#new-password').fill(fresh);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${server.url}/signin?reset=done`);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Sign in with the new password');
    await bothWidths('sign in after reset');

    // The link worked once.
    await page.goto(link);
    await page.locator('#new-password').fill('one more fresh passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('This reset link is not valid');
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).count()).toBe(1);
    await bothWidths('reset link used');

    await page.goto(`${server.url}/signin`);
    await signInThroughForm(who.email, fresh);
  });

  it('tells the person they are still signed in when signing out offline', async () => {
    await page.goto(`${server.url}/profile`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Profile');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByTestId('sign-out-problem').innerText()).toContain('You are offline, so you are not signed out yet');
    expect(await page.getByTestId('sign-out-problem').getAttribute('role')).toBe('alert');
    expect(new URL(page.url()).pathname).toBe('/profile');
    await context.setOffline(false);
    expect((await context.request.get(`${server.url}/api/me`)).status()).toBe(200);
    await expectAccessible(page, 'sign-out refused offline');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/signin`);
    expect(await page.getByTestId('sign-out-problem').count()).toBe(0);
    expect((await context.request.get(`${server.url}/api/me`)).status()).toBe(401);
  });

  it('changes the email address only once the link sent to the new one is confirmed', async () => {
    await context.clearCookies();
    const who = await registerViaApi(context.request, server.url, newCandidate('moving'));
    const target = `moved-${Date.now()}@example.org`;
    await page.goto(`${server.url}/profile`);
    await page.locator('#new-email').fill(target);
    await page.locator('#email-password').fill('not the password');
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    // Each password check runs scrypt on the server: allow for it.
    await expect.poll(() => page.locator('.error-summary').innerText(), { timeout: 15_000 }).toContain('Your password is not right');
    await page.locator('#email-password').fill(who.password);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await expect.poll(() => page.getByTestId('email-change-sent').innerText(), { timeout: 15_000 }).toContain(`We sent a link to ${target}`);
    expect((await (await context.request.get(`${server.url}/api/me`)).json()).user.email).toBe(who.email.toLowerCase());

    await page.goto(await mailedLink(target, 'confirm-email'));
    await expect.poll(() => page.locator('h1').innerText()).toBe('Confirm your new email address');
    await bothWidths('confirm email');
    await page.getByRole('button', { name: 'Confirm new address' }).click();
    await expect.poll(() => page.getByTestId('email-confirmed').innerText()).toBe(`Your sign-in address is now ${target}.`);
    await bothWidths('email confirmed');
    expect((await (await context.request.get(`${server.url}/api/me`)).json()).user.email).toBe(target);
  });

  it('deletes the account after the typed confirmation', async () => {
    await context.clearCookies();
    const who = await registerViaApi(context.request, server.url, newCandidate('leaving'));
    await page.goto(`${server.url}/profile#delete`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Profile');
    const download = await context.request.get(`${server.url}/api/me/export`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect(await page.getByRole('link', { name: 'Download my data' }).first().getAttribute('href')).toBe('/api/me/export');

    await page.locator('#delete-confirm').fill('DELETE');
    await page.locator('#delete-password').fill(who.password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain(`Type your email address, ${who.email.toLowerCase()}, exactly as shown.`);
    expect((await context.request.get(`${server.url}/api/me`)).status()).toBe(200);
    await bothWidths('profile with delete refused');
    await screenshot(page, 'account-profile-1280');

    await page.locator('#delete-confirm').fill(who.email);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${server.url}/signin?deleted=1`);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Your account and everything kept about you were deleted');
    expect((await context.request.get(`${server.url}/api/me`)).status()).toBe(401);
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { email: who.email, password: who.password } });
    expect(login.status()).toBe(401);
    expect(server.db.$client.prepare('select count(*) from users where email = ?').pluck().get(who.email.toLowerCase())).toBe(0);
  });
});
