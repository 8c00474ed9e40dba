// The study plan: today's spaced review, the suggested weak-area drill, days to the exam, the week's
// practice, readiness as a range, mastery by area (with codes) against self-ratings, and progress
// over time with exams and drills kept apart.
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { RangeChart } from '../../components/range-chart/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type History, type Mastery, type ReviewStatus } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import { currentUser } from '../../models/session.ts';
import css from './study.module.css';

const RATINGS = ['need help', 'shaky', 'getting there', 'solid', 'excel'];
const pct = (x: number) => Math.round(100 * x);
const DAY = 86_400_000;

export default function Study() {
  usePage('Study plan');
  const { route } = useLocation();
  const [mastery, setMastery] = useState<Mastery | null>(null);
  const [reviews, setReviews] = useState<ReviewStatus | null>(null);
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => setError(err instanceof ApiError ? err.message : 'Something went wrong; try again.');

  useEffect(() => {
    Promise.all([api.mastery(), api.reviews(), api.history()]).then(([m, r, h]) => {
      setMastery(m);
      setReviews(r);
      setHistory(h);
    }, fail);
  }, []);

  const start = async (make: () => Promise<{ attempt: { id: string } }>) => {
    setBusy(true);
    setError(null);
    try {
      const { attempt } = await make();
      route(`/exam/${attempt.id}`);
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const setExamDate = async (value: string) => {
    try {
      const examDate = value ? Date.parse(`${value}T00:00:00Z`) : null;
      const { user } = await api.updateMe({ examDate });
      currentUser.value = user;
      setReviews(await api.reviews());
    } catch (err) {
      fail(err);
    }
  };

  const rate = async (area: number, rating: number) => {
    try {
      setMastery(await api.rateSelf([{ area, rating }]));
    } catch (err) {
      fail(err);
    }
  };

  if (!mastery || !reviews || !history) {
    return (
      <>
        <h1>Study plan</h1>
        {error ? <p class="notice notice--bad">{error}</p> : <p aria-busy="true">Loading…</p>}
      </>
    );
  }
  const examDay = reviews.examDate ? new Date(reviews.examDate).toISOString().slice(0, 10) : '';
  const r = mastery.readiness;
  return (
    <>
      <h1>Study plan</h1>
      {error && <p class="notice notice--bad" role="alert">{error}</p>}

      <section aria-labelledby="today-title" class={css.today}>
        <h2 id="today-title">Today</h2>
        <div class="card">
          <h3 class={css.small}>Spaced review</h3>
          <p>
            {reviews.dueToday === 0
              ? `Nothing due today${reviews.nextDue ? `; next review ${dateTime(reviews.nextDue)}` : ''}.`
              : `${reviews.dueToday} question${reviews.dueToday === 1 ? '' : 's'} due for review.`}{' '}
            <span class="muted">({reviews.cards} in your review deck: missed questions and right guesses.)</span>
          </p>
          <button type="button" class="button" disabled={busy || reviews.dueToday === 0} onClick={() => start(api.startReview)}>
            Start today's review
          </button>
        </div>
        <div class="card">
          <h3 class={css.small}>Suggested drill</h3>
          <p>20 questions aimed at the areas furthest below 75% mastery, weighted by how much each counts on the exam; unseen questions first.</p>
          <button type="button" class="button button--secondary" disabled={busy} onClick={() => start(() => api.weakDrill({ length: 20 }))}>
            Drill my weak areas
          </button>
        </div>
        <div class="card">
          <h3 class={css.small}>Exam date</h3>
          <div class="field">
            <label for="exam-date">The day you sit the exam</label>
            <input id="exam-date" type="date" value={examDay} onChange={(e) => void setExamDate(e.currentTarget.value)} />
          </div>
          <p>
            {reviews.daysToExam === null ? 'Set it and reviews will be scheduled to land before it.' : `${reviews.daysToExam} day${reviews.daysToExam === 1 ? '' : 's'} to go; no review is scheduled for exam day or later.`}
          </p>
        </div>
        <div class="card">
          <h3 class={css.small}>This week</h3>
          <p>
            {history.week.answered} questions answered in {history.week.minutes} minutes of finished practice.
          </p>
        </div>
      </section>

      <section aria-labelledby="ready-title">
        <h2 id="ready-title">Readiness</h2>
        <p>
          On a fresh 100-question form weighted like the exam, you would most likely score between <strong>{Math.round(r.low)}%</strong> and{' '}
          <strong>{Math.round(r.high)}%</strong> (80% range; middle estimate {Math.round(r.expected)}%), based on {r.answered} answered questions.
        </p>
        <div class={css.readiness} aria-hidden="true">
          <span class={css.readinessRange} style={{ left: `${r.low}%`, width: `${Math.max(1, r.high - r.low)}%` }} />
          <span class={css.readinessMark} style={{ left: `${r.expected}%` }} />
        </div>
        <p class="hint">A practice estimate, not a pass or fail verdict and not on the CETL 0–800 scale.</p>
      </section>

      <section aria-labelledby="mastery-title">
        <h2 id="mastery-title">Mastery by area</h2>
        <RangeChart
          id="mastery-chart"
          title="Chance of answering a fresh question correctly, by area"
          description="Each area's estimate with its 80% interval; a dashed line marks the 75% target."
          target={75}
          rows={mastery.areas.map((a) => ({
            key: a.area, label: `${a.area}. ${a.name}`, value: pct(a.mean), low: pct(a.low), high: pct(a.high),
            cells: [String(a.answered), a.selfRating ? RATINGS[a.selfRating - 1] : '–'],
          }))}
          columns={['Answered', 'Your rating']}
        />
        {mastery.disagreements.length > 0 && (
          <div class="notice notice--warn">
            <p>Where your own rating and your results disagree most:</p>
            <ul>
              {mastery.disagreements.map((d) => (
                <li key={d.area}>
                  Area {d.area}: you said "{RATINGS[d.selfRating - 1]}", your results say "{RATINGS[d.measuredRating - 1]}".
                </li>
              ))}
            </ul>
          </div>
        )}
        <details>
          <summary>Rate yourself, and see every code</summary>
          {mastery.areas.map((a) => (
            <fieldset key={a.area} class={css.rating}>
              <legend>
                Area {a.area}. {a.name}
              </legend>
              <div class={css.scale}>
                {RATINGS.map((label, i) => (
                  <label key={label}>
                    <input type="radio" name={`rate-${a.area}`} checked={a.selfRating === i + 1} onChange={() => void rate(a.area, i + 1)} /> {i + 1} {label}
                  </label>
                ))}
              </div>
              <TableScroll label={`Codes of area ${a.area}`}>
                <table>
                  <caption class="visually-hidden">Codes of area {a.area} with their estimates</caption>
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      <th scope="col">Estimate</th>
                      <th scope="col">80% interval</th>
                      <th scope="col">Answered</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.codes.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">{c.code}</th>
                        <td>{pct(c.mean)}%</td>
                        <td>
                          {pct(c.low)}–{pct(c.high)}%
                        </td>
                        <td>{c.answered}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </fieldset>
          ))}
        </details>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Progress over time</h2>
        {(['exams', 'drills'] as const).map((kind) => (
          <div key={kind}>
            <h3 class={css.small}>{kind === 'exams' ? 'Simulations (exam mode)' : 'Drills and reviews (tutor mode)'}</h3>
            {history[kind].length === 0 ? (
              <p class="muted">None finished yet.</p>
            ) : (
              <TableScroll label={`${kind} by date`}>
                <table>
                  <caption class="visually-hidden">{kind === 'exams' ? 'Finished simulations' : 'Finished drills'} with their scores</caption>
                  <thead>
                    <tr>
                      <th scope="col">Finished</th>
                      <th scope="col">Questions</th>
                      <th scope="col">Score</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history[kind].slice(-12).reverse().map((a) => (
                      <tr key={a.id}>
                        <td>
                          <a href={`/report/${a.id}`}>{dateTime(a.submittedAt)}</a>
                        </td>
                        <td>{a.length}</td>
                        <td>{a.percent}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </div>
        ))}
        {history.trend.length > 1 && (
          <p class="hint">
            Area mastery moved from {Math.round(100 * avg(history.trend[0].areas))}% to {Math.round(100 * avg(history.trend[history.trend.length - 1].areas))}% on average over your
            last {history.trend.length} finished attempts ({Math.round((history.trend[history.trend.length - 1].at - history.trend[0].at) / DAY)} days).
          </p>
        )}
      </section>
    </>
  );
}

function avg(areas: { mean: number }[]) {
  return areas.reduce((s, a) => s + a.mean, 0) / areas.length;
}
