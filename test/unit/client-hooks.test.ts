// @vitest-environment happy-dom
// The small hooks in client/lib, rendered in a DOM: the page title and heading focus, the
// sign-in redirect guard, lazily loaded modules, and an element's measured width.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import type * as Page from '../../client/lib/page.ts';
import type * as UseModule from '../../client/lib/use-module.ts';
import type * as UseWidth from '../../client/lib/use-width.ts';

// The hooks are loaded afresh for every test (preact itself stays one instance).
let safeNext: typeof Page.safeNext;
let usePage: typeof Page.usePage;
let useModule: typeof UseModule.useModule;
let useWidth: typeof UseWidth.useWidth;
let root: HTMLElement;
beforeEach(async () => {
  vi.resetModules();
  ({ safeNext, usePage } = await import('../../client/lib/page.ts'));
  ({ useModule } = await import('../../client/lib/use-module.ts'));
  ({ useWidth } = await import('../../client/lib/use-width.ts'));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  document.title = '';
  vi.restoreAllMocks();
});

describe('usePage', () => {
  function Page({ title, focusHeading }: { title: string; focusHeading?: boolean }) {
    usePage(title, focusHeading === undefined ? undefined : { focusHeading });
    return h('main', null, h('h1', null, title || 'Home', h('button', { id: 'inside' }, 'x')), h('button', { id: 'other' }, 'y'));
  }
  const show = (props: { title: string; focusHeading?: boolean }) => act(() => render(h(Page, props), root));
  const heading = () => root.querySelector('h1') as HTMLElement;

  it('names the page, then the app', () => {
    show({ title: 'Profile' });
    expect(document.title).toBe('Profile — CETL Practice');
  });

  it('is the app’s name alone for a page without a title', () => {
    show({ title: '' });
    expect(document.title).toBe('CETL Practice');
  });

  it('follows the title when it changes', () => {
    show({ title: 'Question 1 of 20' });
    show({ title: 'Question 2 of 20' });
    expect(document.title).toBe('Question 2 of 20 — CETL Practice');
  });

  it('moves focus to the page’s heading, made focusable by script only, scrolling to it', () => {
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    show({ title: 'Profile' });
    expect(document.activeElement).toBe(heading());
    expect(heading().getAttribute('tabindex')).toBe('-1');
    expect(focus).toHaveBeenCalledTimes(1);
    expect(focus).toHaveBeenCalledWith({ preventScroll: false });
  });

  it('focuses only on arrival, not when the title changes later', () => {
    show({ title: 'Question 1 of 20' });
    (root.querySelector('#other') as HTMLElement).focus();
    show({ title: 'Question 2 of 20' });
    expect(document.activeElement!.id).toBe('other');
  });

  it('leaves focus alone when asked to', () => {
    show({ title: 'Runner', focusHeading: false });
    expect(document.activeElement).not.toBe(heading());
    expect(heading().hasAttribute('tabindex')).toBe(false);
  });

  it('focuses when focusHeading is true', () => {
    show({ title: 'Review', focusHeading: true });
    expect(document.activeElement).toBe(heading());
  });

  it('leaves focus where it is when it is already inside the heading', () => {
    // The heading is rendered first, focus moved inside it, then the hook runs.
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    function Late() {
      return h('main', null, h('h1', null, h('button', { id: 'inner', ref: (b: HTMLElement | null) => b?.focus() }, 'x')), h(Hooked, null));
    }
    function Hooked() {
      usePage('Late');
      return null;
    }
    act(() => render(h(Late, null), root));
    expect(document.activeElement!.id).toBe('inner');
    expect(focus).toHaveBeenCalledTimes(1); // the button's own focus only
    expect(heading().hasAttribute('tabindex')).toBe(false);
  });

  it('does nothing without a heading in main', () => {
    function NoHeading() {
      usePage('Bare');
      return h('div', null, h('h1', null, 'Outside main'));
    }
    act(() => render(h(NoHeading, null), root));
    expect(document.title).toBe('Bare — CETL Practice');
    expect(document.activeElement).not.toBe(root.querySelector('h1'));
    expect(root.querySelector('h1')!.hasAttribute('tabindex')).toBe(false);
  });
});

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/groups/abc')).toBe('/groups/abc');
    expect(safeNext('/')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('')).toBe('/');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('groups')).toBe('/');
  });
});

