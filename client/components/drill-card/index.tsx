// One drill assigned to the signed-in user: what it is, who set it (the group), when it is due,
// whether it is overdue (said in words, not only colour), and Start / Continue / the report.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api, ApiError, type Drill, type DrillState } from '../../lib/api.ts';
import { dateTime, plural } from '../../lib/format.ts';
import css from './drill-card.module.css';

export const STATE_LABEL: Record<DrillState, string> = { not_started: 'Not started', started: 'Started', finished: 'Finished' };

/** "5 questions · tutor mode · untimed": what a drill asks for, in words. */
export function drillSummary(d: Drill): string {
  const timing = d.minutes !== null ? `${plural(d.minutes, 'minute')}` : d.mode === 'tutor' ? 'untimed' : 'standard time';
  const scope = d.items > 0 ? "the group's most-missed questions" : [d.areas.length ? `areas ${d.areas.join(', ')}` : '', d.codes.length ? `codes ${d.codes.join(', ')}` : ''].filter(Boolean).join(' and ') || 'every area';
  return `${plural(d.length, 'question')} · ${d.mode === 'tutor' ? 'tutor mode' : 'exam mode'} · ${timing} · ${scope}`;
}

export function DrillCard({ drill, showGroup = false }: { drill: Drill; showGroup?: boolean }) {
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = drill.mine!;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { attempt } = await api.startDrill(drill.groupId, drill.id);
      route(`/exam/${attempt.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The drill could not be started; try again.');
      setBusy(false);
    }
  };
  return (
    <li class={`card ${css.card} ${mine.overdue ? css.overdueCard : ''}`} data-testid="drill-card">
      <h3 class={css.title}>{drill.title}</h3>
      <p class={css.meta}>
        {showGroup && (
          <>
            From <a href={`/groups/${drill.groupId}`}>{drill.groupName}</a> ·{' '}
          </>
        )}
        {drillSummary(drill)}
      </p>
      <p class={css.meta}>{drill.dueAt !== null ? `Due ${dateTime(drill.dueAt)}` : 'No due date'}</p>
      <p class={css.state}>
        <span class={css[mine.state]}>{STATE_LABEL[mine.state]}</span>
        {mine.overdue && (
          <strong class={css.overdue}>
            <span aria-hidden="true">⚠ </span>Overdue
          </strong>
        )}
      </p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {mine.state === 'not_started' && (
        <button type="button" class="button" disabled={busy} onClick={() => void start()}>
          {busy ? 'Preparing the questions…' : 'Start'}
          <span class="visually-hidden"> the drill {drill.title}</span>
        </button>
      )}
      {mine.state === 'started' && mine.attemptId && (
        <a class="button" href={`/exam/${mine.attemptId}`}>
          Continue<span class="visually-hidden"> the drill {drill.title}</span>
        </a>
      )}
      {mine.state === 'finished' && mine.attemptId && (
        <a href={`/report/${mine.attemptId}`}>
          See the report<span class="visually-hidden"> for the drill {drill.title}</span>
        </a>
      )}
    </li>
  );
}

export function DrillList({ drills, showGroup = false }: { drills: Drill[]; showGroup?: boolean }) {
  return (
    <ul class={css.list}>
      {drills.map((d) => (
        <DrillCard key={d.id} drill={d} showGroup={showGroup} />
      ))}
    </ul>
  );
}
