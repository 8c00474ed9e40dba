// Tutor mode: untimed, and the key with every rationale right after each answer, which then stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, hasChromium, screenshot, tabTo } from './support/browser.ts';
import { storedResponses, type TestServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';
import { DRILL_AREAS, getJson } from './support/flows.ts';

describe.skipIf(!hasChromium)('tutor mode', () => {
  let server: TestServer;
  let page: Page;

  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('shows the key and all rationales after each answer, by keyboard, and locks the answer', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=kind][value=custom]').check();
    await page.locator('input[name=mode][value=tutor]').check();
    await page.locator('#length').fill('5');
    for (const area of DRILL_AREAS) await page.locator(`input[name=areas][value="${area}"]`).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForURL(/\/exam\/[^/]+\/1$/);
    const id = new URL(page.url()).pathname.split('/')[2];
    await page.locator('#question-title').waitFor();
    expect(await page.getByText('Untimed').count()).toBe(1);
    expect(await page.getByRole('timer').count()).toBe(0);

    // B selects (nothing sent yet); Enter on the selected option checks it.
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('input[name=slot-1][value=B]').isChecked()).toBe(true);
    expect(storedResponses(server.db, id)[0].choice).toBeNull();
    await page.keyboard.press('Enter');
    const feedback = page.getByTestId('tutor-feedback');
    await expect.poll(() => feedback.locator('h3').innerText()).toMatch(/^(Correct: B is the best answer\.|Not this time: you chose B; the best answer is [ACD]\.)$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tutor-feedback');

    // What the page shows is what the server holds: key and all four rationales.
    const view = await getJson<{ responses: { slot: number; choice: string; answer?: string; rationale?: Record<string, string> }[] }>(
      page.context().request,
      `${server.url}/api/attempts/${id}`,
    );
    const first = view.responses[0];
    expect(first.choice).toBe('B');
    expect(first.answer).toMatch(/^[ABCD]$/);
    const shown = await feedback.locator('li').allInnerTexts();
    expect(shown).toHaveLength(4);
    for (const [i, letter] of ['A', 'B', 'C', 'D'].entries()) expect(shown[i]).toContain(first.rationale![letter]);
    expect(shown[['A', 'B', 'C', 'D'].indexOf(first.answer!)]).toContain('best answer');
    // Later responses for this slot have not been revealed: the second slot has no key yet.
    expect(view.responses[1].answer).toBeUndefined();
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, '13-tutor-feedback');

    // The answer stands: letter keys do nothing now, and Enter on the feedback moves on.
    await page.keyboard.press('c');
    expect(storedResponses(server.db, id)[0].choice).toBe('B');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#question-title').innerText()).toBe('Question 2 of 5');

    // The "Check answer" button works too.
    await page.keyboard.press('4');
    await tabTo(page, 'button', 'Check answer');
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback.locator('h3').innerText()).toContain('D');
    expect(storedResponses(server.db, id)[1].choice).toBe('D');
  });
});
