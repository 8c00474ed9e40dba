// The runner's top bar (title, countdown, hide-timer toggle, save state) and its notices, shared
// with the review. The bar stays in view at every width (sticky), so the clock never scrolls away.
import { signal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SaveDetails, SaveStatus } from '../../components/save-status/index.tsx';
import { Timer } from '../../components/timer/index.tsx';
import { connectionProblem, type AttemptModel } from '../../models/attempt.ts';
import css from './runner.module.css';

const HIDE_KEY = 'cetl.hideTimer';
function readHidden(): boolean {
  try {
    return localStorage.getItem(HIDE_KEY) === '1';
  } catch {
    return false;
  }
}
/** The candidate's choice to hide the countdown, kept on this device for every attempt. */
export const timerHidden = signal(readHidden());
export function setTimerHidden(hidden: boolean): void {
  timerHidden.value = hidden;
  try {
    if (hidden) localStorage.setItem(HIDE_KEY, '1');
    else localStorage.removeItem(HIDE_KEY);
  } catch {
    /* this page still remembers */
  }
}

/**
 * Keeps whatever takes focus or is scrolled to clear of the sticky bar (WCAG 2.4.11): the page's
 * scroll padding follows the bar's height while the bar is on screen.
 */
function useScrollClearOf(bar: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const el = bar.current;
    const root = document.documentElement;
    if (!el) return;
    const fit = () => (root.style.scrollPaddingTop = `${Math.ceil(el.getBoundingClientRect().height) + 12}px`);
    fit();
    const watch = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    watch?.observe(el);
    return () => {
      watch?.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, []);
}

/** The timer and save state; the runner's page heading, or a plain line on the review screen. */
export function StatusBar({ model, title, heading = true }: { model: AttemptModel; title: string; heading?: boolean }) {
  const attempt = model.attempt.value!;
  const Title = heading ? 'h1' : 'p';
  const hidden = timerHidden.value;
  const bar = useRef<HTMLDivElement>(null);
  useScrollClearOf(bar);
  return (
    <>
      <div class={css.bar} data-testid="status-bar" ref={bar}>
        <Title class={css.title}>{title}</Title>
        <div class={css.clockGroup}>
          <Timer remaining={model.remainingMs} multiplier={attempt.timeMultiplier} hidden={hidden && model.timed.value} />
          {model.timed.value && (
            <button type="button" class={`button--secondary ${css.small}`} onClick={() => setTimerHidden(!hidden)}>
              {hidden ? 'Show timer' : 'Hide timer'}
            </button>
          )}
        </div>
        <SaveStatus
          state={model.saveState.value}
          waiting={model.waiting.value}
          persisted={model.persisted.value}
          connection={model.connection.value}
          handIn={model.handInState.value}
          details={false}
        />
      </div>
      {(model.saveState.value === 'offline' || !model.persisted.value) && (
        <p class={`notice notice--warn ${css.saveDetails}`}>
          <SaveDetails state={model.saveState.value} persisted={model.persisted.value} connection={model.connection.value} />
        </p>
      )}
    </>
  );
}

/** What a waiting or refused hand-in is about, in words. */
export function handInMessage(model: AttemptModel): string {
  const state = model.handInState.value;
  if (state === 'sending') return 'Handing in your answers…';
  if (state === 'waiting') {
    const why = connectionProblem(model.connection.value === 'offline' ? 'offline' : 'unreachable');
    return `Not handed in yet: ${why}. Trying again automatically; keep this page open.`;
  }
  if (state === 'failed') return `Not handed in: ${model.handInProblem.value ?? 'the server refused.'}`;
  if (state === 'done') return 'Handed in.';
  return '';
}

/** `handInShown`: the page shows the hand-in status itself (the review screen, next to its button). */
export function RunnerNotices({ model, handInShown = false }: { model: AttemptModel; handInShown?: boolean }) {
  const phase = model.phase.value;
  const handIn = model.handInState.value;
  return (
    <>
      {model.timeUp.value && (
        <p class="notice notice--bad" data-testid="time-up">
          Time is up.{' '}
          {handIn === 'waiting' || handIn === 'failed' ? handInMessage(model) : phase === 'handing-in' ? 'Handing in your answers…' : 'Your answers will be handed in as soon as the server can be reached.'}
        </p>
      )}
      {!model.timeUp.value && !handInShown && phase === 'handing-in' && <p class="notice">Handing in your answers…</p>}
      {!model.timeUp.value && !handInShown && (handIn === 'waiting' || handIn === 'failed') && (
        <p class="notice notice--warn">{handInMessage(model)}</p>
      )}
      {/* A hand-in's own messages are shown by its status (next to the button, or the time-up notice). */}
      {model.notice.value && handIn !== 'waiting' && handIn !== 'failed' && <p class="notice notice--warn">{model.notice.value}</p>}
    </>
  );
}
