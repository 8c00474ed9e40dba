// "Saved / Saving… / Offline — N answers waiting". Visible text, not a live region (the brief keeps
// live announcements for the time warnings); the runner's status line is easy to find.
import type { SaveState } from '../../models/attempt.ts';
import { plural } from '../../lib/format.ts';
import css from './save-status.module.css';

export function SaveStatus({ state, waiting, persisted }: { state: SaveState; waiting: number; persisted: boolean }) {
  const text =
    state === 'saved' ? 'Saved' : state === 'saving' ? 'Saving…' : `Offline — ${plural(waiting, 'answer')} waiting`;
  return (
    <p class={`${css.status} ${css[state]}`} data-testid="save-status" data-state={state}>
      <span class={css.dot} aria-hidden="true" />
      <span>{text}</span>
      {state === 'offline' && <span class={css.detail}>They are kept on this device and sent when the connection returns.</span>}
      {!persisted && <span class={css.detail}>This browser will not store answers offline: keep this tab open until they are saved.</span>}
    </p>
  );
}
