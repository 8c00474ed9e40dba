// The report as a place to study: filters by area, code, outcome (wrong, unanswered, right) and
// flag that survive a reload; a printed summary of at most 3 pages for a 100-item exam (longer with
// rationales); and a dashboard that keeps practice exams and tutor drills apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, fitsWidth, getJson } from './support/flows.ts';

interface ReportItem { slot: number; area: number; code: string; choice: string | null; flagged: boolean; correct: boolean }

/** Pages in a PDF: its /Type /Page objects (not the /Type /Pages tree nodes). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
const PRINT = { format: 'Letter', margin: { top: '0.5in', bottom: '0.5in', left: '0.5in', right: '0.5in' } } as const;

/** After a resize, wait until every table box that now overflows has become a focusable region (its ResizeObserver ran). */
const settled = (page: Page) =>
  page.waitForFunction(() => [...document.querySelectorAll('.table-scroll')].every((el) => el.scrollWidth <= el.clientWidth + 1 || el.hasAttribute('tabindex')));

describe.skipIf(!hasChromium)('the report as a place to study', () => {
  let session: Session;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let examId = '';
  let drillId = '';
  let items: ReportItem[] = [];
  // What the candidate did: slots 1–80 answered A, 81–100 left blank; four flagged, one of them blank.
  const FLAGGED = [3, 40, 77, 90];
  const UNANSWERED = 20;

  const count = (outcome: 'wrong' | 'unanswered' | 'right') =>
    items.filter((i) => (outcome === 'right' ? i.correct : outcome === 'unanswered' ? i.choice === null : !i.correct && i.choice !== null)).length;
  const cards = () => page.getByTestId('report-item');
  const status = () => page.getByRole('status').filter({ hasText: /^Showing/ });

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, context, page } = session);
    const exam = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 100 });
    examId = exam.attempt.id;
    for (const { slot } of exam.items) {
      const data = { ...(slot <= 80 && { choice: 'A' }), ...(FLAGGED.includes(slot) && { flagged: true }) };
      if (Object.keys(data).length) await context.request.put(`${server.url}/api/attempts/${examId}/responses/${slot}`, { data });
    }
    await context.request.post(`${server.url}/api/attempts/${examId}/submit`, { data: {} });
    items = (await getJson<{ items: ReportItem[] }>(context.request, `${server.url}/api/attempts/${examId}/report`)).items;

    const drill = await createAttemptViaApi(context.request, server.url, { mode: 'tutor', length: 2, areas: [4] });
    drillId = drill.attempt.id;
    await context.request.put(`${server.url}/api/attempts/${drillId}/responses/1`, { data: { choice: 'B' } });
    await context.request.post(`${server.url}/api/attempts/${drillId}/submit`, { data: {} });
  });
  afterAll(() => session?.close());

  it('filters by outcome: wrong, unanswered and right apart, counts matching what the candidate did', async () => {
    expect(items).toHaveLength(100);
    expect(count('unanswered')).toBe(UNANSWERED);
    expect(count('wrong') + count('right')).toBe(80);
    await page.goto(`${server.url}/report/${examId}`);
    await cards().first().waitFor();
    expect(await cards().count()).toBe(100);
    expect(await status().innerText()).toBe('Showing 100 of 100 questions.');

    const outcome = page.getByRole('group', { name: 'Outcome' });
    expect(await outcome.getByRole('radio').count()).toBe(4);
    expect(await outcome.getByText(/^(All|Wrong|Unanswered|Right) \(\d+\)$/).allInnerTexts()).toEqual([
      'All (100)',
      `Wrong (${count('wrong')})`,
      `Unanswered (${UNANSWERED})`,
      `Right (${count('right')})`,
    ]);
    expect(await page.getByLabel(/^Only questions I flagged/).evaluate((el) => el.closest('label')!.innerText)).toBe(`Only questions I flagged (${FLAGGED.length})`);

    await outcome.getByLabel(/^Wrong/).check();
    await expect.poll(() => cards().count()).toBe(count('wrong'));
    expect(new Set(await cards().evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome'))))).toEqual(new Set(['wrong']));
    expect(await status().innerText()).toBe(`Showing ${count('wrong')} of 100 questions.`);
    expect(new URL(page.url()).searchParams.get('outcome')).toBe('wrong');

    await outcome.getByLabel(/^Unanswered/).check();
    await expect.poll(() => cards().count()).toBe(UNANSWERED);
    expect(await cards().first().innerText()).toContain('Question 81 · not answered');
    await outcome.getByLabel(/^Right/).check();
    await expect.poll(() => cards().count()).toBe(count('right'));
    await expectAccessible(page, 'report filtered to right answers at 1280 px');
  });

  it('filters by flag, area and code, and a reload keeps the filters', async () => {
    await page.getByRole('group', { name: 'Outcome' }).getByLabel(/^Unanswered/).check();
    await page.getByLabel(/^Only questions I flagged/).check();
    await expect.poll(() => cards().count()).toBe(1);
    expect(await cards().first().innerText()).toContain('Question 90');
    expect(await cards().first().innerText()).toContain('flagged');
    expect(new URL(page.url()).search).toBe('?outcome=unanswered&flagged=1');

    await page.reload();
    await cards().first().waitFor();
    expect(await cards().count()).toBe(1);
    expect(await page.getByRole('radio', { name: /^Unanswered/ }).isChecked()).toBe(true);
    expect(await page.getByLabel(/^Only questions I flagged/).isChecked()).toBe(true);
    expect(await status().innerText()).toBe('Showing 1 of 100 questions.');

    // All flagged, whatever the outcome.
    await page.getByRole('radio', { name: /^All/ }).check();
    await expect.poll(() => cards().count()).toBe(FLAGGED.length);
    expect(await cards().evaluateAll((els) => els.map((e) => e.querySelector('h3')!.textContent!.match(/\d+/)![0]))).toEqual(FLAGGED.map(String));

    // Area, then a code in it.
    await page.getByRole('button', { name: 'Show every question' }).click();
    await expect.poll(() => cards().count()).toBe(100);
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('Area', { exact: true }).selectOption('4');
    await expect.poll(() => cards().count()).toBe(items.filter((i) => i.area === 4).length);
    expect(items.filter((i) => i.area === 4)).toHaveLength(18);
    const code = items.find((i) => i.area === 4)!.code;
    await page.getByLabel('Skill code', { exact: true }).selectOption(code);
    await expect.poll(() => cards().count()).toBe(items.filter((i) => i.code === code).length);
    await page.getByRole('radio', { name: /^Wrong/ }).check();
    const wrongInCode = items.filter((i) => i.code === code && !i.correct && i.choice !== null).length;
    await expect.poll(() => cards().count()).toBe(wrongInCode);
    expect(await status().innerText()).toBe(`Showing ${wrongInCode} of 100 questions.`);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ area: '4', code, outcome: 'wrong' });
    await page.reload();
    await status().waitFor();
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('4');
    expect(await page.getByLabel('Skill code', { exact: true }).inputValue()).toBe(code);
    expect(await cards().count()).toBe(wrongInCode);
    // A code from another area is let go of when the area changes.
    await page.getByLabel('Area', { exact: true }).selectOption('1');
    await expect.poll(() => page.getByLabel('Skill code', { exact: true }).inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('code')).toBe(null);
    await expectAccessible(page, 'report filtered by area and outcome at 1280 px');
    await screenshot(page, 'report-study-filters-1280');
  });

  it('announces the count politely and stays usable at 320 px', async () => {
    expect(await status().evaluate((el) => el.getAttribute('role'))).toBe('status');
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${server.url}/report/${examId}?outcome=wrong&flagged=1`);
    await cards().first().waitFor();
    await settled(page);
    expect(await cards().count()).toBe(items.filter((i) => i.flagged && i.choice !== null && !i.correct).length);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'report with filters at 320 px');
    await screenshot(page, 'report-study-filters-320');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints a summary of at most 3 pages for a 100-item exam; with rationales it is longer', async () => {
    await page.goto(`${server.url}/report/${examId}`);
    await cards().first().waitFor();
    await page.getByText('Print this report').click();
    expect(await page.getByRole('radio', { name: /^Summary/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'report with the print choice open');

    await page.emulateMedia({ media: 'print' });
    const missed = items.filter((i) => !i.correct).length;
    expect(await page.getByRole('heading', { name: `Missed questions: ${missed} of 100, with their keys` }).isVisible()).toBe(true);
    expect(await cards().first().isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: 'Outcome' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: null });

    const summary = await page.pdf(PRINT);
    const a4 = await page.pdf({ ...PRINT, format: 'A4' });
    console.log(`report summary for 100 items (${missed} missed): ${pdfPages(summary)} Letter pages, ${pdfPages(a4)} A4 pages`);
    expect(pdfPages(summary)).toBeGreaterThanOrEqual(1);
    expect(pdfPages(summary)).toBeLessThanOrEqual(3);
    expect(pdfPages(a4)).toBeLessThanOrEqual(3);

    await page.getByRole('radio', { name: /^Print with rationales/ }).check();
    expect(new URL(page.url()).searchParams.get('print')).toBe('rationales');
    expect(await page.getByRole('button', { name: 'Print with rationales' }).count()).toBe(1);
    const full = await page.pdf(PRINT);
    console.log(`report with rationales: ${pdfPages(full)} Letter pages`);
    expect(pdfPages(full)).toBeGreaterThan(pdfPages(summary) * 3);

    // With a filter, only the questions shown print with their rationales.
    await page.getByRole('radio', { name: /^Unanswered/ }).check();
    const unanswered = await page.pdf(PRINT);
    expect(pdfPages(unanswered)).toBeLessThan(pdfPages(full));
    await page.reload();
    await cards().first().waitFor();
    expect(await page.getByRole('radio', { name: /^Print with rationales/ }).isChecked()).toBe(true);
  });

  it('prints at most 3 pages even when every one of 100 questions was missed', async () => {
    const blank = await createAttemptViaApi(context.request, server.url, { mode: 'exam', length: 100 });
    await context.request.post(`${server.url}/api/attempts/${blank.attempt.id}/submit`, { data: {} });
    await page.goto(`${server.url}/report/${blank.attempt.id}`);
    await cards().first().waitFor();
    expect(await page.getByRole('radio', { name: /^Unanswered/ }).evaluate((el) => el.closest('label')!.innerText)).toBe('Unanswered (100)');
    const letter = pdfPages(await page.pdf(PRINT));
    const a4 = pdfPages(await page.pdf({ ...PRINT, format: 'A4' }));
    console.log(`report summary with all 100 missed: ${letter} Letter pages, ${a4} A4 pages`);
    expect(letter).toBeLessThanOrEqual(3);
    expect(a4).toBeLessThanOrEqual(3);
  });

  it('keeps practice exams and tutor drills apart on the dashboard', async () => {
    await page.goto(`${server.url}/`);
    const exams = page.getByTestId('exam-history');
    const drills = page.getByTestId('drill-history');
    await exams.locator('tbody tr').first().waitFor();
    expect(await exams.getByRole('heading', { level: 3 }).innerText()).toBe('Practice exams (2)');
    expect(await drills.getByRole('heading', { level: 3 }).innerText()).toBe('Tutor drills (1)');
    expect(await exams.locator('tbody tr').count()).toBe(2);
    expect(await drills.locator('tbody tr').count()).toBe(1);
    expect(await exams.locator(`a[href="/report/${examId}"]`).count()).toBe(1);
    expect(await drills.locator(`a[href="/report/${drillId}"]`).count()).toBe(1);
    const report = await getJson<{ score: { correct: number; percent: number } }>(context.request, `${server.url}/api/attempts/${examId}/report`);
    // Newest first: the blank exam, then the one with answers.
    expect(await exams.locator('tbody tr').nth(0).innerText()).toContain('0/100');
    expect(await exams.locator('tbody tr').nth(1).innerText()).toContain(`${report.score.correct}/100`);
    expect(await exams.getByTestId('exam-history-summary').innerText()).toBe(`Latest 0%; average of the last 2: ${Math.round(report.score.percent / 2)}%.`);
    expect(await drills.locator('tbody tr').innerText()).toMatch(/[0-2]\/2/);
    await expectAccessible(page, 'dashboard with exams and drills at 1280 px');
    await page.setViewportSize({ width: 320, height: 700 });
    await settled(page);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'dashboard with exams and drills at 320 px');
    await screenshot(page, 'report-study-dashboard-320');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('names the skill code when the bank is short for a drill on one code', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=kind][value=custom]').check();
    await page.locator('input[name=mode][value=tutor]').check();
    await page.locator('#length').fill('60');
    await page.getByText('Limit to skill codes').click();
    await page.locator('input[name=codes][value="7C"]').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toMatch(/The bank has \d+ items available for code 7C and this attempt needs 60\./);
    expect(await page.locator('.error-summary').innerText()).not.toContain('area 7');
  });
});