describe('useModule', () => {
  function Loader({ load, seen }: { load: () => Promise<unknown>; seen: unknown[] }) {
    seen.push(useModule(load));
    return null;
  }

  it('is null until the module has loaded, then the module itself (even a function)', async () => {
    const mod = () => 'I am a component';
    let resolve!: (m: unknown) => void;
    const load = vi.fn(() => new Promise((r) => (resolve = r)));
    const seen: unknown[] = [];
    act(() => render(h(Loader, { load, seen }), root));
    expect(seen).toEqual([null]);
    await act(async () => resolve(mod));
    expect(seen.at(-1)).toBe(mod);
    act(() => render(h(Loader, { load, seen }), root));
    expect(load).toHaveBeenCalledTimes(1); // loaded once, not on every render
  });

  it('stays null and reports the error when loading fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('chunk missing');
    const seen: unknown[] = [];
    await act(async () => render(h(Loader, { load: () => Promise.reject(failure), seen }), root));
    expect(seen.every((m) => m === null)).toBe(true);
    expect(error).toHaveBeenCalledWith(failure);
  });

  it('does not report a module that arrives after the component has gone', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let resolve!: (m: unknown) => void;
    const seen: unknown[] = [];
    act(() => render(h(Loader, { load: () => new Promise((r) => (resolve = r)), seen }), root));
    act(() => render(null, root));
    await act(async () => resolve({ late: true }));
    expect(seen).toEqual([null]);
    expect(error).not.toHaveBeenCalled();
  });
});

describe('useWidth', () => {
  class FakeObserver {
    static all: FakeObserver[] = [];
    observed: Element[] = [];
    disconnected = false;
    constructor(readonly callback: (entries: { contentRect: { width: number } }[]) => void) {
      FakeObserver.all.push(this);
    }
    observe(el: Element) {
      this.observed.push(el);
    }
    disconnect() {
      this.disconnected = true;
    }
    resize(width: number) {
      act(() => this.callback([{ contentRect: { width } }]));
    }
  }
  beforeEach(() => {
    FakeObserver.all = [];
    vi.stubGlobal('ResizeObserver', FakeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  function Box({ attach = true, widths }: { attach?: boolean; widths: number[] }) {
    const [ref, width] = useWidth<HTMLDivElement>(640, 260);
    widths.push(width);
    return h('div', attach ? { ref, id: 'box' } : { id: 'box' });
  }

  it('is the initial width until measured, then the element’s width in whole pixels', () => {
    const widths: number[] = [];
    act(() => render(h(Box, { widths }), root));
    expect(widths).toEqual([640]);
    expect(FakeObserver.all).toHaveLength(1);
    expect(FakeObserver.all[0].observed).toEqual([root.querySelector('#box')]);
    FakeObserver.all[0].resize(480.9);
    expect(widths.at(-1)).toBe(480);
    FakeObserver.all[0].resize(300);
    expect(widths.at(-1)).toBe(300);
  });

  it('never goes below the minimum', () => {
    const widths: number[] = [];
    act(() => render(h(Box, { widths }), root));
    FakeObserver.all[0].resize(120);
    expect(widths.at(-1)).toBe(260);
    FakeObserver.all[0].resize(260.5);
    expect(widths.at(-1)).toBe(260);
    FakeObserver.all[0].resize(261);
    expect(widths.at(-1)).toBe(261);
  });

  it('observes once and stops observing when the element goes', () => {
    const widths: number[] = [];
    act(() => render(h(Box, { widths }), root));
    act(() => render(h(Box, { widths }), root));
    expect(FakeObserver.all).toHaveLength(1);
    expect(FakeObserver.all[0].disconnected).toBe(false);
    act(() => render(null, root));
    expect(FakeObserver.all[0].disconnected).toBe(true);
  });

  it('keeps the initial width without an element or without ResizeObserver', () => {
    const widths: number[] = [];
    act(() => render(h(Box, { attach: false, widths }), root));
    expect(FakeObserver.all).toHaveLength(0);
    act(() => render(null, root));
    vi.stubGlobal('ResizeObserver', undefined);
    const more: number[] = [];
    expect(() => act(() => render(h(Box, { widths: more }), root))).not.toThrow();
    expect(more).toEqual([640]);
  });
});
