// Exam-day fidelity in the runner: the intro before the clock starts (the server starts it at
// Begin), no area or code on the items, striking options out (click and Shift+letter, saved,
// restored, offline too), hiding the timer (the warnings still come), a flag icon in the grid, the
// clock in view at 320 px, and the review grid with walks through the flagged and unanswered items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { DRILL_AREAS, fitsWidth, getJson, timerSeconds, waitSaved } from './support/flows.ts';

interface View {
  attempt: { id: string; begun?: boolean; deadline: number | null; remainingMs: number | null; minutes?: number | null };
  items: { slot: number; area: number; code: string }[];
  responses: { slot: number; choice: string | null; flagged: boolean; struck?: string }[];
}

describe.skipIf(!hasChromium)('the runner on exam day', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let id = '';
  const pageErrors: string[] = [];
  const heading = () => page.locator('#question-title').innerText();
  const view = () => getJson<View>(context.request, `${server.url}/api/attempts/${id}`);
  const struckIn = (slot: number) =>
    (server.db.$client.prepare('select struck from slots where attempt_id = ? and slot = ?').get(id, slot) as { struck: string }).struck;

  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, context, page } = session);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    expect((await context.request.patch(`${server.url}/api/me`, { data: { timeMultiplier: 1.5 } })).ok()).toBe(true);
  });
  afterAll(() => session?.close());

  it('shows the intro before the clock starts, and the server starts the full time at Begin', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=kind][value=custom]').check();
    await page.locator('#length').fill('10');
    for (const area of DRILL_AREAS) await page.locator(`input[name=areas][value="${area}"]`).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/exam\/[^/]+\/1$/);
    id = new URL(page.url()).pathname.split('/')[2];

    const intro = page.getByTestId('exam-intro');
    await intro.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').innerText()).toBe('Practice exam: before you begin');
    expect(await page.getByTestId('intro-questions').innerText()).toContain('10 questions');
    // 10 items → 12 minutes, × 1.5 accommodation → 18 minutes.
    expect(await page.getByTestId('intro-time').innerText()).toBe('18 minutes (12 minutes with your ×1.5 time accommodation)');
    for (const text of ['Next', 'question grid', 'Flag for review', 'Shift', 'flagged or the unanswered ones in order', 'you can hide it']) {
      expect(await intro.innerText()).toContain(text);
    }
    expect(await page.getByRole('timer').count()).toBe(0);
    expect(await page.locator('#question-title').count()).toBe(0);
    // The server holds the clock: no deadline yet, and none while the candidate reads.
    expect((await view()).attempt).toMatchObject({ begun: false, deadline: null, remainingMs: null, minutes: 12 });
    await expectAccessible(page, 'intro at 1280 px');
    await screenshot(page, 'runner-01-intro');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'intro at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    server.clock.offset += 10 * 60_000; // ten minutes of reading cost nothing
    await page.getByRole('button', { name: 'Begin the exam' }).click();
    await expect.poll(heading).toBe('Question 1 of 10');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-title');
    const seconds = await timerSeconds(page);
    expect(seconds).toBeGreaterThan(18 * 60 - 5);
    expect(seconds).toBeLessThanOrEqual(18 * 60);
    const { attempt } = await view();
    expect(attempt.begun).toBe(true);
    expect(attempt.remainingMs).toBeGreaterThan(18 * 60_000 - 5_000);
    // A reload after Begin goes straight to the question: the intro is shown once.
    await page.reload();
    await expect.poll(heading).toBe('Question 1 of 10');
  });

  it('hides the area and skill code of every item while the exam is open', async () => {
    const { items } = await view();
    const item = page.locator('section[aria-labelledby=question-title]');
    for (const slot of [1, 2]) {
      if (slot === 2) {
        await page.getByRole('button', { name: 'Next →' }).click();
        await expect.poll(heading).toBe('Question 2 of 10');
      }
      const text = await item.innerText();
      expect(text).not.toMatch(/Area \d|skill code/i);
      expect(text).not.toContain(items[slot - 1].code);
    }
    expect(await page.getByTestId('item-meta').count()).toBe(0);
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(heading).toBe('Question 1 of 10');
  });

  it('strikes options out by click and by Shift+letter, without choosing, and keeps them on reload', async () => {
    const strikeB = page.getByRole('button', { name: 'Strike out B' });
    await strikeB.click();
    expect(await strikeB.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('label[for=option-1-B]').getAttribute('data-struck')).toBe('true');
    expect(await page.locator('label[for=option-1-B]').innerText()).toContain('(struck out)');
    const decoration = await page.locator('label[for=option-1-B] > span:last-child').evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toBe('line-through');
    await waitSaved(page);
    await expect.poll(() => struckIn(1)).toBe('B');
    expect((await view()).responses[0]).toMatchObject({ choice: null, struck: 'B' });

    // Keys: focus in the item, Shift+D strikes D (the letter alone would choose it).
    await page.locator('#question-title').focus();
    await page.keyboard.press('Shift+D');
    await expect.poll(() => page.getByRole('button', { name: 'Strike out D' }).getAttribute('aria-pressed')).toBe('true');
    await waitSaved(page);
    await expect.poll(() => struckIn(1)).toBe('BD');
    expect(await page.locator('input[name=slot-1]:checked').count()).toBe(0);
    // The on-screen help says how.
    expect(await page.locator('#keys-1').innerText()).toContain('Shift with a letter strikes that option out');
    await expectAccessible(page, 'runner with struck options');
    await screenshot(page, 'runner-02-struck');

    await page.reload();
    await expect.poll(heading).toBe('Question 1 of 10');
    expect(await page.getByRole('button', { name: 'Strike out B' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Strike out D' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Strike out A' }).getAttribute('aria-pressed')).toBe('false');

    // Offline: the strike waits in the queue like a flag, and is saved when the network returns.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Strike out C' }).click();
    await expect.poll(() => page.getByTestId('save-status').innerText()).toContain('Offline — 1 answer waiting');
    const queued = await page.evaluate((a) => JSON.parse(localStorage.getItem(`cetl.queue.${a}`) ?? '{}'), id);
    expect(queued[1]).toMatchObject({ slot: 1, choice: null, struck: 'BCD' });
    expect(struckIn(1)).toBe('BD');
    await context.setOffline(false);
    await waitSaved(page);
    await expect.poll(() => struckIn(1)).toBe('BCD');

    // Shift+B brings B back; choosing a struck option brings it back too.
    await page.locator('#question-title').focus();
    await page.keyboard.press('Shift+B');
    await waitSaved(page);
    await expect.poll(() => struckIn(1)).toBe('CD');
    await page.keyboard.press('c');
    await waitSaved(page);
    await expect.poll(() => (server.db.$client.prepare('select choice, struck from slots where attempt_id = ? and slot = 1').get(id) as object)).toEqual({ choice: 'C', struck: 'D' });
  });

  it('hides the timer on request, still announcing the warnings, and shows a flag icon in the grid', async () => {
    await page.getByRole('button', { name: 'Hide timer' }).click();
    expect(await page.getByRole('timer').count()).toBe(0);
    expect(await page.getByTestId('timer-hidden').innerText()).toBe('Timer hidden');
    // The 15/5/1-minute live region is still there, and speaks at 15 minutes.
    const warning = page.getByTestId('time-warning');
    expect(await warning.getAttribute('aria-live')).toBe('polite');
    const { attempt } = await view();
    server.clock.offset += attempt.remainingMs! - (15 * 60_000 - 3_000);
    await page.keyboard.press('Escape');
    await page.locator('#question-title').focus();
    await page.getByRole('button', { name: /Flag for review/ }).click(); // a save re-syncs the clock
    await waitSaved(page);
    await expect.poll(() => warning.innerText(), { timeout: 10_000 }).toBe('15 minutes left.');
    expect(await page.getByRole('timer').count()).toBe(0);
    // The choice holds across a reload; "Show timer" brings it back.
    await page.reload();
    await expect.poll(heading).toBe('Question 1 of 10');
    expect(await page.getByTestId('timer-hidden').count()).toBe(1);
    await page.getByRole('button', { name: 'Show timer' }).click();
    expect(await timerSeconds(page)).toBeLessThanOrEqual(15 * 60);

    const cell = page.getByRole('link', { name: 'Question 1: answered, flagged' });
    expect(await cell.locator('svg').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Question 2: unanswered' }).locator('svg').count()).toBe(0);
    const legend = page.getByRole('list', { name: 'Key to the question grid' });
    expect(await legend.locator('li', { hasText: 'flagged' }).locator('svg').count()).toBe(1);
    await screenshot(page, 'runner-03-flag-icon');
  });

  it('keeps the clock in view at 320 px when the page is scrolled', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const box = await page.getByRole('timer').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    const bar = await page.getByTestId('status-bar').boundingBox();
    expect(bar!.height).toBeLessThan(640 / 4); // it does not crowd out the question
    expect(await fitsWidth(page)).toBe(true);
    // Focus moved to something the bar would cover lands clear of it (WCAG 2.4.11).
    await page.getByRole('button', { name: 'Strike out A' }).focus();
    const focused = await page.getByRole('button', { name: 'Strike out A' }).boundingBox();
    const barNow = await page.getByTestId('status-bar').boundingBox();
    expect(focused!.y).toBeGreaterThanOrEqual(barNow!.y + barNow!.height);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('#question-title').focus();
    const title = await page.locator('#question-title').boundingBox();
    const barThen = await page.getByTestId('status-bar').boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(barThen!.y + barThen!.height);
    await expectAccessible(page, 'runner at 320 px');
    await screenshot(page, 'runner-04-320-scrolled', { fullPage: false }); // the viewport, scrolled
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reviews every question in a grid and walks the flagged and the unanswered ones in order', async () => {
    // Slot 1: C, flagged. Slot 3: flagged, unanswered. Slot 4: B. Slot 6: A, flagged. The rest open.
    const answer = async (slot: number, key: string | null, flag = false) => {
      await page.goto(`${server.url}/exam/${id}/${slot}`);
      await expect.poll(heading).toBe(`Question ${slot} of 10`);
      if (key) await page.keyboard.press(key);
      if (flag) await page.getByRole('button', { name: /Flag for review/ }).click();
      await waitSaved(page);
    };
    await answer(3, null, true);
    await answer(4, 'b');
    await answer(6, 'a', true);
    await page.getByRole('link', { name: 'Review and hand in' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Review before handing in');

    const grid = page.getByTestId('review-grid');
    expect(await grid.locator('li').count()).toBe(10);
    const cells = await grid.locator('a').allInnerTexts();
    const said = cells.map((t) => t.replace(/\s+/g, ' ').trim());
    expect(said[0]).toBe('Question 1 Answered Flagged');
    expect(said[1]).toBe('Question 2 Unanswered');
    expect(said[2]).toBe('Question 3 Unanswered Flagged');
    expect(said[3]).toBe('Question 4 Answered');
    // Each state has an icon as well as its word.
    expect(await grid.locator('a').nth(0).locator('svg').count()).toBe(2);
    expect(await grid.locator('a').nth(1).locator('svg').count()).toBe(1);
    await expectAccessible(page, 'review grid at 1280 px');
    await screenshot(page, 'runner-05-review-grid');
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'review grid at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Flagged, in order: 1, 3, 6 — then back to the review.
    await page.getByRole('button', { name: 'Review flagged in order' }).click();
    await expect.poll(heading).toBe('Question 1 of 10');
    const position = page.getByTestId('set-position');
    expect(await position.innerText()).toBe('Flagged 1 of 3');
    expect(await page.getByRole('button', { name: '← Previous flagged' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Next flagged →' }).click();
    await expect.poll(heading).toBe('Question 3 of 10');
    expect(await position.innerText()).toBe('Flagged 2 of 3');
    // Unflagging here does not drop it from the walk.
    await page.getByRole('button', { name: /Flag for review/ }).click();
    await waitSaved(page);
    await page.keyboard.press('Escape');
    await page.locator('#question-title').focus();
    await page.keyboard.press('d');
    await page.keyboard.press('Enter'); // Enter goes on within the set
    await expect.poll(heading).toBe('Question 6 of 10');
    expect(await position.innerText()).toBe('Flagged 3 of 3');
    await page.getByRole('button', { name: '← Previous flagged' }).click();
    await expect.poll(() => position.innerText()).toBe('Flagged 2 of 3');
    await page.getByRole('button', { name: 'Next flagged →' }).click();
    await expect.poll(() => position.innerText()).toBe('Flagged 3 of 3');
    await expectAccessible(page, 'walking the flagged questions');
    await screenshot(page, 'runner-06-flagged-walk');
    await page.getByRole('button', { name: 'Back to the review →' }).click();
    await page.waitForURL(`${server.url}/exam/${id}/review`);
    await expect.poll(() => page.locator('#flagged-title').innerText()).toBe('Flagged for review (2)');

    // Unanswered, in order: 2, 5, 7, 8, 9, 10; answering one keeps the count of the walk.
    await page.getByRole('button', { name: 'Review unanswered in order' }).click();
    await expect.poll(heading).toBe('Question 2 of 10');
    expect(await position.innerText()).toBe('Unanswered 1 of 6');
    await page.keyboard.press('a');
    await waitSaved(page);
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Question 5 of 10');
    expect(await position.innerText()).toBe('Unanswered 2 of 6');
    // A reload keeps the walk.
    await page.reload();
    await expect.poll(() => page.getByTestId('set-position').innerText()).toBe('Unanswered 2 of 6');
    await page.getByRole('link', { name: 'Back to the review screen' }).click();
    await page.waitForURL(`${server.url}/exam/${id}/review`);
    await expect.poll(() => page.locator('#unanswered-title').innerText()).toBe('Unanswered (5)');
    expect(pageErrors).toEqual([]);
  });
});
