// The report: overall, by category, by area (bars, with the blueprint weights), by code, and every
// item with the candidate's choice, the key and all rationales. The list filters by area, code,
// outcome (wrong, unanswered, right) and flag, with the filters in the URL query. Printing gives a
// summary (compact tables and the missed questions' keys, at most 3 pages for 100 items) or, on
// request, every shown question with its rationales.
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { AreaChart } from '../../components/area-chart/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type Framework, type QuestionReport, type Report, type ReportItem } from '../../lib/api.ts';
import { dateTime, duration, multiplier, pct, plural } from '../../lib/format.ts';
import { clearQueue, pendingAnswers, type QueuedAnswer } from '../../lib/offline-queue.ts';
import { usePage } from '../../lib/page.ts';
import { areaName, areaOf, categoryName, codeSummary, framework as frameworkSignal, loadFramework } from '../../models/framework.ts';
import css from './report.module.css';
import { NextSteps } from './next-steps.tsx';
import { ReportQuestion } from './report-question.tsx';


export default function ReportPage() {
  const { params } = useRoute();
  const id = params.id;
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [unsaved, setUnsaved] = useState<QueuedAnswer[]>(() => pendingAnswers(id));
  // The candidate's earlier question reports, with any reply (a failure here only hides them).
  const [reports, setReports] = useState<QuestionReport[]>([]);
  const [printMode, setPrintMode] = useState<PrintMode>(() => (new URLSearchParams(location.search).get('print') === 'rationales' ? 'rationales' : 'summary'));
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
    <article class={css.report} data-print={printMode}>
      <header class={css.head}>
        <h1>Report</h1>
        <p class={css.kind}>
          {report.mode === 'tutor' ? 'Tutor session' : 'Practice exam'} ·{' '}
          {report.status === 'open' ? 'still open (answered questions so far)' : report.closedBy === 'time' ? 'closed when time ran out' : 'handed in'}
        </p>
        <p class={css.kind}>
          {plural(report.length, 'question')} · started {dateTime(report.startedAt)}
          {report.submittedAt !== null && <> · closed {dateTime(report.submittedAt)}</>}
          {report.deadline !== null && <> · time allowed {duration(report.deadline - report.startedAt)} ({multiplier(report.timeMultiplier)})</>}
          {report.submittedAt !== null && <> · time taken {duration(report.submittedAt - report.startedAt)}</>}
        </p>
        <p class="notice">{report.notice}</p>
        <PrintChoice
          mode={printMode}
          onChange={(mode) => {
            setPrintMode(mode);
            setQuery({ print: mode === 'summary' ? null : mode });
          }}
        />
        <div class="row no-print">
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

      <div class={css.printTables}>
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

        <section aria-labelledby="area-title" class={css.areas}>
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

        <section aria-labelledby="code-title" class={css.codes}>
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
      </div>

      <PrintMissed items={report.items} />
      <ItemReview items={report.items} attemptId={report.attemptId} reports={reports} fw={fw} />
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
      <p class={`muted ${css.focusNote}`}>Areas where you missed most, weighted by how much of the exam they cover.</p>
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

// ---- Filters, kept in the URL query so a reload or a shared link shows the same list ----------------

type Outcome = 'all' | 'wrong' | 'unanswered' | 'right';
type PrintMode = 'summary' | 'rationales';
interface Filters {
  area: number | null;
  code: string | null;
  outcome: Outcome;
  flagged: boolean;
}
const NO_FILTERS: Filters = { area: null, code: null, outcome: 'all', flagged: false };
const OUTCOMES: [Outcome, string][] = [
  ['all', 'All'],
  ['wrong', 'Wrong'],
  ['unanswered', 'Unanswered'],
  ['right', 'Right'],
];

const outcomeOf = (i: ReportItem): Exclude<Outcome, 'all'> => (i.correct ? 'right' : i.choice === null ? 'unanswered' : 'wrong');

/** The filters named in the query, each kept only if it can match this report's items. */
function readFilters(query: URLSearchParams, items: ReportItem[]): Filters {
  const area = Number(query.get('area'));
  const code = query.get('code');
  const outcome = query.get('outcome');
  const f: Filters = {
    area: items.some((i) => i.area === area) ? area : null,
    code: code && items.some((i) => i.code === code) ? code : null,
    outcome: OUTCOMES.some(([o]) => o === outcome) ? (outcome as Outcome) : 'all',
    flagged: query.get('flagged') === '1',
  };
  if (f.code && f.area !== null && !items.some((i) => i.code === f.code && i.area === f.area)) f.code = null;
  return f;
}

/** Replaces the given query parameters in the address (no new history entry); null removes one. */
function setQuery(changes: Record<string, string | null>): void {
  const query = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) query.delete(k);
    else query.set(k, v);
  }
  const search = query.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
}

