// Every slot at a glance (answered / unanswered / flagged / waiting), each a link to jump to.
import type { SlotState } from '../../models/attempt.ts';
import { FlagIcon } from './flag-icon.tsx';
import css from './navigator.module.css';

export { FlagIcon };

interface Props {
  slots: SlotState[];
  current: number;
  hrefFor: (slot: number) => string;
  onJump: (slot: number) => void;
}

function describe(s: SlotState): string {
  const parts = [s.choice === null ? 'unanswered' : 'answered'];
  if (s.flagged) parts.push('flagged');
  if (s.pending) parts.push('waiting to save');
  return `Question ${s.slot}: ${parts.join(', ')}`;
}

export function Navigator({ slots, current, hrefFor, onJump }: Props) {
  const answered = slots.filter((s) => s.choice !== null).length;
  const flagged = slots.filter((s) => s.flagged).length;
  return (
    <nav class={css.nav} aria-labelledby="navigator-title">
      <h2 id="navigator-title" class={css.heading}>
        Questions
      </h2>
      <p class={css.counts}>
        {answered} of {slots.length} answered · {flagged} flagged
      </p>
      <ol class={css.grid}>
        {slots.map((s) => (
          <li key={s.slot}>
            <a
              href={hrefFor(s.slot)}
              class={[css.cell, s.choice !== null && css.answered, s.pending && css.pending].filter(Boolean).join(' ')}
              aria-current={s.slot === current ? 'step' : undefined}
              aria-label={describe(s)}
              title={describe(s)}
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                onJump(s.slot);
              }}
            >
              {s.slot}
              {s.flagged && (
                <span class={css.flagBadge}>
                  <FlagIcon />
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
      <ul class={css.legend} aria-label="Key to the question grid">
        <li>
          <span class={`${css.cell} ${css.sample} ${css.answered}`} aria-hidden="true" /> answered
        </li>
        <li>
          <span class={`${css.cell} ${css.sample}`} aria-hidden="true" /> unanswered
        </li>
        <li>
          <span class={css.legendFlag} aria-hidden="true">
            <FlagIcon />
          </span>{' '}
          flagged
        </li>
      </ul>
    </nav>
  );
}
