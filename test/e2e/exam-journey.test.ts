// The whole candidate journey by keyboard alone: sign up, start a 10-item exam (its intro, then
// Begin), answer (letters,
// digits, arrows, Enter), flag, lose the network and keep answering, come back online, reload and
// resume, open a second tab, review, hand in, read the report. axe-core on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, focusedText, hasChromium, screenshot, tabTo } from './support/browser.ts';
import { storedResponses, type TestServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';
import { DRILL_AREAS, getJson, newCandidate, timerSeconds, waitSaved } from './support/flows.ts';

describe.skipIf(!hasChromium)('candidate journey by keyboard alone', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let attemptId = '';
  const who = newCandidate('journey');
  const pageErrors: string[] = [];

  const expectNoAxeViolations = async (screen: string) => {
    const violations = await axeViolations(page);
    expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
  };
  const slotFromUrl = () => Number(new URL(page.url()).pathname.split('/').pop());
  const heading = () => page.locator('#question-title').innerText();

  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } }, { signedUp: false });
    ({ server, context, page } = session);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(() => session?.close());

  it('signs up with the keyboard, after being told the password is too short', async () => {
    await page.goto(`${server.url}/signup`);
    await expect.poll(() => page.title()).toContain('Create an account');
    await expectNoAxeViolations('sign-up');
    await screenshot(page, '01-sign-up');

    await tabTo(page, '#name');
    await page.keyboard.type(who.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(who.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Password is too short: use at least 15 characters.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations('sign-up with errors');
    await screenshot(page, '02-sign-up-refused');

    await tabTo(page, '#password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(who.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(`Hello, ${who.name}`);
  });

  it('starts a custom 10-question exam from the dashboard by keyboard', async () => {
    await expectNoAxeViolations('dashboard (new candidate)');
    await screenshot(page, '03-dashboard-empty');
    await tabTo(page, 'input[name=kind][value=full]');
    await page.keyboard.press('ArrowDown'); // radio group: moves to and selects "Custom practice"
    expect(await page.locator('input[name=kind][value=custom]').isChecked()).toBe(true);
    await tabTo(page, '#length');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('10');
    for (const area of DRILL_AREAS) {
      await tabTo(page, `input[name=areas][value="${area}"]`);
      await page.keyboard.press('Space');
    }
    expect(await page.locator('input[name=areas]:checked').count()).toBe(DRILL_AREAS.length);
    await expectNoAxeViolations('dashboard start form (custom)');
    await screenshot(page, '04-dashboard-custom');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/exam\/[^/]+\/1$/);
    attemptId = new URL(page.url()).pathname.split('/')[2];
    // The intro comes first; the clock starts with "Begin the exam" (by keyboard: Tab to it, Enter).
    await page.getByTestId('exam-intro').waitFor();
    await expectNoAxeViolations('exam intro');
    await tabTo(page, 'button', 'Begin the exam');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 1 of 10');
    // Focus is on the question, so the keys act at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-title');
    const seconds = await timerSeconds(page);
    expect(seconds).toBeGreaterThan(11 * 60); // 10 items → 12 minutes
    expect(seconds).toBeLessThanOrEqual(12 * 60);
  });

  it('answers with letters, digits, arrows and Enter, and flags a question', async () => {
    // Slot 1: "B" chooses B and focuses it; Enter moves on.
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('input[name=slot-1][value=B]').isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('B');
    await waitSaved(page);
    await expectNoAxeViolations('exam runner');
    await screenshot(page, '05-runner-answered');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 2 of 10');

    // Slot 2: "3" chooses C, ArrowDown moves the choice to D (native radio group), Enter moves on.
    await page.keyboard.press('3');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('input[name=slot-2][value=D]').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 3 of 10');

    // Slot 3: "A", then Tab to the flag toggle and press it, then on with the Next button.
    await page.keyboard.press('a');
    await tabTo(page, 'button[aria-pressed]', 'Flag for review');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /Flag for review/ }).getAttribute('aria-pressed')).toBe('true');
    await waitSaved(page);
    await tabTo(page, 'button', 'Next');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 4 of 10');

    await expect
      .poll(() => storedResponses(server.db, attemptId).slice(0, 3))
      .toEqual([
        { slot: 1, choice: 'B', flagged: 0 },
        { slot: 2, choice: 'D', flagged: 0 },
        { slot: 3, choice: 'A', flagged: 1 },
      ]);
    // The navigator says what each slot holds.
    expect(await page.getByRole('link', { name: 'Question 3: answered, flagged' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Question 4: unanswered' }).getAttribute('aria-current')).toBe('step');
  });

  it('keeps answers chosen offline and saves them on the server when the network returns', async () => {
    await context.setOffline(true);
    await page.keyboard.press('c'); // slot 4
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 5 of 10');
    await page.keyboard.press('d'); // slot 5
    const status = page.getByTestId('save-status');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Offline — 2 answers waiting');
    await screenshot(page, '06-runner-offline');

    // Change slot 4 again while offline: still two waiting, the later choice wins.
    await tabTo(page, 'button', 'Previous');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 4 of 10');
    await page.keyboard.press('b');
    await expect.poll(() => status.innerText()).toContain('Offline — 2 answers waiting');
    await expect.poll(() => page.getByRole('link', { name: 'Question 5: answered, waiting to save' }).count()).toBe(1);

    // Nothing reached the server; the answers sit in localStorage.
    const stored = storedResponses(server.db, attemptId);
    expect(stored[3].choice).toBeNull();
    expect(stored[4].choice).toBeNull();
    const queued = await page.evaluate((id) => JSON.parse(localStorage.getItem(`cetl.queue.${id}`) ?? '{}'), attemptId);
    expect(Object.values(queued).map((q: any) => [q.slot, q.choice])).toEqual([
      [4, 'B'],
      [5, 'D'],
    ]);

    await context.setOffline(false);
    await waitSaved(page);
    expect(await status.innerText()).toContain('Saved');
    await expect
      .poll(() => storedResponses(server.db, attemptId).slice(3, 5).map((r) => r.choice))
      .toEqual(['B', 'D']);
    expect(await page.evaluate((id) => localStorage.getItem(`cetl.queue.${id}`), attemptId)).toBeNull();
  });

  it('resumes after a reload at the same slot with the time the server reports', async () => {
    expect(slotFromUrl()).toBe(4);
    await page.reload();
    await expect.poll(heading).toBe('Question 4 of 10');
    expect(page.url()).toBe(`${server.url}/exam/${attemptId}/4`);
    await expect.poll(() => page.locator('input[name=slot-4][value=B]').isChecked()).toBe(true);
    const { attempt } = await getJson<{ attempt: { remainingMs: number } }>(context.request, `${server.url}/api/attempts/${attemptId}`);
    const shown = await timerSeconds(page);
    expect(Math.abs(shown - attempt.remainingMs / 1000)).toBeLessThanOrEqual(3);

    // A second tab opened on the attempt lands on the same slot with the same clock.
    const other = await context.newPage();
    await other.goto(`${server.url}/exam/${attemptId}`);
    await other.waitForURL(`${server.url}/exam/${attemptId}/4`);
    await expect.poll(() => other.locator('input[name=slot-4][value=B]').isChecked()).toBe(true);
    expect(Math.abs((await timerSeconds(other)) - shown)).toBeLessThanOrEqual(3);
    await other.close();
  });

  it('finishes the questions, leaving one unanswered, and lists it on the review screen', async () => {
    await page.locator('#question-title').focus();
    await page.keyboard.press('b'); // same choice: nothing new to save
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 5 of 10');
    await page.keyboard.press('d');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 6 of 10');
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 7 of 10');
    await tabTo(page, 'button', 'Next'); // skip 7 with the Next button
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 8 of 10');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 9 of 10');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 10 of 10');
    await page.keyboard.press('c');
    await page.keyboard.press('Enter'); // last question: Enter opens the review

    await page.waitForURL(`${server.url}/exam/${attemptId}/review`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Review before handing in');
    await waitSaved(page);
    const unanswered = page.locator('section[aria-labelledby=unanswered-title] a');
    const flagged = page.locator('section[aria-labelledby=flagged-title] a');
    expect(await unanswered.allInnerTexts()).toEqual(['7']);
    expect(await flagged.allInnerTexts()).toEqual(['3']);
    await expectNoAxeViolations('review');
    await screenshot(page, '07-review');
    expect(storedResponses(server.db, attemptId).map((r) => r.choice)).toEqual(['B', 'D', 'A', 'B', 'D', 'A', null, 'B', 'A', 'C']);
  });

  it('hands in by keyboard and shows the report with every key and rationale', async () => {
    await tabTo(page, 'button', 'Hand in');
    await page.keyboard.press('Enter');
    // The confirmation button takes focus.
    await expect.poll(() => focusedText(page)).toBe('Yes, hand in now');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/report/${attemptId}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Report');

    const report = await getJson<{ score: { correct: number; total: number }; items: { slot: number; choice: string | null; correct: boolean; flagged: boolean }[] }>(
      context.request,
      `${server.url}/api/attempts/${attemptId}/report`,
    );
    expect(report.score.total).toBe(10);
    expect(await page.locator('section[aria-labelledby=overall-title]').innerText()).toContain(`${report.score.correct} of 10 correct`);
    const items = page.getByTestId('report-item');
    expect(await items.count()).toBe(10);
    // Every option of every item carries a rationale; the key and the candidate's choice are marked.
    expect(await page.locator('[data-testid=report-item] li p:nth-child(2)').count()).toBe(40);
    expect(await page.locator('[data-testid=report-item]', { hasText: 'Best answer' }).count()).toBe(10);
    expect(await page.locator('figure svg title').innerHTML()).toContain('blueprint weight');
    await expectNoAxeViolations('report');
    await screenshot(page, '08-report');

    // Filter to wrong, then unanswered, by keyboard (the outcome radio group), then to flagged (a checkbox).
    const wrong = report.items.filter((i) => !i.correct && i.choice !== null).length;
    await tabTo(page, 'input[name=item-filter]:checked');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => items.count()).toBe(wrong);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('Question 7');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, 'input[name=flagged]');
    await page.keyboard.press('Space');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('Question 3');
    await screenshot(page, '09-report-flagged');

    // The print stylesheet hides the site chrome and the filters.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('fieldset:has(input[name=item-filter])').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
