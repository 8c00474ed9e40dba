// The landing page for visitors, and every main screen in the light and the dark colour scheme
// (prefers-color-scheme, as the system sets it) at 320 and 1280 CSS px without axe violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, DRILL_AREAS, fitsWidth, getJson, registerViaApi } from './support/flows.ts';

const WEIGHTS = [15, 15, 6, 18, 15, 7, 2, 10, 5, 7];
const GROUP = 'Evening study circle';

/** Relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.skipIf(!hasChromium)('landing page, light and dark schemes', () => {
  let session: Session;
  let server: TestServer;
  let visitor: Page;
  let memberContext: BrowserContext;
  let member: Page;
  let memberName = '';
  let openId = '';
  let closedId = '';
  let groupId = '';

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } }, { signedUp: false });
    ({ server, page: visitor } = session);
    memberContext = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    member = await memberContext.newPage();
    memberName = (await registerViaApi(memberContext.request, server.url)).name;
    const request = memberContext.request;
    closedId = (await createAttemptViaApi(request, server.url, { mode: 'exam', length: 10, areas: DRILL_AREAS })).attempt.id;
    await request.put(`${server.url}/api/attempts/${closedId}/responses/1`, { data: { choice: 'C', flagged: true } });
    await request.put(`${server.url}/api/attempts/${closedId}/responses/2`, { data: { choice: 'A', flagged: false } });
    await request.post(`${server.url}/api/attempts/${closedId}/submit`, { data: {} });
    openId = (await createAttemptViaApi(request, server.url, { mode: 'exam', length: 10, areas: DRILL_AREAS })).attempt.id;
    await request.put(`${server.url}/api/attempts/${openId}/responses/2`, { data: { choice: 'B', flagged: true } });
    const group = await request.post(`${server.url}/api/groups`, { data: { name: GROUP } });
    expect(group.status()).toBe(201);
    groupId = ((await group.json()) as { id: string }).id;
  });

  afterAll(() => session?.close());

  describe('the landing page', () => {
    it('lists the blueprint from the API, says the scores are not official, and has one h1 and landmarks', async () => {
      const framework = await getJson<{ areas: { number: number; weight: number; name: string }[] }>(
        visitor.request,
        `${server.url}/api/framework`,
      );
      expect(framework.areas.map((a) => a.weight)).toEqual(WEIGHTS);

      await visitor.goto(`${server.url}/`);
      await visitor.getByRole('heading', { level: 1, name: 'Practice for the CETL exam' }).waitFor();
      expect(visitor.url()).toBe(`${server.url}/`);
      const table = visitor.getByTestId('blueprint');
      await table.waitFor();
      for (const area of framework.areas) {
        const row = table.locator(`tr[data-area="${area.number}"]`);
        expect(await row.locator('th').innerText()).toBe(`${area.number}. ${area.name}`);
        expect((await row.locator('td').innerText()).trim()).toBe(`${area.weight}%`);
      }
      const categories = await table.locator('tbody th[scope=rowgroup]').allInnerTexts();
      expect(categories).toEqual([
        expect.stringMatching(/^Category I: .*\(36%\)$/),
        expect.stringMatching(/^Category II: .*\(33%\)$/),
        expect.stringMatching(/^Category III: .*\(31%\)$/),
      ]);
      expect(await table.locator('tfoot td').innerText()).toContain('100%');

      const text = await visitor.locator('main').innerText();
      expect(text).toContain('Practice scores are not official CETL scores.');
      expect(text).toMatch(/not affiliated with, endorsed by or sponsored by CoSN/);
      for (const topic of ['Part I practice exams', 'Drills and spaced review', 'Part II scenario essays', 'Study groups and coaches']) {
        await visitor.getByRole('heading', { level: 3, name: topic }).waitFor();
      }

      expect(await visitor.locator('h1').count()).toBe(1);
      expect(await visitor.getByRole('main').count()).toBe(1);
      expect(await visitor.getByRole('banner').count()).toBe(1);
      expect(await visitor.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
      expect(await visitor.title()).toBe('Practice for the CETL exam — CETL Practice');
    });

    it('signs up and signs in from its buttons', async () => {
      await visitor.goto(`${server.url}/`);
      await visitor.getByRole('main').getByRole('link', { name: 'Sign up', exact: true }).click();
      await visitor.waitForURL(`${server.url}/signup`);
      await visitor.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();

      await visitor.goBack();
      await visitor.getByRole('heading', { level: 1, name: 'Practice for the CETL exam' }).waitFor();
      await visitor.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
      await visitor.waitForURL(`${server.url}/signin`);
      await visitor.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      // The brand link leads visitors back to the landing page.
      await visitor.getByRole('link', { name: 'CETL Practice' }).click();
      await visitor.waitForURL(`${server.url}/`);
      await visitor.getByRole('heading', { level: 1, name: 'Practice for the CETL exam' }).waitFor();
    });

    it('is not shown to a signed-in user, who gets the dashboard at /', async () => {
      await member.goto(`${server.url}/`);
      await member.getByRole('heading', { level: 1, name: `Hello, ${memberName}` }).waitFor();
      expect(await member.getByTestId('blueprint').count()).toBe(0);
    });
  });

  const screens: { name: string; visitor?: boolean; path: () => string; ready: () => string }[] = [
    { name: 'landing', visitor: true, path: () => '/', ready: () => '[data-testid=blueprint]' },
    { name: 'sign-in', visitor: true, path: () => '/signin', ready: () => '#email' },
    { name: 'dashboard', path: () => '/', ready: () => 'figure svg' },
    { name: 'exam runner', path: () => `/exam/${openId}/2`, ready: () => '#question-title' },
    { name: 'report', path: () => `/report/${closedId}`, ready: () => '[data-testid=report-item]' },
    { name: 'study plan', path: () => '/study', ready: () => 'figure svg' },
    { name: 'essays', path: () => '/essays', ready: () => 'h1:text("Part II: scenario essays")' },
    { name: 'group', path: () => `/groups/${groupId}`, ready: () => `h1:text("${GROUP}")` },
  ];

  // One load per screen, then the scheme and the width change under it as a system setting or a
  // rotated phone would change them: the page must follow without a reload.
  for (const screen of screens) {
    it(`${screen.name}: no axe violations and no sideways scrolling, light and dark, 1280 and 320 px`, async () => {
      const p = screen.visitor ? visitor : member;
      await p.emulateMedia({ colorScheme: 'light' });
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(`${server.url}${screen.path()}`);
      await p.locator(screen.ready()).first().waitFor();
      for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['dark', 320], ['light', 320]] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.setViewportSize({ width, height: width === 320 ? 640 : 900 });
        expect(await p.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        expect(await fitsWidth(p), `${screen.name} scrolls sideways at ${width}px`).toBe(true);
        const violations = await axeViolations(p);
        expect(violations, `${screen.name}, ${scheme}, ${width}px:\n${describeViolations(violations)}`).toEqual([]);
        await screenshot(p, `scheme-${scheme}-${width}-${screen.name.replace(/ /g, '-')}`);
      }
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`uses the ${scheme} palette and shows a focus ring that stands out from the page in it`, async () => {
      await visitor.emulateMedia({ colorScheme: scheme });
      await visitor.setViewportSize({ width: 1280, height: 900 });
      await visitor.goto(`${server.url}/`);
      await visitor.getByTestId('blueprint').waitFor();
      const colours = await visitor.evaluate(() => {
        const body = getComputedStyle(document.body);
        return { bg: body.backgroundColor, text: body.color, scheme: getComputedStyle(document.documentElement).colorScheme };
      });
      expect(colours.scheme).toBe('light dark');
      const bgLum = contrast(colours.bg, 'rgb(0, 0, 0)');
      // A light page is far from black; a dark page is close to it.
      if (scheme === 'dark') expect(bgLum).toBeLessThan(2);
      else expect(bgLum).toBeGreaterThan(15);
      expect(contrast(colours.text, colours.bg)).toBeGreaterThanOrEqual(4.5);

      const signUp = visitor.getByRole('main').getByRole('link', { name: 'Sign up', exact: true });
      await visitor.keyboard.press('Tab'); // keyboard modality, so :focus-visible applies
      await signUp.focus();
      const ring = await signUp.evaluate((el) => {
        const s = getComputedStyle(el);
        return { width: s.outlineWidth, style: s.outlineStyle, colour: s.outlineColor };
      });
      expect(ring.width).toBe('3px');
      expect(ring.style).toBe('solid');
      expect(contrast(ring.colour, colours.bg)).toBeGreaterThanOrEqual(3);
    });
  }
});
