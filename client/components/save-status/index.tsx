// "Saved / Saving… / Offline — N answers waiting / Server unreachable — N answers waiting", and while
// a hand-in is under way "Handing in…" or "Not handed in yet" (never "Saved" then). Visible text, not
// a live region (live announcements are kept for the time warnings and the hand-in status); the
// runner's status line is easy to find.
import type { Connection, HandInState, SaveState } from '../../models/attempt.ts';
import { plural } from '../../lib/format.ts';
import css from './save-status.module.css';

interface Props {
  state: SaveState;
  waiting: number;
  persisted: boolean;
  /** Offline (the browser says so) or unreachable (the server does not answer); default offline. */
  connection?: Connection;
  handIn?: HandInState;
  /** False: only the one-line badge (the runner shows the details below its sticky bar). */
  details?: boolean;
}

export function saveBadge({ state, waiting, connection = 'offline', handIn = 'idle' }: Pick<Props, 'state' | 'waiting' | 'connection' | 'handIn'>) {
  if (handIn === 'sending') return { key: 'handing-in', text: 'Handing in…' };
  if (handIn === 'waiting') return { key: 'hand-in-waiting', text: 'Not handed in yet' };
  if (state === 'saved') return { key: 'saved', text: 'Saved' };
  if (state === 'saving') return { key: 'saving', text: 'Saving…' };
  const where = connection === 'unreachable' ? 'Server unreachable' : 'Offline';
  return { key: 'offline', text: `${where} — ${plural(waiting, 'answer')} waiting` };
}

export function SaveDetails({ state, persisted, connection = 'offline' }: Pick<Props, 'state' | 'persisted' | 'connection'>) {
  return (
    <>
      {state === 'offline' && (
        <span class={css.detail}>
          {connection === 'unreachable'
            ? 'The server cannot be reached: your answers are kept on this device and sent as soon as it answers.'
            : 'You are offline: your answers are kept on this device and sent when the connection returns.'}
        </span>
      )}
      {!persisted && <span class={css.detail}>This browser will not store answers offline: keep this tab open until they are saved.</span>}
    </>
  );
}

export function SaveStatus({ state, waiting, persisted, connection, handIn, details = true }: Props) {
  const badge = saveBadge({ state, waiting, connection, handIn });
  const tone = badge.key === 'saved' ? css.saved : badge.key === 'saving' || badge.key === 'handing-in' ? css.saving : css.offline;
  return (
    <p class={`${css.status} ${tone}`} data-testid="save-status" data-state={badge.key}>
      <span class={css.dot} aria-hidden="true" />
      <span>{badge.text}</span>
      {details && <SaveDetails state={state} persisted={persisted} connection={connection} />}
    </p>
  );
}