function writeFilters(f: Filters): void {
  setQuery({
    area: f.area === null ? null : String(f.area),
    code: f.code,
    outcome: f.outcome === 'all' ? null : f.outcome,
    flagged: f.flagged ? '1' : null,
  });
}

const byAreaThenCode = (a: { area: number; code: string }, b: { area: number; code: string }) => a.area - b.area || a.code.localeCompare(b.code);

function ItemReview({ items, attemptId, reports, fw }: { items: ReportItem[]; attemptId: string; reports: QuestionReport[]; fw: Framework | null }) {
  const [filters, setFilters] = useState<Filters>(() => readFilters(new URLSearchParams(location.search), items));
  const update = (change: Partial<Filters>) => {
    const next = { ...filters, ...change };
    // A code outside the chosen area would show nothing: choosing an area lets go of such a code.
    if (next.code && next.area !== null && !items.some((i) => i.code === next.code && i.area === next.area)) next.code = null;
    setFilters(next);
    writeFilters(next);
  };

  const areas = [...new Set(items.map((i) => i.area))].sort((a, b) => a - b);
  const inArea = filters.area === null ? items : items.filter((i) => i.area === filters.area);
  const codes = [...new Map(inArea.map((i) => [i.code, { area: i.area, code: i.code }])).values()].sort(byAreaThenCode);
  const scope = filters.code === null ? inArea : inArea.filter((i) => i.code === filters.code);
  const count = (o: Outcome) => (o === 'all' ? scope.length : scope.filter((i) => outcomeOf(i) === o).length);
  const shown = scope.filter((i) => (filters.outcome === 'all' || outcomeOf(i) === filters.outcome) && (!filters.flagged || i.flagged));
  const active = filters.area !== null || filters.code !== null || filters.outcome !== 'all' || filters.flagged;
  const described = [
    filters.outcome !== 'all' && filters.outcome,
    filters.flagged && 'flagged',
    filters.area !== null && `area ${filters.area}`,
    filters.code !== null && `skill code ${filters.code}`,
  ].filter(Boolean);

  return (
    <section aria-labelledby="items-title" class={css.itemReview}>
      <h2 id="items-title">Every question, with the key and explanations</h2>
      <div class={`${css.filters} no-print`} data-testid="item-filters">
        <div class={css.selects}>
          <div class="field">
            <label for="filter-area">Area</label>
            <select id="filter-area" value={filters.area ?? ''} onChange={(e) => update({ area: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}>
              <option value="">All areas ({items.length})</option>
              {areas.map((a) => (
                <option key={a} value={a}>
                  {a}. {areaName(fw, a)} ({items.filter((i) => i.area === a).length})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-code">Skill code</label>
            <select id="filter-code" value={filters.code ?? ''} onChange={(e) => update({ code: e.currentTarget.value || null })}>
              <option value="">{filters.area === null ? 'All codes' : `All codes in area ${filters.area}`}</option>
              {codes.map(({ code }) => (
                <option key={code} value={code}>
                  {code}
                  {codeSummary(fw, code) && ` · ${codeSummary(fw, code)}`} ({inArea.filter((i) => i.code === code).length})
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset class={css.outcomes}>
          <legend>Outcome</legend>
          <div class="row">
            {OUTCOMES.map(([value, label]) => (
              <label class="choice" key={value}>
                <input type="radio" name="item-filter" value={value} checked={filters.outcome === value} onChange={() => update({ outcome: value })} />
                <span>
                  {label} ({count(value)})
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="row">
          <label class="choice">
            <input type="checkbox" name="flagged" checked={filters.flagged} onChange={(e) => update({ flagged: e.currentTarget.checked })} />
            <span>Only questions I flagged ({scope.filter((i) => i.flagged).length})</span>
          </label>
          <button type="button" class="button--secondary" onClick={() => update(NO_FILTERS)}>
            Show every question
          </button>
        </div>
      </div>
      <div class={css.itemList}>
        <p role="status" class={css.count} data-testid="item-count">
          Showing {shown.length} of {plural(items.length, 'question')}
          {active && described.length > 0 && <span class={css.printOnly}> ({described.join(', ')})</span>}.
        </p>
        {shown.length === 0 && <p class="muted">No question matches these filters.</p>}
        <ol class={css.items}>
          {shown.map((item) => (
            <ItemCard key={item.slot} item={item} attemptId={attemptId} earlier={reports.filter((r) => r.itemId === item.itemId)} />
          ))}
        </ol>
      </div>
    </section>
  );
}

function ItemCard({ item, attemptId, earlier }: { item: ReportItem; attemptId: string; earlier: QuestionReport[] }) {
  const outcome = outcomeOf(item);
  return (
    <li class={`card ${css.item}`} data-testid="report-item" data-outcome={outcome}>
      <h3 class={css.itemTitle}>
        Question {item.slot}{' '}
        <span class={outcome === 'right' ? css.right : css.wrong}>{outcome === 'right' ? '· correct' : outcome === 'unanswered' ? '· not answered' : '· wrong'}</span>
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
      <ReportQuestion attemptId={attemptId} itemId={item.itemId} slot={item.slot} earlier={earlier} />
    </li>
  );
}

// ---- Printing ----------------------------------------------------------------------------------------

/** The print choice: a summary (results and the missed questions' keys) or every shown question with its rationales. */
function PrintChoice({ mode, onChange }: { mode: PrintMode; onChange: (m: PrintMode) => void }) {
  // Open at first when the address asks for rationales; after that the candidate opens and closes it.
  const [openAtFirst] = useState(mode !== 'summary');
  return (
    <details class={`${css.printChoice} no-print`} open={openAtFirst}>
      <summary>Print this report</summary>
      <fieldset>
        <legend>What to print</legend>
        <label class="choice">
          <input type="radio" name="print-mode" value="summary" checked={mode === 'summary'} onChange={() => onChange('summary')} />
          <span>
            <strong>Summary</strong>: results by category, area and code, and each missed question with its key (about 3 pages)
          </span>
        </label>
        <label class="choice">
          <input type="radio" name="print-mode" value="rationales" checked={mode === 'rationales'} onChange={() => onChange('rationales')} />
          <span>
            <strong>Print with rationales</strong>: the results, then every question the filters below show, with all its explanations (many pages)
          </span>
        </label>
        <button type="button" class="button--secondary" onClick={() => print()}>
          {mode === 'summary' ? 'Print the summary' : 'Print with rationales'}
        </button>
      </fieldset>
    </details>
  );
}

/** Print only (summary mode): each missed question on a line or two, its stem and its key. */
function PrintMissed({ items }: { items: ReportItem[] }) {
  const missed = items.filter((i) => !i.correct);
  return (
    <section class={css.printMissed} aria-labelledby="missed-print-title">
      <h2 id="missed-print-title">
        Missed questions: {missed.length} of {items.length}, with their keys
      </h2>
      {missed.length === 0 ? (
        <p>None: every question was answered correctly.</p>
      ) : (
        <ol class={css.missedList}>
          {missed.map((i) => {
            const key = i.options.find((o) => o.key === i.answer);
            return (
              <li key={i.slot} class={css.missedRow}>
                <span class={css.missedNo}>
                  {i.slot}. {i.code}
                </span>
                <span class={css.missedStem}>{i.stem}</span>
                <span class={css.missedYou}>{i.choice === null ? 'blank' : `you: ${i.choice}`}</span>
                <span class={css.missedKey}>
                  <strong>Key {i.answer}.</strong> {key?.text}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
