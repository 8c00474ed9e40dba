// The report: overall, by category, by area (bars, with the blueprint weights), by code, and every
// item with the candidate's choice, the key and all rationales; filterable; printable.
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { AreaChart } from '../../components/area-chart/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type Framework, type QuestionReport, type Report, type ReportItem } from '../../lib/api.ts';
import { dateTime, multiplier, pct, plural, spokenDuration } from '../../lib/format.ts';
import { clearQueue, pendingAnswers, type QueuedAnswer } from '../../lib/offline-queue.ts';
import { usePage } from '../../lib/page.ts';
import { areaName, areaOf, categoryName, codeSummary, framework as frameworkSignal, loadFramework } from '../../models/framework.ts';
import css from './report.module.css';
import { NextSteps } from './next-steps.tsx';
import { ReportQuestion } from './report-question.tsx';

type Filter = 'all' | 'missed' | 'flagged';

export default function ReportPage() {
  const { params } = useRoute();
  const id = params.id;
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [unsaved, setUnsaved] = useState<QueuedAnswer[]>(() => pendingAnswers(id));
  // The candidate's earlier question reports, with any reply (a failure here only hides them).
  const [reports, setReports] = useState<QuestionReport[]>([]);
  usePage(report ? 'Report' : 'Loading report', { focusHeading: report !== null || error !== null });

  useEffect(() => {
    void loadFramework().catch(() => undefined);
    api.report(id).then(setReport, (err) => setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', 'The report could not be loaded.')));
    api.myReports().then(({ reports }) => setReports(reports), () => undefined);
  }, [id]);

  if (error) {
    return (
      <div class="narrow">
        <h1>Report not available</h1>
        <p class="notice notice--warn">{error.message}</p>
        {error.code === 'attempt_open' && (
          <p>
            <a class="button" href={`/exam/${id}`}>
              Continue the exam
            </a>
          </p>
        )}
        <p>
          <a href="/">Back to the dashboard</a>
        </p>
      </div>
    );
  }
  if (!report) return <p class="muted">Loading the report…</p>;
  const fw = frameworkSignal.value;
  const { score } = report;

  return (
    <article class={css.report}>
      <header class={css.head}>
        <h1>Report</h1>
        <p class={css.kind}>
          {report.mode === 'tutor' ? 'Tutor session' : 'Practice exam'} ·{' '}
          {report.status === 'open' ? 'still open (answered questions so far)' : report.closedBy === 'time' ? 'closed when time ran out' : 'handed in'}
        </p>
        <p class={css.kind}>
          {plural(report.length, 'question')} · started {dateTime(report.startedAt)}
          {report.submittedAt !== null && <> · closed {dateTime(report.submittedAt)}</>}
          {report.deadline !== null && <> · time allowed {spokenDuration(report.deadline - report.startedAt)} ({multiplier(report.timeMultiplier)})</>}
        </p>
        <p class="notice">{report.notice}</p>
        <div class="row no-print">
          <button type="button" class="button--secondary" onClick={() => print()}>
            Print this report
          </button>
          {report.status === 'open' && (
            <a class="button" href={`/exam/${id}`}>
              Continue the session
            </a>
          )}
          <a href="/">Back to the dashboard</a>
        </div>
      </header>

      {unsaved.length > 0 && (
        <div class="notice notice--bad" data-testid="unsaved">
          <h2 class={css.inlineTitle}>Answers that did not reach the server</h2>
          <p>
            These choices were made on this device but the attempt closed before they could be saved, so they are not in the score:{' '}
            {unsaved.map((u) => `question ${u.slot} (${u.choice ?? 'cleared'})`).join(', ')}.
          </p>
          <button
            type="button"
            class="button--secondary no-print"
            onClick={() => {
              clearQueue(id);
              setUnsaved([]);
            }}
          >
            I have noted them; remove from this device
          </button>
        </div>
      )}

      <section aria-labelledby="overall-title" class="card">
        <h2 id="overall-title" class={css.sectionTitle}>
          Overall
        </h2>
        <p class={css.score}>
          <strong>{score.correct}</strong> of {score.total} correct <span class={css.percent}>({pct(score.percent)})</span>
        </p>
        <Focus report={report} fw={fw} />
        <NextSteps report={report} />
      </section>

      <section aria-labelledby="category-title">
        <h2 id="category-title">By category</h2>
        <TableScroll label="Results by category">
          <table>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" class="num">
                  Blueprint weight
                </th>
                <th scope="col" class="num">
                  Correct
                </th>
                <th scope="col" class="num">
                  Percent
                </th>
              </tr>
            </thead>
            <tbody>
              {report.categories.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.id}. {categoryName(fw, c.id)}
                  </th>
                  <td class="num">{fw ? pct(fw.categories.find((x) => x.id === c.id)?.weight ?? 0) : '—'}</td>
                  <td class="num">
                    {c.correct}/{c.total}
                  </td>
                  <td class="num">{pct(c.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="area-title">
        <h2 id="area-title">By area</h2>
        <AreaChart
          id="areas"
          title="Percent correct by area, with each area's blueprint weight"
          description={report.areas
            .map((a) => `Area ${a.area}, ${areaName(fw, a.area)}: ${a.correct} of ${a.total} correct (${pct(a.percent)}); blueprint weight ${areaOf(fw, a.area)?.weight ?? '?'}%.`)
            .join(' ')}
          rows={report.areas.map((a) => {
            const weight = areaOf(fw, a.area)?.weight;
            return {
              key: a.area,
              label: `${a.area}. ${areaName(fw, a.area)} · ${plural(a.total, 'question')} · weight ${weight ?? '?'}%`,
              fullLabel: `${a.area}. ${areaName(fw, a.area)}`,
              value: a.percent,
              valueText: pct(a.percent),
              cells: [weight === undefined ? '—' : `${weight}%`, String(a.total), `${a.correct}/${a.total}`, pct(a.percent)],
            };
          })}
          columns={['Blueprint weight', 'Questions', 'Correct', 'Percent']}
        />
      </section>

      <section aria-labelledby="code-title">
        <h2 id="code-title">By skill code</h2>
        <TableScroll label="Results by skill code">
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Skill</th>
                <th scope="col" class="num">
                  Correct
                </th>
              </tr>
            </thead>
            <tbody>
              {report.codes.map((c) => (
                <tr key={c.code} class={c.correct < c.total ? css.weakRow : undefined}>
                  <th scope="row">{c.code}</th>
                  <td>{codeSummary(fw, c.code)}</td>
                  <td class="num">
                    {c.correct}/{c.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <ItemReview items={report.items} attemptId={report.attemptId} reports={reports} />
    </article>
  );
}

/** Where the missed questions cost most: misses weighted by the area's share of the real exam. */
function Focus({ report, fw }: { report: Report; fw: Framework | null }) {
  if (!fw) return null;
  const ranked = report.areas
    .filter((a) => a.correct < a.total)
    .map((a) => ({ ...a, weight: areaOf(fw, a.area)?.weight ?? 0, gap: (100 - a.percent) * (areaOf(fw, a.area)?.weight ?? 0) }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 3);
  if (ranked.length === 0) return <p>Every question answered correctly.</p>;
  return (
    <>
      <h3>Where to focus next</h3>
      <p class="muted">Areas where you missed most, weighted by how much of the exam they cover.</p>
      <ol>
        {ranked.map((a) => (
          <li key={a.area}>
            Area {a.area}, {areaName(fw, a.area)}: {a.correct} of {a.total} correct ({pct(a.percent)}); {a.weight}% of the exam.
          </li>
        ))}
      </ol>
    </>
  );
}

function ItemReview({ items, attemptId, reports }: { items: ReportItem[]; attemptId: string; reports: QuestionReport[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const missed = items.filter((i) => !i.correct);
  const flagged = items.filter((i) => i.flagged);
  const shown = filter === 'missed' ? missed : filter === 'flagged' ? flagged : items;
  const options: [Filter, string, number][] = [
    ['all', 'All', items.length],
    ['missed', 'Missed', missed.length],
    ['flagged', 'Flagged', flagged.length],
  ];
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Every question, with the key and explanations</h2>
      <fieldset class={`${css.filter} no-print`}>
        <legend>Show</legend>
        <div class="row">
          {options.map(([value, label, n]) => (
            <label class="choice" key={value}>
              <input type="radio" name="item-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              <span>
                {label} ({n})
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p class="muted" data-testid="item-count">
        Showing {plural(shown.length, 'question')}.
      </p>
      <ol class={css.items}>
        {shown.map((item) => (
          <li key={item.slot} class={`card ${css.item}`} data-testid="report-item">
            <h3 class={css.itemTitle}>
              Question {item.slot}{' '}
              <span class={item.correct ? css.right : css.wrong}>
                {item.correct ? '· correct' : item.choice === null ? '· not answered' : '· missed'}
              </span>
              {item.flagged && <span class={css.flag}> · flagged</span>}
            </h3>
            <p class="muted">
              Area {item.area} · skill code {item.code} · item {item.itemId}
            </p>
            <p class={css.stem}>{item.stem}</p>
            <ul class={css.options}>
              {item.options.map((o) => {
                const isKey = o.key === item.answer;
                const isChoice = o.key === item.choice;
                return (
                  <li key={o.key} class={`${css.option} ${isKey ? css.key : ''} ${isChoice && !isKey ? css.chosenWrong : ''}`}>
                    <p class={css.optionHead}>
                      <strong>{o.key}.</strong> {o.text}
                      {isKey && <strong class={css.badge}> Best answer</strong>}
                      {isChoice && <strong class={css.badge}> Your answer</strong>}
                    </p>
                    <p class={css.rationale}>{item.rationale[o.key]}</p>
                  </li>
                );
              })}
            </ul>
            <ReportQuestion attemptId={attemptId} itemId={item.itemId} slot={item.slot} earlier={reports.filter((r) => r.itemId === item.itemId)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
