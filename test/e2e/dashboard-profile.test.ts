// Profile (name, time accommodation shown on timed attempts), the dashboard's start form with the
// server's refusal, continuing an open attempt, the results-by-area chart and the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, DRILL_AREAS, timerSeconds, waitSaved } from './support/flows.ts';

describe.skipIf(!hasChromium)('dashboard and profile', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let attemptId = '';

  const noViolations = (screen: string) => expectAccessible(page, screen);

  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    ({ server, context, page } = session);
  });

  afterAll(() => session?.close());

  it('saves the display name and the time multiplier', async () => {
    await page.goto(`${server.url}/profile`);
    await page.locator('#name').fill('Grace Hopper');
    await page.locator('#multiplier').selectOption('1.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('profile-saved').innerText()).toContain('×1.5');
    const me = await (await context.request.get(`${server.url}/api/me`)).json();
    expect(me.user).toMatchObject({ name: 'Grace Hopper', timeMultiplier: 1.5 });
    await noViolations('profile');
    await screenshot(page, '17-profile');
  });

  it('shows the bank refusal (422) from the server when a drill cannot be drawn', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Hello, Grace Hopper');
    expect(await page.getByText('180 minutes with your ×1.5 accommodation').count()).toBe(1);
    await page.locator('input[name=kind][value=custom]').check();
    await page.locator('#length').fill('150');
    await page.getByText('Limit to skill codes').click();
    await page.locator('input[name=codes][value="1A"]').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('available for code 1A');
    await noViolations('dashboard with refusal');
  });

  it('starts a timed drill with the accommodation shown and the time stretched', async () => {
    await page.locator('input[name=codes][value="1A"]').uncheck();
    await page.locator('#length').fill('10');
    for (const area of DRILL_AREAS) await page.locator(`input[name=areas][value="${area}"]`).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/exam\/[^/]+\/1$/);
    attemptId = new URL(page.url()).pathname.split('/')[2];
    await page.getByRole('button', { name: 'Begin the exam' }).click(); // the exam intro comes first
    await page.locator('#question-title').waitFor();
    expect(await page.getByText('includes ×1.5 time accommodation').count()).toBe(1);
    const seconds = await timerSeconds(page);
    expect(seconds).toBeGreaterThan(17 * 60); // 12 minutes × 1.5 = 18 minutes
    expect(seconds).toBeLessThanOrEqual(18 * 60);
    await page.keyboard.press('a');
    await waitSaved(page);
    await page.getByRole('link', { name: 'Question 3: unanswered' }).click();
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 3 of 10');
  });

  it('offers to continue the open attempt and reopens it at the last slot', async () => {
    await page.getByRole('link', { name: 'Leave to dashboard' }).click();
    await expect.poll(() => page.locator('#continue-title').count()).toBe(1);
    const card = page.locator('section[aria-labelledby=continue-title] li');
    expect(await card.innerText()).toContain('1 of 10 answered');
    await noViolations('dashboard with an open attempt');
    await screenshot(page, '18-dashboard-continue');
    await card.getByRole('link').click();
    await page.waitForURL(`${server.url}/exam/${attemptId}/3`);
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 3 of 10');
  });

  it('charts results by area across finished attempts, with a table, and lists the history', async () => {
    // A second finished attempt through the API, so the chart spans two.
    const other = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 10, areas: DRILL_AREAS });
    for (const slot of [1, 2, 3]) await context.request.put(`${server.url}/api/attempts/${other.attempt.id}/responses/${slot}`, { data: { choice: 'A' } });
    await context.request.post(`${server.url}/api/attempts/${other.attempt.id}/submit`, { data: {} });
    await context.request.post(`${server.url}/api/attempts/${attemptId}/submit`, { data: {} });

    await page.goto(`${server.url}/`);
    const figure = page.locator('section[aria-labelledby=areas-title] figure');
    await figure.waitFor();
    expect(await figure.locator('svg[role=img] > title').innerHTML()).toBe('Percent correct by area over your last 2 finished attempts');
    expect(await figure.locator('svg[role=img] > desc').innerHTML()).toContain('Weakest area');
    expect(await figure.locator('svg[role=img]').count()).toBe(1);
    const rows = await figure.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(1);
    expect(rows).toBeLessThanOrEqual(DRILL_AREAS.length);
    expect(await figure.locator('svg[role=img] rect').count()).toBe(rows * 2);

    const history = page.locator('section[aria-labelledby=history-title] tbody tr');
    expect(await history.count()).toBe(2);
    const list = await (await context.request.get(`${server.url}/api/attempts`)).json();
    for (const a of list.attempts) expect(await history.allInnerTexts()).toContainEqual(expect.stringContaining(`${a.score.correct}/${a.score.total}`));
    await noViolations('dashboard with chart and history');
    await screenshot(page, '19-dashboard-chart');
  });
});
