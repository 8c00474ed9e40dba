// Study groups in a real browser: a coach signs up and creates a group; a member opens the invite
// link, reads what joining shares and joins; the coach assigns a tutor-mode drill; the member finds
// it first on the dashboard and finishes it; the coach sees the result in the heatmap and the drill
// finished with a score; the most-missed questions, the meeting review session by keyboard, and an
// essay sent to the coaches and scored. axe on every new screen at 1280 px and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { fitsWidth, getJson, newCandidate, registerViaApi } from './support/flows.ts';

const GROUP = 'Tuesday study group';
const DRILL = 'Areas 1 and 2 warm-up';
const CRITERIA = ['understanding', 'strategy', 'audience', 'accuracy', 'organisation'];

describe.skipIf(!hasChromium)('study groups: invite, drill, results, review', () => {
  let session: Session;
  let server: TestServer;
  let browser: Browser;
  let page: Page; // the coach
  let memberContext: BrowserContext;
  let member: Page;
  let groupPath = '';
  let code = '';
  let essayId = '';
  const coach = newCandidate('coach');
  const memberWho = { ...newCandidate('member'), name: 'Morgan Member' };

  /** The keys of an attempt's slots, in slot order, read straight from the database. */
  const keysOf = (attemptId: string) =>
    server.db.$client
      .prepare('select iv.answer from slots s join item_versions iv on iv.item_id = s.item_id and iv.version = s.version where s.attempt_id = ? order by s.slot')
      .pluck()
      .all(attemptId) as string[];

  const open = async (p: Page, path: string, heading: string | RegExp) => {
    await p.goto(`${server.url}${path}`);
    await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } }, { signedUp: false });
    ({ server, browser, page } = session);
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await registerViaApi(memberContext.request, server.url, memberWho);
    member = await memberContext.newPage();
  });
  afterAll(() => session?.close());

  it('a coach signs up, creates a group and reads its invite code and link', async () => {
    await page.goto(`${server.url}/signup`);
    await page.locator('#name').fill('Casey Coach');
    await page.locator('#email').fill(coach.email);
    await page.locator('#password').fill(coach.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Casey Coach' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Study groups' }).waitFor();
    await page.getByText(/^You are not in a group yet\./).waitFor();
    await expectAccessible(page, 'groups list (empty)');

    // An empty name is refused with a message, then the group is made.
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Enter a name for the group.');
    await page.getByLabel('Group name').fill(GROUP);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    groupPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    code = await page.getByTestId('invite-code').innerText();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await page.getByLabel('Invite link').inputValue()).toBe(`${server.url}/join/${code}`);
    expect(await page.getByText(/^You are the owner \(and a coach\) ·/).count()).toBe(1);
    await expectAccessible(page, 'group dashboard, coach, new group');
  });

  it('a member opens the invite link, reads what joining shares, and joins', async () => {
    await open(member, `/join/${code}`, 'Join a study group');
    const preview = member.getByTestId('invite-preview');
    await preview.getByRole('heading', { name: GROUP }).waitFor();
    const text = await preview.innerText();
    expect(text).toContain('Casey Coach');
    expect(text).toContain('1 member so far');
    expect(await member.getByTestId('sharing-notice').innerText()).toContain("The group's coaches will see your individual results");
    await expectAccessible(member, 'join preview');
    await screenshot(member, '50-group-join-preview');

    await preview.getByRole('button', { name: `Join ${GROUP}` }).click();
    await member.waitForURL(`${server.url}${groupPath}`);
    await member.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    expect(await member.getByText(/^You are a member ·/).count()).toBe(1);
    // Fewer than 3 members with results: the member sees why there are no group figures.
    await expect.poll(() => member.getByTestId('results-hidden').innerText()).toContain('at least 3 members');
    // Members see neither the coaches' tools nor the invite code.
    await member.getByRole('heading', { name: 'Your drills' }).waitFor();
    expect(await member.getByRole('heading', { name: 'Assign a drill' }).count()).toBe(0);
    expect(await member.getByRole('heading', { name: 'Members by area' }).count()).toBe(0);
    expect(await member.getByTestId('invite-code').count()).toBe(0);
    await expectAccessible(member, 'group dashboard, member');
  });

  it('the coach assigns a tutor-mode drill of 5 questions in areas 1 and 2 to the whole group', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Assign a drill' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill(DRILL);
    for (const area of [1, 2]) await page.locator(`input[name=drill-areas][value="${area}"]`).check();
    await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('5');
    await page.locator('input[name=drill-mode][value=tutor]').check();
    await page.locator('input[name=drill-who][value=all]').check();
    await page.getByRole('button', { name: 'Assign the drill' }).click();
    await page.getByText(`“${DRILL}” was assigned to the whole group.`).waitFor();
    const progress = page.getByTestId('drill-progress').filter({ hasText: DRILL });
    await expect.poll(() => progress.locator('tr', { hasText: 'Morgan Member' }).innerText()).toContain('Not started');
    expect(await progress.innerText()).toContain('5 questions · tutor mode · untimed · areas 1, 2');
    await expectAccessible(page, 'group dashboard, coach, drill assigned');
  });

  it('the member finds the drill first on the dashboard, starts it, answers every question and finishes', async () => {
    await open(member, '/', /^Hello,/);
    await member.getByRole('heading', { name: 'Assigned drills' }).waitFor();
    expect(await member.locator('main h2').first().innerText()).toBe('Assigned drills');
    const card = member.getByTestId('drill-card').filter({ hasText: DRILL });
    expect(await card.innerText()).toContain(`From ${GROUP}`);
    expect(await card.innerText()).toContain('Not started');
    await expectAccessible(member, 'dashboard with an assigned drill');
    await screenshot(member, '51-dashboard-assigned-drill');

    await card.getByRole('button', { name: `Start the drill ${DRILL}` }).click();
    await member.waitForURL(/\/exam\/[0-9a-f-]{36}\/\d+$/);
    const attemptId = new URL(member.url()).pathname.split('/')[2];
    const keys = keysOf(attemptId);
    expect(keys).toHaveLength(5);
    const feedback = member.getByTestId('tutor-feedback');
    for (let slot = 1; slot <= 5; slot++) {
      await expect.poll(() => member.locator('#question-title').innerText()).toBe(`Question ${slot} of 5`);
      // Option A each time, except that the first answer is surely wrong (a missed question to discuss).
      const choice = slot === 1 && keys[0] === 'A' ? 'B' : 'A';
      await member.keyboard.press(choice.toLowerCase());
      await expect.poll(() => member.locator(`input[name=slot-${slot}][value=${choice}]`).isChecked()).toBe(true);
      await member.keyboard.press('Enter');
      await expect.poll(() => feedback.locator('h3').innerText()).toMatch(/best answer/);
      await member.keyboard.press('Enter');
    }
    await member.getByRole('heading', { name: 'Review before handing in' }).waitFor();
    await member.getByRole('button', { name: 'Finish session' }).click();
    await member.getByRole('button', { name: 'Yes, finish now' }).click();
    await member.waitForURL(/\/report\//);
  });

  it('the coach sees the member’s result in the heatmap, by code, and the drill finished with a score', async () => {
    await page.reload();
    const heatmap = page.getByTestId('heatmap');
    await heatmap.waitFor();
    const row = heatmap.locator('tbody tr', { hasText: 'Morgan Member' });
    const cell = row.getByRole('button').first();
    await cell.waitFor();
    // Percent first (in view and in the button's name), then correct/answered.
    expect(await cell.locator('span').nth(0).innerText()).toMatch(/^\d+%$/);
    expect(await cell.locator('span').nth(1).innerText()).toMatch(/^\d\/\d$/);
    expect(await cell.innerText()).toContain('Morgan Member in area');
    await cell.click();
    const detail = page.getByTestId('member-area');
    await detail.getByRole('heading', { name: /^Morgan Member: area [12],/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('member-area-title');
    expect(await detail.locator('tbody tr').count()).toBeGreaterThan(0);

    const progress = page.getByTestId('drill-progress').filter({ hasText: DRILL });
    const done = await progress.locator('tr', { hasText: 'Morgan Member' }).innerText();
    expect(done).toContain('Finished');
    expect(done).toMatch(/[0-4]\/5 \(\d+%\)/);
    // The export links are plain links: followed as a browser would, they give the CSV.
    const areasHref = await page.getByRole('link', { name: 'Export results by area (CSV)' }).getAttribute('href');
    expect(areasHref).toBe(`/api${groupPath}/export.csv?kind=areas&days=120`);
    const csv = await page.context().request.get(`${server.url}${areasHref}`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('member,area,area name,correct,answered,percent');
    expect(lines.some((l) => l.startsWith('Morgan Member,1,'))).toBe(true);
    expect(await page.getByRole('link', { name: 'Export every response (CSV)' }).getAttribute('href')).toBe(`/api${groupPath}/export.csv?kind=responses&days=120`);
    await expectAccessible(page, 'group dashboard, coach, with results');
    await screenshot(page, '52-group-coach-heatmap');
  });

  it('shows the most-missed questions and runs the review session by keyboard', async () => {
    // The list shows only questions the viewer has answered in a finished attempt; the coach answers
    // the group's most-missed questions through the API (a drill of them, assigned to the coach).
    const req = page.context().request;
    const { user } = await getJson<{ user: { id: number } }>(req, `${server.url}/api/me`);
    const groupId = groupPath.split('/')[2];
    const drill = await req.post(`${server.url}/api/groups/${groupId}/drills`, { data: { title: 'Missed ones', target: 'missed', length: 5, mode: 'tutor', assignees: [user.id] } });
    expect(drill.status()).toBe(201);
    const started = await req.post(`${server.url}/api/groups/${groupId}/drills/${(await drill.json()).id}/start`, { data: {} });
    const { attempt, items } = (await started.json()) as { attempt: { id: string }; items: { slot: number }[] };
    for (const { slot } of items) expect((await req.put(`${server.url}/api/attempts/${attempt.id}/responses/${slot}`, { data: { choice: 'A' } })).ok()).toBe(true);
    expect((await req.post(`${server.url}/api/attempts/${attempt.id}/submit`, { data: {} })).ok()).toBe(true);

    await page.getByRole('link', { name: 'Most-missed questions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Most-missed questions' }).waitFor();
    const first = page.locator('main ol > li').first();
    await first.getByRole('heading', { name: /^Question 1: \d+% wrong$/ }).waitFor();
    expect(await first.innerText()).toContain('✓ Best answer');
    expect(await first.getByRole('table').count()).toBe(1);
    await expectAccessible(page, 'most-missed questions');

    await open(page, `${groupPath}/review`, `Review session: ${GROUP}`);
    const slide = page.getByTestId('slide');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('slide');
    expect(await slide.getByTestId('distribution').count()).toBe(0);
    await page.keyboard.press('d');
    await expect.poll(() => slide.getByTestId('distribution').count()).toBe(4);
    expect(await slide.innerText()).not.toContain('Best answer');
    await page.keyboard.press('k');
    await slide.getByText('✓ Best answer').waitFor();
    await expectAccessible(page, 'review session, key shown');
    await screenshot(page, '53-group-review-session');
    const total = Number((await slide.locator('h2').innerText()).match(/of (\d+)/)![1]);
    await page.keyboard.press('ArrowRight');
    if (total > 1) {
      await expect.poll(() => slide.locator('h2').innerText()).toMatch(/^Question 2 of/);
      expect(await slide.getByTestId('distribution').count()).toBe(0);
      await page.keyboard.press('p');
    }
    await expect.poll(() => slide.locator('h2').innerText()).toMatch(/^Question 1 of/);
    // The buttons do the same, and keep focus in the session.
    await page.getByRole('button', { name: /Show the group's choices/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: /Show the group's choices/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('the member sends an essay to the group’s coaches; a coach reads and scores it', async () => {
    const req = memberContext.request;
    const { prompts } = await getJson<{ prompts: { id: string }[] }>(req, `${server.url}/api/part2/prompts`);
    const created = await req.post(`${server.url}/api/essays`, { data: { promptId: prompts[0].id, mode: 'practice' } });
    essayId = ((await created.json()) as { id: string }).id;
    const text = 'I recommend that we adopt the plan in stages, starting with two schools, so that we learn what works before we spend more.';
    expect((await req.put(`${server.url}/api/essays/${essayId}/text`, { data: { text, revision: 1 } })).ok()).toBe(true);
    expect((await req.post(`${server.url}/api/essays/${essayId}/submit`, { data: {} })).ok()).toBe(true);

    await open(member, `/essays/${essayId}`, /^Your answer:/);
    const send = member.getByRole('region', { name: "Send to my group's coaches" });
    await send.getByLabel('Group').waitFor();
    expect(await send.getByLabel('Group').inputValue()).toBe(groupPath.split('/')[2]);
    await send.getByRole('button', { name: "Send to my group's coaches" }).click();
    await expect.poll(() => member.getByTestId('send-status').innerText()).toContain(`Sent to the coaches of ${GROUP}.`);

    await page.goto(`${server.url}${groupPath}`);
    const queue = page.getByTestId('essay-queue');
    await queue.waitFor();
    expect(await queue.innerText()).toContain('Morgan Member');
    await queue.getByRole('link').first().click();
    await page.waitForURL(`${server.url}${groupPath}/essays/${essayId}`);
    await page.getByRole('heading', { level: 1, name: /^Morgan Member's answer:/ }).waitFor();
    expect(await page.getByText(text).count()).toBe(1);
    await expectAccessible(page, 'coach essay page');
    for (const c of CRITERIA) await page.locator(`input[name="coach-${c}"][value="3"]`).check();
    await page.getByLabel('Comment on fit to the audience (optional)').fill('Clear for the board.');
    await page.getByRole('button', { name: 'Save my score' }).click();
    await expect.poll(() => page.getByTestId('coach-score').innerText()).toContain('Your score (total 15)');
    expect(await page.getByRole('table').innerText()).toContain('Clear for the board.');
    await expectAccessible(page, 'coach essay page, scored');
  });

  it('keeps every new screen accessible and within the width at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await member.setViewportSize({ width: 320, height: 800 });
    const screens: [Page, string, string | RegExp, string][] = [
      [page, '/groups', 'Study groups', 'groups list'],
      [page, groupPath, GROUP, 'group dashboard, coach'],
      [page, `${groupPath}/misconceptions`, 'Most-missed questions', 'most-missed questions'],
      [page, `${groupPath}/review`, `Review session: ${GROUP}`, 'review session'],
      [page, `${groupPath}/essays/${essayId}`, /^Morgan Member's answer:/, 'coach essay page'],
      // A second drill, not started yet, waits on the member's dashboard.
      [member, '/', /^Hello,/, 'dashboard with an assigned drill'],
      [member, `/join/${code}`, 'Join a study group', 'join preview'],
      [member, groupPath, GROUP, 'group dashboard, member'],
    ];
    const second = await page.request.post(`${server.url}/api/groups${groupPath.slice('/groups'.length)}/drills`, { data: { title: 'Second drill', areas: [1], length: 3, mode: 'tutor' } });
    expect(second.status()).toBe(201);
    for (const [p, path, heading, name] of screens) {
      await open(p, path, heading);
      await expect.poll(() => p.locator('[aria-busy="true"]').count()).toBe(0);
      if (path === groupPath && p === page) await page.getByTestId('heatmap').waitFor();
      if (path === '/') await p.getByRole('heading', { name: 'Assigned drills' }).waitFor();
      if (path.startsWith('/join/')) await p.getByTestId('sharing-notice').waitFor();
      await expectAccessible(p, `${name} at 320 px`);
      expect(await fitsWidth(p), `${name} at 320 px scrolls sideways`).toBe(true);
      if (name === 'group dashboard, coach') await screenshot(page, '54-group-dashboard-320');
    }
  });
});
