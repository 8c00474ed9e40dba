// The group's results by area against the blueprint weights (chart + table), its weakest areas,
// and for coaches the members × areas heatmap whose cells open one member's area by code.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, groupExportUrl, type Framework, type Group, type GroupResults, type MemberAreaResults } from '../../lib/api.ts';
import { pct, plural } from '../../lib/format.ts';
import { useModule } from '../../lib/use-module.ts';
import { areaName, codeSummary } from '../../models/framework.ts';
import css from './group.module.css';

const PERIODS: [number, string][] = [
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [120, 'Last 120 days (about a semester)'],
  [365, 'Last 365 days'],
];
const DEFAULT_DAYS = 120;
const MIN_CONTRIBUTORS = 3;

/** Shading bands of the heatmap; every cell also shows its figures, so nothing rests on colour. */
function band(percent: number): 'low' | 'mid' | 'high' {
  return percent < 50 ? 'low' : percent < 70 ? 'mid' : 'high';
}

export function Results({ group, fw }: { group: Group; fw: Framework | null }) {
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [results, setResults] = useState<GroupResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const coach = group.role !== 'member';

  useEffect(() => {
    let live = true;
    setError(null);
    api.groupResults(group.id, days).then(
      (r) => live && setResults(r),
      (err) => live && setError(err instanceof ApiError ? err.message : 'The results could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [group.id, days, group.members.length]);

  const periodName = PERIODS.find(([d]) => d === days)?.[1].toLowerCase() ?? `the last ${days} days`;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Results by area</h2>
      <div class={`field ${css.period}`}>
        <label for="period">Period</label>
        <select id="period" value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {PERIODS.map(([d, label]) => (
            <option key={d} value={d}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {!results ? (
        !error && <p aria-busy="true">Loading the results…</p>
      ) : (
        <>
          <p>
            {results.contributors === 0
              ? `No member has finished any practice in the ${periodName}.`
              : `${plural(results.contributors, 'member')} finished practice in the ${periodName}.`}
          </p>
          {!results.visible ? (
            <p class="notice" data-testid="results-hidden">
              Group figures appear once at least {MIN_CONTRIBUTORS} members have results in the period, so that nobody's own results can be
              picked out. So far {plural(results.contributors, 'member has', 'members have')} results.
            </p>
          ) : results.contributors > 0 ? (
            <GroupChart results={results} periodName={periodName} />
          ) : null}
          {coach && results.heatmap && <Heatmap group={group} results={results} fw={fw} periodName={periodName} />}
          {coach && (
            <section aria-labelledby="export-title">
              <h3 id="export-title">Export</h3>
              <p class="hint">Spreadsheet files (CSV) for the {periodName}, one row per member and area, or per answer.</p>
              <ul class={css.exports}>
                <li>
                  <a href={groupExportUrl(group.id, 'areas', days)} download>
                    Export results by area (CSV)
                  </a>
                </li>
                <li>
                  <a href={groupExportUrl(group.id, 'responses', days)} download>
                    Export every response (CSV)
                  </a>
                </li>
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

function GroupChart({ results, periodName }: { results: GroupResults; periodName: string }) {
  const chart = useModule(() => import('../../components/area-chart/index.tsx'));
  const names = new Map(results.areas.map((a) => [a.area, `${a.area}. ${a.name}`]));
  const weakest = results.weakest.map((n) => results.areas.find((a) => a.area === n)!).filter(Boolean);
  const rows = results.areas.map((a) => ({
    key: a.area,
    label: `${a.area}. ${a.name} (${a.weight}% of the exam)`,
    fullLabel: `${a.area}. ${a.name}`,
    value: a.total ? a.percent : 0,
    valueText: a.total ? pct(a.percent) : '—',
    marker: null,
    cells: [`${a.weight}%`, a.total ? `${a.correct}/${a.total}` : '0', a.total ? pct(a.percent) : '—'],
  }));
  const weakText = weakest.length
    ? `Weakest: ${weakest.map((a) => `${names.get(a.area)} at ${pct(a.percent)}`).join('; ')}.`
    : 'No area has answers yet.';
  return (
    <>
      <h3 id="weakest-title">Weakest areas</h3>
      {weakest.length ? (
        <ol class={css.weakest} aria-labelledby="weakest-title" data-testid="weakest">
          {weakest.map((a) => (
            <li key={a.area}>
              <strong>{names.get(a.area)}</strong>: {pct(a.percent)} correct ({a.correct} of {a.total}); {a.weight}% of the exam
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">No area has answers yet.</p>
      )}
      <p class="hint">Weakest first: the lowest share correct; on a tie, the area that weighs more on the exam.</p>
      {chart ? (
        <chart.AreaChart
          id="group-areas"
          title={`Group percent correct by area, ${periodName}`}
          description={`Each bar is the share of the group's answers that were correct in that area; each label gives the area's weight on the exam blueprint. ${weakText}`}
          rows={rows}
          columns={['Exam weight', 'Correct', 'Percent correct']}
        />
      ) : (
        <p class="muted">Loading the chart…</p>
      )}
    </>
  );
}

interface Selected {
  userId: number;
  area: number;
}

function Heatmap({ group, results, fw, periodName }: { group: Group; results: GroupResults; fw: Framework | null; periodName: string }) {
  const rows = results.heatmap!;
  const areas = rows[0]?.areas.map((a) => a.area) ?? fw?.areas.map((a) => a.number) ?? [];
  const [selected, setSelected] = useState<Selected | null>(null);
  const [detail, setDetail] = useState<MemberAreaResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The cell that opened the details: focus returns to it when they close. */
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setDetail(null);
    setError(null);
    api.memberAreaResults(group.id, selected.userId, selected.area, results.days).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        requestAnimationFrame(() => heading.current?.focus());
      },
      (err) => live && setError(err instanceof ApiError ? err.message : "This member's results could not be loaded."),
    );
    return () => {
      live = false;
    };
  }, [selected?.userId, selected?.area, results.days]);

  return (
    <section aria-labelledby="heatmap-title" class={css.heatmapSection}>
      <h3 id="heatmap-title">Members by area</h3>
      <p class="hint">
        Each cell gives the member's percent correct and how many they answered correctly of how many. Choose a cell to see that member's
        results in the area by skill code.
      </p>
      <p class={css.legend} aria-hidden="true">
        Shading: <span class={`${css.swatch} ${css.low}`}>under 50%</span> <span class={`${css.swatch} ${css.mid}`}>50–69%</span>{' '}
        <span class={`${css.swatch} ${css.high}`}>70% or more</span> <span class={css.swatch}>– no answers</span>
      </p>
      <TableScroll label="Members by area">
        <table class={css.heatmap} data-testid="heatmap">
          <caption>Percent correct by member and area, {periodName}</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              {areas.map((n) => (
                <th scope="col" key={n} class={css.areaHead}>
                  Area {n}
                  <span class="visually-hidden">: {areaName(fw, n)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.userId}>
                <th scope="row">{row.name}</th>
                {row.areas.map((c) => {
                  const isSelected = selected?.userId === row.userId && selected.area === c.area;
                  return (
                    <td key={c.area} class={`${css.cell} ${c.total ? css[band(c.percent)] : ''}`}>
                      {c.total === 0 ? (
                        <span class={css.empty}>
                          –<span class="visually-hidden">no answers</span>
                        </span>
                      ) : (
                        <button
                          type="button"
                          class={css.cellButton}
                          aria-current={isSelected ? 'true' : undefined}
                          onClick={(e) => {
                            opener.current = e.currentTarget;
                            setSelected({ userId: row.userId, area: c.area });
                          }}
                        >
                          <span class={css.cellPct}>{pct(c.percent)}</span>
                          <span class={css.cellCount} aria-hidden="true">
                            {c.correct}/{c.total}
                          </span>
                          <span class="visually-hidden">
                            , {c.correct} of {c.total} correct: {row.name} in area {c.area}. Show by skill code
                          </span>
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p class={`hint ${css.areaNames}`}>
        Areas: {areas.map((n, i) => `${i ? ' · ' : ''}${n} ${areaName(fw, n)}`)}
      </p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {selected && !detail && !error && <p aria-busy="true">Loading…</p>}
      {detail && (
        <section aria-labelledby="member-area-title" class="card" data-testid="member-area">
          <h4 id="member-area-title" tabIndex={-1} ref={heading} class={css.detailTitle}>
            {detail.name}: area {detail.area}, {areaName(fw, detail.area)}, by skill code
          </h4>
          <TableScroll label={`${detail.name} in area ${detail.area} by skill code`}>
            <table>
              <caption class="visually-hidden">
                {detail.name}'s answers in area {detail.area} by skill code, {periodName}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Skill code</th>
                  <th scope="col" class="num">
                    Correct
                  </th>
                  <th scope="col" class="num">
                    Answered
                  </th>
                  <th scope="col" class="num">
                    Percent
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.codes.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      <strong>{c.code}</strong> <span class={css.codeSummary}>{codeSummary(fw, c.code)}</span>
                    </th>
                    <td class="num">{c.correct}</td>
                    <td class="num">{c.total}</td>
                    <td class="num">{c.total ? pct(c.percent) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setSelected(null);
              setDetail(null);
              opener.current?.focus();
            }}
          >
            Close these details
          </button>
        </section>
      )}
    </section>
  );
}
