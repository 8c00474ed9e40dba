// Dashboard: drills assigned by my groups' coaches first, then continue an open attempt, start a
// new one, results by area across attempts, and the history with practice exams and tutor drills
// apart (each with its own recent results).
import { CodePicker, toggled } from '../../components/code-picker/index.tsx';
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { DrillList } from '../../components/drill-card/index.tsx';
import { ErrorSummary } from '../../components/form/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type AttemptSummary, type CreateAttempt, type Drill, type Framework, type Progress } from '../../lib/api.ts';
import { clock, dateTime, duration, multiplier, pct, plural, spokenDuration } from '../../lib/format.ts';
import { readQueue } from '../../lib/offline-queue.ts';
import { usePage } from '../../lib/page.ts';
import { useModule } from '../../lib/use-module.ts';
import { flushQueuesFor } from '../../models/answer-sync.ts';
import { framework as frameworkSignal, loadFramework } from '../../models/framework.ts';
import { currentUser } from '../../models/session.ts';
import css from './dashboard.module.css';

const FULL = { length: 100, minutes: 120 };

export default function Dashboard() {
  const user = currentUser.value!;
  usePage('Dashboard');
  const [attempts, setAttempts] = useState<AttemptSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void loadFramework().catch(() => undefined);
    api.attempts().then(
      ({ attempts }) => {
        setAttempts(attempts);
        flushQueuesFor(attempts.filter((a) => a.status === 'open').map((a) => a.id));
      },
      (err) => setLoadError(err instanceof ApiError ? err.message : 'Your attempts could not be loaded.'),
    );
  }, []);

  const open = attempts?.filter((a) => a.status === 'open') ?? [];
  const done = attempts?.filter((a) => a.status === 'submitted') ?? [];

  return (
    <>
      <h1>Hello, {user.name}</h1>
      <AssignedDrills />
      <p class="muted">
        Practise for the CETL exam. Scores here are practice figures from this engine, not official CETL scores.
      </p>
      {loadError && <p class="notice notice--bad">{loadError}</p>}
      {user.passwordChangeRequired && (
        <p class="notice notice--warn">
          Your password no longer meets the rule (at least 15 characters, not a common one). <a href="/profile#password">Choose a new password</a>.
        </p>
      )}

      {open.length > 0 && (
        <section aria-labelledby="continue-title">
          <h2 id="continue-title">Continue where you left off</h2>
          <ul class={css.cards}>
            {open.map((a) => (
              <OpenAttempt key={a.id} attempt={a} />
            ))}
          </ul>
        </section>
      )}

      <StartForm fw={frameworkSignal.value} timeMultiplier={user.timeMultiplier} />

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Your results by area</h2>
        {attempts === null ? (
          <p class="muted">Loading…</p>
        ) : done.length === 0 ? (
          <p class="muted">Finish a practice exam to see how you do in each area.</p>
        ) : (
          <AreaProgress attempts={done} fw={frameworkSignal.value} />
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Past attempts</h2>
        {attempts === null ? (
          <p class="muted">Loading…</p>
        ) : (
          <div class={css.history}>
            <History mode="exam" attempts={done.filter((a) => a.mode === 'exam')} />
            <History mode="tutor" attempts={done.filter((a) => a.mode === 'tutor')} />
          </div>
        )}
      </section>
    </>
  );
}

/** Drills my groups' coaches assigned that I have not finished: due soonest first (the server's order). */
function AssignedDrills() {
  const [drills, setDrills] = useState<Drill[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.myDrills().then(
      (r) => setDrills(r.drills),
      (err) => setError(err instanceof ApiError ? err.message : 'Your assigned drills could not be loaded.'),
    );
  }, []);
  const open = drills?.filter((d) => d.mine && d.mine.state !== 'finished') ?? [];
  if (error) return <p class="notice notice--bad">{error}</p>;
  if (open.length === 0) return null;
  const overdue = open.filter((d) => d.mine!.overdue).length;
  return (
    <section aria-labelledby="drills-title">
      <h2 id="drills-title">Assigned drills</h2>
      <p>
        {plural(open.length, 'drill')} from your study groups to do{overdue > 0 && <strong>, {overdue} of them overdue</strong>}.
      </p>
      <DrillList drills={open} showGroup />
    </section>
  );
}

function OpenAttempt({ attempt: a }: { attempt: AttemptSummary }) {
  const waiting = Object.keys(readQueue(a.id)).length;
  return (
    <li class="card">
      <h3 class={css.cardTitle}>
        {a.mode === 'tutor' ? 'Tutor session' : 'Practice exam'} of {plural(a.length, 'question')}
      </h3>
      <p>
        Started {dateTime(a.startedAt)} · {a.answered} of {a.length} answered
        {a.remainingMs !== null && <> · {clock(a.remainingMs)} left ({spokenDuration(a.remainingMs)})</>}
        {a.deadline !== null && a.timeMultiplier !== 1 && <> · time {multiplier(a.timeMultiplier)}</>}
      </p>
      {waiting > 0 && <p class="notice notice--warn">{plural(waiting, 'answer')} on this device still waiting to be saved.</p>}
      <a class="button" href={`/exam/${a.id}`}>
        Continue<span class="visually-hidden"> the {a.mode === 'tutor' ? 'tutor session' : 'practice exam'} started {dateTime(a.startedAt)}</span>
      </a>
    </li>
  );
}

