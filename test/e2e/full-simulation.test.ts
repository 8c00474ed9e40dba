// 100 questions in the runner: the navigator, the clock in hours, the review and the report at full
// size. The dashboard's "Full simulation" needs a bank that fills every area's quota; until then
// that one test is skipped with a warning, and the 100-question runner is exercised on a drill
// drawn from the areas that are already full.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apportion } from '../../server/domain/blueprint.ts';
import { loadBank } from '../../server/bank/load.ts';
import { hasChromium, screenshot } from './support/browser.ts';
import { root, type TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, DRILL_AREAS, timerSeconds, waitSaved } from './support/flows.ts';

function fullExamShortfall(): string | null {
  const bank = loadBank(join(root, 'question-bank'));
  if (!bank.framework) return 'the framework does not load';
  const have = new Map<number, number>();
  for (const item of bank.items) have.set(item.area, (have.get(item.area) ?? 0) + 1);
  const quota = apportion(100, bank.framework.framework.areas.map((a) => ({ area: a.number, weight: a.weight })));
  const short = quota.filter((q) => (have.get(q.area) ?? 0) < q.count).map((q) => `area ${q.area} has ${have.get(q.area) ?? 0} of ${q.count}`);
  return short.length ? short.join(', ') : null;
}

const shortfall = fullExamShortfall();
if (shortfall) console.warn(`[e2e] the bank cannot fill a 100-question simulation yet (${shortfall}); that test is skipped.`);

describe.skipIf(!hasChromium)('100 questions', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;

  const noViolations = (screen: string) => expectAccessible(page, screen);

  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, context, page } = session);
  });

  afterAll(() => session?.close());

  it('runs a 100-question, 2-hour attempt: navigator, jump, review and a full report', async () => {
    const { attempt } = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 100, areas: DRILL_AREAS });
    expect(attempt.remainingMs).toBe(120 * 60_000);
    await page.goto(`${server.url}/exam/${attempt.id}/1`);
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 1 of 100');
    expect((await page.getByRole('timer').innerText()).trim()).toMatch(/^(2:00:00|1:59:5\d)$/);
    expect(await timerSeconds(page)).toBeGreaterThan(119 * 60);
    const links = page.locator('nav[aria-labelledby=navigator-title] a');
    expect(await links.count()).toBe(100);
    await noViolations('runner with 100 questions');
    await screenshot(page, '20-runner-100');

    await page.keyboard.press('d');
    await waitSaved(page);
    await page.getByRole('link', { name: 'Question 87: unanswered' }).click();
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 87 of 100');
    expect(page.url()).toBe(`${server.url}/exam/${attempt.id}/87`);
    await page.keyboard.press('b');
    await waitSaved(page);

    await page.getByRole('link', { name: 'Review and hand in' }).click();
    await expect.poll(() => page.locator('#unanswered-title').innerText()).toBe('Unanswered (98)');
    await noViolations('review with 100 questions');
    await page.getByRole('button', { name: 'Hand in', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, hand in now' }).click();
    await page.waitForURL(`${server.url}/report/${attempt.id}`);
    await expect.poll(() => page.getByTestId('report-item').count()).toBe(100);
    await noViolations('report with 100 questions');
  });

  it.skipIf(shortfall !== null)('starts the full simulation from the dashboard: 100 questions, 120 minutes', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('input[name=kind][value=full]').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/exam\/[^/]+\/1$/);
    expect(await page.getByTestId('intro-questions').innerText()).toContain('100 questions');
    expect(await page.getByTestId('intro-time').innerText()).toBe('2 hours');
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 1 of 100');
    expect(await timerSeconds(page)).toBeGreaterThan(119 * 60);
    const id = new URL(page.url()).pathname.split('/')[2];
    const view = await (await context.request.get(`${server.url}/api/attempts/${id}`)).json();
    expect(view.blueprint.map((b: { count: number }) => b.count)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
  });
});
