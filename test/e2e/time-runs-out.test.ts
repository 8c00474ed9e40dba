// The server owns the clock. Moving the server's clock forward (its `now` is injectable) makes time
// pass without waiting: the runner re-syncs on every save, warns at 15, 5 and 1 minutes (one live
// region), and closes the attempt itself at zero, saying so ("Time expired — your answers were
// handed in", focus on it) with the report one click away. If the server closed it first, a save's
// 409 leads to the same notice, which says what could not be saved; the report lists it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, hasChromium, screenshot } from './support/browser.ts';
import { storedResponses, type TestServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, DRILL_AREAS, getJson, timerSeconds, waitSaved } from './support/flows.ts';

describe.skipIf(!hasChromium)('an exam whose time runs out', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    ({ server, context, page } = session);
  });

  afterAll(() => session?.close());

  it('warns at 15, 5 and 1 minutes, and closes itself at zero, saying so, with the report one click away', async () => {
    server.clock.offset = 0;
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 10, minutes: 20, areas: DRILL_AREAS });
    expect(attempt.remainingMs).toBe(20 * 60_000);
    // Moves the server's clock so that exactly `ms` are left, however long the test has run so far.
    const leave = (ms: number) => (server.clock.offset = attempt.deadline! - Date.now() - ms);
    const warning = page.getByTestId('time-warning');

    // 15:06 left on the server (6 s for the page to load on a busy machine); the page reads it on load
    // and announces nothing yet.
    leave(15 * 60_000 + 6_000);
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await page.locator('#question-title').waitFor();
    const shown = await timerSeconds(page);
    expect(shown).toBeGreaterThan(15 * 60);
    expect(shown).toBeLessThanOrEqual(15 * 60 + 6);
    expect(await warning.getAttribute('aria-live')).toBe('polite');
    expect(await warning.innerText()).toBe('');
    await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toBe('15 minutes left.');
    // That live region is the only one on the page: nothing else is announced on its own.
    expect(await page.locator('[aria-live], [role=status], [role=alert], [role=log]').count()).toBe(1);

    // Each save re-syncs the countdown with the server: jump to 5:02, then to 1:02.
    leave(5 * 60_000 + 2_000);
    await page.keyboard.press('a');
    await waitSaved(page);
    expect(Math.abs((await timerSeconds(page)) - (5 * 60 + 2))).toBeLessThanOrEqual(2);
    await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toBe('5 minutes left.');

    leave(62_000);
    await page.keyboard.press('b');
    await waitSaved(page);
    await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toBe('1 minute left.');
    // The last-minute colours keep their contrast.
    const violations1 = await axeViolations(page);
    expect(violations1, describeViolations(violations1)).toEqual([]);
    await screenshot(page, '10-runner-one-minute');

    // 3 seconds before the deadline: the runner hands in by itself at zero.
    leave(3_000);
    await page.keyboard.press('c');
    await waitSaved(page);
    expect(await timerSeconds(page)).toBeLessThanOrEqual(4);

    await page.getByTestId('time-expired').waitFor({ timeout: 15_000 });
    expect(await page.locator('h1').innerText()).toBe('Time expired — your answers were handed in');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('expired-title');
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Report');
    const summary = await getJson<{ attempts: { id: string; status: string }[] }>(context.request, `${server.url}/api/attempts`);
    expect(summary.attempts.find((a) => a.id === attempt.id)?.status).toBe('submitted');
    expect(storedResponses(server.db, attempt.id)[0].choice).toBe('C');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, '11-report-after-time-out');
  });

  it('says time expired and lists the unsaved choice in the report, when the server has already closed the attempt', async () => {
    server.clock.offset = 0;
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 10, areas: DRILL_AREAS });
    await page.goto(`${server.url}/exam/${attempt.id}/2`);
    await page.locator('#question-title').waitFor();
    expect(await timerSeconds(page)).toBeGreaterThan(11 * 60);

    // Past the deadline and the 30-second grace: the server refuses the next save (409 attempt_closed).
    server.clock.offset = attempt.remainingMs! + 31_000;
    await page.keyboard.press('c');
    await page.getByTestId('time-expired').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('time-expired').innerText()).toContain('1 answer chosen after the server had closed the exam could not be saved');
    await page.getByRole('link', { name: 'See your report' }).click();
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Report');
    expect(await page.getByText('closed when time ran out').count()).toBe(1);
    // The refused choice is not silently dropped: the report names it.
    await expect.poll(() => page.getByTestId('unsaved').innerText()).toContain('question 2 (C)');
    expect(storedResponses(server.db, attempt.id)[1].choice).toBeNull();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, '12-report-unsaved-choice');
  });
});