type Kind = 'full' | 'custom';

function StartForm({ fw, timeMultiplier }: { fw: Framework | null; timeMultiplier: number }) {
  const { route } = useLocation();
  const [kind, setKind] = useState<Kind>('full');
  const [mode, setMode] = useState<'exam' | 'tutor'>('exam');
  const [length, setLength] = useState('20');
  const [minutes, setMinutes] = useState('');
  const [areas, setAreas] = useState<number[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);


  const start = async (e: Event) => {
    e.preventDefault();
    let body: CreateAttempt;
    if (kind === 'full') body = { mode: 'exam', length: FULL.length, minutes: FULL.minutes };
    else {
      const n = Number(length);
      if (!Number.isInteger(n) || n < 1 || n > 200) return setError('Number of questions: enter a whole number from 1 to 200.');
      const m = minutes.trim() === '' ? undefined : Number(minutes);
      if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 600)) return setError('Minutes: enter a whole number from 1 to 600, or leave it empty.');
      body = { mode, length: n, ...(m !== undefined && { minutes: m }), ...(areas.length && { areas }), ...(codes.length && { codes }) };
    }
    setError(null);
    setBusy(true);
    try {
      const { attempt } = await api.createAttempt(body);
      route(`/exam/${attempt.id}/1`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The attempt could not be started; try again.');
      setBusy(false);
    }
  };

  // Exact: 120 × 1.33 is 159 min 36 s, not "160 minutes".
  const fullMinutes = FULL.minutes * timeMultiplier;
  const fullTime = Number.isInteger(fullMinutes) ? `${fullMinutes} minutes` : duration(fullMinutes * 60_000);
  return (
    <section aria-labelledby="start-title" class="card">
      <h2 id="start-title" class={css.sectionTitle}>
        Start a practice exam
      </h2>
      {error && (
        <ErrorSummary key={error} title="The attempt was not started" messages={[error]} />
      )}
      <form onSubmit={start} class="stack" noValidate>
        <fieldset>
          <legend>What kind of practice?</legend>
          <label class="choice">
            <input type="radio" name="kind" value="full" checked={kind === 'full'} onChange={() => setKind('full')} />
            <span>
              <strong>Full simulation</strong>: {FULL.length} questions in {FULL.minutes} minutes
              {timeMultiplier !== 1 && ` (${fullTime} with your ${multiplier(timeMultiplier)} accommodation)`}, drawn in
              proportion to the CETL blueprint.
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="kind" value="custom" checked={kind === 'custom'} onChange={() => setKind('custom')} />
            <span>
              <strong>Custom practice</strong>: choose the length, the mode, areas or skill codes.
            </span>
          </label>
        </fieldset>

        {kind === 'custom' && (
          <>
            <fieldset>
              <legend>Mode</legend>
              <label class="choice">
                <input type="radio" name="mode" value="exam" checked={mode === 'exam'} onChange={() => setMode('exam')} />
                <span>
                  <strong>Exam</strong>: timed; keys and explanations after you hand in.
                </span>
              </label>
              <label class="choice">
                <input type="radio" name="mode" value="tutor" checked={mode === 'tutor'} onChange={() => setMode('tutor')} />
                <span>
                  <strong>Tutor</strong>: untimed; the key and every explanation right after each answer.
                </span>
              </label>
            </fieldset>
            <div class={css.numbers}>
              <div class="field">
                <label for="length">Number of questions</label>
                <p class="hint" id="length-hint">
                  1 to 200.
                </p>
                <input id="length" type="number" inputMode="numeric" min={1} max={200} value={length} aria-describedby="length-hint" onInput={(e) => setLength(e.currentTarget.value)} />
              </div>
              <div class="field">
                <label for="minutes">Minutes (optional)</label>
                <p class="hint" id="minutes-hint">
                  Empty: exam mode allows 1.2 minutes a question; tutor mode is untimed.
                </p>
                <input id="minutes" type="number" inputMode="numeric" min={1} max={600} value={minutes} aria-describedby="minutes-hint" onInput={(e) => setMinutes(e.currentTarget.value)} />
              </div>
            </div>
            {fw && (
              <fieldset>
                <legend>Areas</legend>
                <p class="hint">Leave all unticked to draw from every area.</p>
                <div class={css.checks}>
                  {fw.areas.map((a) => (
                    <label class="choice" key={a.number}>
                      <input type="checkbox" name="areas" value={a.number} checked={areas.includes(a.number)} onChange={() => setAreas(toggled(areas, a.number))} />
                      <span>
                        {a.number}. {a.name} <span class="muted">({a.weight}%)</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {fw && (
              <CodePicker fw={fw} codes={codes} onChange={setCodes} name="codes" summary="Limit to skill codes" />
            )}
          </>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Preparing your questions…' : 'Start'}
        </button>
      </form>
    </section>
  );
}

const RECENT = 10;
const HISTORY = {
  exam: { id: 'exam-history', title: 'Practice exams', what: 'practice exam', none: 'No finished practice exams yet: a full simulation is the closest thing to the real test.' },
  tutor: { id: 'drill-history', title: 'Tutor drills', what: 'tutor drill', none: 'No finished tutor drills yet: custom practice in tutor mode shows each key as you answer.' },
} as const;

/** One mode's finished attempts, newest first: its recent results in a line, then the latest ten (or all). */
function History({ mode, attempts }: { mode: 'exam' | 'tutor'; attempts: AttemptSummary[] }) {
  const [all, setAll] = useState(false);
  const { id, title, what, none } = HISTORY[mode];
  const scored = attempts.filter((a) => a.score !== null);
  const recent = scored.slice(0, 5);
  const average = recent.length ? recent.reduce((n, a) => n + a.score!.percent, 0) / recent.length : 0;
  const shown = all ? attempts : attempts.slice(0, RECENT);
  return (
    <section aria-labelledby={`${id}-title`} class={css.historyPart} data-testid={id}>
      <h3 id={`${id}-title`} class={css.historyTitle}>
        {title} <span class="muted">({attempts.length})</span>
      </h3>
      {attempts.length === 0 ? (
        <p class="muted">{none}</p>
      ) : (
        <>
          {recent.length > 0 && (
            <p data-testid={`${id}-summary`}>
              Latest {pct(recent[0].score!.percent)}
              {recent.length > 1 && <>; average of the last {recent.length}: {pct(average)}</>}.
            </p>
          )}
          <TableScroll label={`Finished ${what}s`}>
            <table>
              <caption class="visually-hidden">Finished {what}s, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col" class="num">
                    Questions
                  </th>
                  <th scope="col" class="num">
                    Score
                  </th>
                  {mode === 'exam' && <th scope="col">Time used</th>}
                  {mode === 'exam' && <th scope="col">Ended</th>}
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.id}>
                    <td>{dateTime(a.startedAt)}</td>
                    <td class="num">{a.length}</td>
                    <td class="num">{a.score ? `${a.score.correct}/${a.score.total} (${pct(a.score.percent)})` : '—'}</td>
                    {mode === 'exam' && <td>{a.submittedAt === null ? '—' : duration(a.submittedAt - a.startedAt)}</td>}
                    {mode === 'exam' && <td>{a.closedBy === 'time' ? 'Time ran out' : 'Handed in'}</td>}
                    <td>
                      <a href={`/report/${a.id}`}>
                        Report<span class="visually-hidden"> for the {what} started {dateTime(a.startedAt)}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {attempts.length > RECENT && (
            <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Show the latest ${RECENT} only` : `Show all ${attempts.length} ${what}s`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Results by area over the recent finished attempts (GET /api/progress): bar = all of them, marker = the latest. */
function AreaProgress({ attempts, fw }: { attempts: AttemptSummary[]; fw: Framework | null }) {
  const chart = useModule(() => import('../../components/area-chart/index.tsx'));
  const [reports, setReports] = useState<Progress['attempts'] | null>(null);
  const ids = attempts.map((a) => a.id).join(',');
  useEffect(() => {
    let live = true;
    api.progress().then((p) => live && setReports(p.attempts), () => live && setReports([]));
    return () => {
      live = false;
    };
  }, [ids]);
  if (!reports || !chart || !fw) return <p class="muted">Loading the chart…</p>;

  const totals = new Map<number, { correct: number; total: number }>();
  for (const r of reports)
    for (const a of r.areas) {
      const t = totals.get(a.area) ?? { correct: 0, total: 0 };
      totals.set(a.area, { correct: t.correct + a.correct, total: t.total + a.total });
    }
  const latest = new Map((reports[0]?.areas ?? []).map((a) => [a.area, a]));
  const rows = fw.areas
    .filter((a) => totals.has(a.number))
    .map((a) => {
      const t = totals.get(a.number)!;
      const value = t.total ? (100 * t.correct) / t.total : 0;
      const last = latest.get(a.number);
      return {
        key: a.number,
        label: `${a.number}. ${a.name}`,
        fullLabel: `${a.number}. ${a.name}`,
        value,
        valueText: pct(value),
        marker: last ? last.percent : null,
        cells: [`${t.correct}/${t.total}`, pct(value), last ? pct(last.percent) : '—'],
      };
    });
  const weakest = [...rows].sort((a, b) => a.value - b.value)[0];
  return (
    <chart.AreaChart
      id="progress"
      title={`Percent correct by area over your last ${plural(reports.length, 'finished attempt')}`}
      description={`Each bar is the share of questions answered correctly in that area across the attempts; the marker shows the latest attempt. ${
        weakest ? `Weakest area: ${weakest.fullLabel} at ${weakest.valueText}.` : ''
      }`}
      rows={rows}
      markerLabel="latest attempt"
      columns={['Correct', 'All attempts', 'Latest']}
    />
  );
}
