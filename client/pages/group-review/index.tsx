// A review session for a group meeting, on a projector: one most-missed question at a time in large
// type. Keys while the session has focus (so they never fire elsewhere, WCAG 2.1.4): → or N next,
// ← or P previous, Space or D shows the group's choices, K shows the key and the rationales. Every
// key has a button too.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Misconception } from '../../lib/api.ts';
import { pct } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import { useMisconceptions } from '../misconceptions/use-misconceptions.ts';
import css from './group-review.module.css';

export default function GroupReview({ id }: { id: string }) {
  const { group, items, error } = useMisconceptions(id, 'The questions for the session could not be loaded.');
  usePage(group ? `Review session: ${group.name}` : 'Review session');

  return (
    <>
      <h1 class={css.h1}>Review session{group ? `: ${group.name}` : ''}</h1>
      <p class="muted">
        <a href={`/groups/${id}`}>Back to the group</a> · <a href={`/groups/${id}/misconceptions`}>All most-missed questions on one page</a>
      </p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        !error && <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p class="notice">
          No missed questions to review yet. A question appears once members have missed it in finished practice, and only if you have answered
          it yourself in a finished attempt.
        </p>
      ) : (
        <Session items={items} />
      )}
    </>
  );
}

function Session({ items }: { items: Misconception[] }) {
  const [index, setIndex] = useState(0);
  const [showChoices, setShowChoices] = useState(false);
  const [showKey, setShowKey] = useState(false);
  const [said, setSaid] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const slide = useRef<HTMLDivElement>(null);
  const item = items[index];
  const total = items.length;

  useEffect(() => {
    slide.current?.focus();
  }, []);

  const go = (to: number) => {
    if (to < 0 || to >= total) {
      setSaid(to < 0 ? 'This is the first question.' : 'This is the last question.');
      return;
    }
    setIndex(to);
    setShowChoices(false);
    setShowKey(false);
    setSaid(`Question ${to + 1} of ${total}.`);
  };
  const choices = () => {
    setShowChoices(true);
    setSaid("The group's choices are shown.");
  };
  const key = () => {
    setShowKey(true);
    setSaid(`The best answer is ${item.answer}; the rationales are shown.`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const onControl = target.closest('button, a, input, select, textarea, summary') !== null;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (k === 'ArrowRight' || k === 'n') go(index + 1);
    else if (k === 'ArrowLeft' || k === 'p') go(index - 1);
    else if ((k === ' ' && !onControl) || k === 'd') choices();
    else if (k === 'k') key();
    else return;
    e.preventDefault();
  };

  const fullScreen = () => {
    const el = box.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.().then(() => slide.current?.focus());
  };

  const most = Math.max(1, ...item.options.map((o) => o.chosen));
  return (
    <div ref={box} class={css.session} onKeyDown={onKeyDown}>
      <p class={css.keys} id="session-keys">
        Keys while the session has focus: <kbd>→</kbd> or <kbd>N</kbd> next, <kbd>←</kbd> or <kbd>P</kbd> previous, <kbd>Space</kbd> or{' '}
        <kbd>D</kbd> the group's choices, <kbd>K</kbd> the key and why.
      </p>
      <div ref={slide} class={css.slide} tabIndex={0} role="group" aria-labelledby="slide-title" aria-describedby="session-keys" data-testid="slide">
        <h2 id="slide-title" class={css.counter}>
          Question {index + 1} of {total}
          <span class={css.meta}>
            {' '}
            · area {item.area} · {item.code} · {pct(item.percentWrong)} wrong
          </span>
        </h2>
        <p class={css.stem}>{item.stem}</p>
        <ol class={css.options}>
          {item.options.map((o) => {
            const isKey = showKey && o.key === item.answer;
            const tempting = showKey && o.key === item.tempting;
            const share = item.answered ? (100 * o.chosen) / item.answered : 0;
            return (
              <li key={o.key} class={`${css.option} ${isKey ? css.key : ''} ${tempting ? css.tempting : ''}`} data-key={o.key}>
                <div class={css.optionHead}>
                  <span class={css.letter}>{o.key}</span>
                  <span class={css.optionText}>{o.text}</span>
                </div>
                {(isKey || tempting) && <p class={css.badge}>{isKey ? '✓ Best answer' : '✗ Most tempting wrong answer'}</p>}
                {showChoices && (
                  <div class={css.dist} data-testid="distribution">
                    <span class={css.track} aria-hidden="true">
                      <span class={css.bar} style={{ width: `${(100 * o.chosen) / most}%` }} />
                    </span>
                    <span class={css.count}>
                      {o.chosen} chose {o.key} ({pct(share)})
                    </span>
                  </div>
                )}
                {showKey && (isKey || tempting) && <p class={css.rationale}>{item.rationale[o.key]}</p>}
              </li>
            );
          })}
        </ol>
        {showChoices && item.blank > 0 && <p class={css.count}>{item.blank} left it blank.</p>}
      </div>
      <div class={css.controls}>
        <button type="button" class={css.control} onClick={() => go(index - 1)} aria-disabled={index === 0 ? 'true' : undefined}>
          ← Previous <span class={css.hintKey}>(P)</span>
        </button>
        <button type="button" class={css.control} aria-pressed={showChoices} onClick={choices}>
          Show the group's choices <span class={css.hintKey}>(D)</span>
        </button>
        <button type="button" class={css.control} aria-pressed={showKey} onClick={key}>
          Show the key and why <span class={css.hintKey}>(K)</span>
        </button>
        <button type="button" class={css.control} onClick={() => go(index + 1)} aria-disabled={index === total - 1 ? 'true' : undefined}>
          Next → <span class={css.hintKey}>(N)</span>
        </button>
        {typeof document !== 'undefined' && document.fullscreenEnabled && (
          <button type="button" class={css.control} onClick={fullScreen}>
            Full screen on or off
          </button>
        )}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
