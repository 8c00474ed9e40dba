// Visible failure states in the runner: a save that cannot get through says whether the browser is
// offline or the server unreachable; the hand-in says sending / waiting to retry (and why) / done
// next to its button, in a live region, keeps retrying by itself, and the save badge never says
// "Saved" meanwhile; a clock that runs out here says so, with the report one click away; and a
// tutor item can be reported right after its key is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import { storedResponses, type TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, DRILL_AREAS, getJson, waitSaved } from './support/flows.ts';

describe.skipIf(!hasChromium)('the runner when things go wrong', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const heading = () => page.locator('#question-title').innerText();
  const badge = () => page.getByTestId('save-status');

  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, context, page } = session);
  });
  afterAll(() => session?.close());

  it('tells "offline" from "the server cannot be reached" for ordinary saves', async () => {
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 4, areas: DRILL_AREAS });
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await expect.poll(heading).toBe('Question 1 of 4');

    // Online as far as the browser knows, but the server does not answer.
    const refuse = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/attempts/*/responses/*', refuse);
    await page.keyboard.press('a');
    await expect.poll(() => badge().innerText(), { timeout: 10_000 }).toBe('Server unreachable — 1 answer waiting');
    expect(await page.getByText('The server cannot be reached: your answers are kept on this device').count()).toBe(1);
    await expectAccessible(page, 'runner, server unreachable');
    await screenshot(page, 'runner-07-unreachable');

    // The browser goes offline too: now it says so.
    await context.setOffline(true);
    await expect.poll(() => badge().innerText()).toBe('Offline — 1 answer waiting');
    expect(await page.getByText('You are offline: your answers are kept on this device').count()).toBe(1);
    await context.setOffline(false);
    await page.unroute('**/api/attempts/*/responses/*', refuse);
    await waitSaved(page);
    expect(storedResponses(server.db, attempt.id)[0].choice).toBe('A');
  });

  it('shows the hand-in waiting (offline, then unreachable), sending, and done, next to the button', async () => {
    const id = new URL(page.url()).pathname.split('/')[2];
    await page.getByRole('link', { name: 'Review and hand in' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Review before handing in');
    const status = page.getByTestId('hand-in-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.innerText()).toBe('');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Hand in', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, hand in now' }).click();
    await expect.poll(() => status.innerText()).toBe('Not handed in yet: You are offline. Trying again automatically; keep this page open.');
    expect(await status.getAttribute('data-state')).toBe('waiting');
    // The badge does not claim "Saved" while the hand-in is pending.
    expect(await badge().innerText()).toBe('Not handed in yet');
    expect(await badge().getAttribute('data-state')).toBe('hand-in-waiting');
    const retry = page.getByRole('button', { name: 'Try again now' });
    expect(await retry.getAttribute('aria-disabled')).toBeNull();
    await expectAccessible(page, 'hand-in waiting (offline)');
    await screenshot(page, 'runner-08-hand-in-offline');

    // Back online but the server refuses connections: it tries again at once and says why it still waits.
    const refuse = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/attempts/*/submit', refuse);
    await context.setOffline(false);
    await expect.poll(() => status.innerText()).toBe('Not handed in yet: The server cannot be reached. Trying again automatically; keep this page open.');
    expect(await badge().innerText()).toBe('Not handed in yet');
    await page.unroute('**/api/attempts/*/submit', refuse);

    // The next try is slow: the button is disabled and says so while the request is out.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/api/attempts/*/submit', async (route) => {
      await released;
      await route.continue();
    });
    await retry.click();
    const sending = page.getByRole('button', { name: 'Handing in…' });
    await expect.poll(() => sending.getAttribute('aria-disabled')).toBe('true');
    expect(await status.innerText()).toBe('Handing in your answers…');
    expect(await badge().innerText()).toBe('Handing in…');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Handing in…'); // focus stays on it
    await sending.dispatchEvent('click'); // ignored while sending
    release();
    await page.waitForURL(`${server.url}/report/${id}`, { timeout: 15_000 });
    await page.unrouteAll();
    const submits = (await getJson<{ attempts: { id: string; status: string; closedBy: string }[] }>(context.request, `${server.url}/api/attempts`)).attempts;
    expect(submits.find((a) => a.id === id)).toMatchObject({ status: 'submitted', closedBy: 'candidate' });
  });

  it('keeps retrying a hand-in by itself, with backoff, until the server answers', async () => {
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 3, areas: DRILL_AREAS });
    // The page's clock is Playwright's from here on: it runs as usual, and the test jumps it over the
    // backoff waits instead of sitting through them.
    await page.clock.install();
    await page.goto(`${server.url}/exam/${attempt.id}/review`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Review before handing in');
    let tries = 0;
    const failing = (route: Route) => {
      tries++;
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', message: 'Down.' }) });
    };
    await page.route('**/api/attempts/*/submit', failing);
    await page.getByRole('button', { name: 'Hand in', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, hand in now' }).click();
    await expect.poll(() => page.getByTestId('hand-in-status').innerText()).toContain('The server cannot be reached');
    expect(tries).toBe(1);
    // Again after 5 s, by itself, and not before.
    await page.clock.fastForward(4_000);
    expect(tries).toBe(1);
    await page.clock.fastForward(1_000);
    await expect.poll(() => tries).toBe(2);
    // Then after 10 s more.
    await page.unroute('**/api/attempts/*/submit', failing);
    await page.clock.fastForward(9_000);
    expect(page.url()).toBe(`${server.url}/exam/${attempt.id}/review`);
    await page.clock.fastForward(1_000);
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
  });

  it('offers the report-question form under a tutor item once its key is shown', async () => {
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'tutor', length: 2, areas: DRILL_AREAS });
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await expect.poll(heading).toBe('Question 1 of 2');
    // Tutor mode keeps area and code; no report before the key is shown.
    expect(await page.getByTestId('item-meta').innerText()).toMatch(/^Area \d+ · skill code \d+[A-Z]/);
    expect(await page.getByText('Report this question').count()).toBe(0);
    await page.keyboard.press('b');
    await page.keyboard.press('Enter');
    await page.getByTestId('tutor-feedback').locator('h3').waitFor();

    await page.getByText('Report this question').click();
    await page.getByLabel('What is wrong?').selectOption('two_right');
    await page.getByLabel('Details (optional)').fill('B and D both hold for a district this size.');
    await expectAccessible(page, 'tutor item with the report form');
    await screenshot(page, 'runner-09-tutor-report');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => page.getByTestId('question-report').innerText()).toBe('You reported this question (two answers are right): waiting for an answer.');
    const mine = await getJson<{ reports: { itemId: string; reason: string; text: string }[] }>(context.request, `${server.url}/api/me/reports`);
    const view = await getJson<{ items: { itemId: string }[] }>(context.request, `${server.url}/api/attempts/${attempt.id}`);
    expect(mine.reports).toEqual([expect.objectContaining({ itemId: view.items[0].itemId, reason: 'two_right', text: 'B and D both hold for a district this size.' })]);

    // The next item has its own form (none until its key is shown); back on the first, the report is listed.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(heading).toBe('Question 2 of 2');
    expect(await page.getByText('Report this question').count()).toBe(0);
    await page.reload();
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await expect.poll(() => page.getByTestId('question-report').count()).toBe(1);
  });

  it('says "Time expired — your answers were handed in" when the clock runs out here, with the report one step away', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    server.clock.offset = 0;
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 3, minutes: 10, areas: DRILL_AREAS });
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await expect.poll(heading).toBe('Question 1 of 3');
    server.clock.offset = attempt.remainingMs! - 3_000;
    await page.keyboard.press('d');
    await waitSaved(page);

    const expired = page.getByTestId('time-expired');
    await expired.waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${server.url}/exam/${attempt.id}/1`); // no silent jump to the report
    expect(await page.locator('h1').innerText()).toBe('Time expired — your answers were handed in');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('expired-title');
    expect(await page.title()).toContain('Time expired');
    const summary = await getJson<{ attempts: { id: string; status: string; closedBy: string }[] }>(context.request, `${server.url}/api/attempts`);
    expect(summary.attempts.find((a) => a.id === attempt.id)).toMatchObject({ status: 'submitted', closedBy: 'time' });
    expect(storedResponses(server.db, attempt.id)[0].choice).toBe('D');
    await expectAccessible(page, 'time expired at 320 px');
    await screenshot(page, 'runner-10-time-expired');

    await page.getByRole('link', { name: 'See your report' }).click();
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Report');
    // Opening the runner of an attempt closed earlier goes straight to its report.
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
