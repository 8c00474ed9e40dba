// Horizontal bars in hand-made SVG: one per area, 0–100 %, with an optional marker per row.
// The SVG has a title and a description; the same numbers are in a table right after it.
import { useWidth } from '../../lib/use-width.ts';
import { TableScroll } from '../table-scroll/index.tsx';
import css from './area-chart.module.css';

export interface BarRow {
  key: string | number;
  /** Short label drawn above the bar (trimmed to fit); the table carries the full text. */
  label: string;
  /** Full label for the table. */
  fullLabel: string;
  /** 0–100. */
  value: number;
  valueText: string;
  /** Optional reference mark, 0–100 (e.g. the latest attempt). */
  marker?: number | null;
  /** Extra table cells, in the order of `columns`. */
  cells: string[];
}

interface Props {
  id: string;
  title: string;
  description: string;
  rows: BarRow[];
  markerLabel?: string;
  /** Table headers after the label column. */
  columns: string[];
}

const ROW = 46;
const LABEL = 18;
const BAR = 16;
const VALUE_W = 48;
const FONT_PX = 7.4; // rough width of one 13px character, to trim labels to the width

export function AreaChart({ id, title, description, rows, markerLabel, columns }: Props) {
  const [box, width] = useWidth<HTMLDivElement>(640, 240);

  const track = width - VALUE_W - 4;
  const height = rows.length * ROW + 4;
  const maxChars = Math.floor(width / FONT_PX);
  const trim = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);

  return (
    <figure class={css.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class={css.caption}>
        {title}
      </figcaption>
      <div ref={box} class={css.box}>
        <svg width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} class={css.svg}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {rows.map((r, i) => {
            const y = i * ROW;
            const w = Math.max(0, Math.min(100, r.value)) * (track / 100);
            const mx = r.marker === null || r.marker === undefined ? null : Math.max(0, Math.min(100, r.marker)) * (track / 100);
            return (
              <g key={r.key}>
                <text x={0} y={y + 13} class={css.label}>
                  {trim(r.label)}
                </text>
                <rect x={0} y={y + LABEL} width={track} height={BAR} rx={3} class={css.track} />
                <rect x={0} y={y + LABEL} width={w} height={BAR} rx={3} class={css.bar} />
                {[25, 50, 75].map((t) => (
                  <line key={t} x1={(t * track) / 100} x2={(t * track) / 100} y1={y + LABEL} y2={y + LABEL + BAR} class={css.grid} />
                ))}
                {mx !== null && (
                  <path d={`M${mx - 1} ${y + LABEL - 2} h3 v${BAR + 4} h-3 z M${mx + 0.5} ${y + LABEL + BAR + 1} l5 6 h-10 z`} class={css.marker} />
                )}
                <text x={track + 6} y={y + LABEL + 13} class={css.value}>
                  {r.valueText}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      {markerLabel && (
        <p class={css.legend}>
          <span class={css.legendBar} aria-hidden="true" /> all answers counted ·{' '}
          <svg width="12" height="14" aria-hidden="true" class={css.legendMarker}>
            <path d="M4.5 0 h3 v8 h-3 z M6 8 l5 6 h-10 z" />
          </svg>{' '}
          {markerLabel}
        </p>
      )}
      <TableScroll label={`${title} (table)`}>
        <table class={css.table}>
          <caption class="visually-hidden">{title} (table)</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {columns.map((c) => (
                <th scope="col" class="num" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.fullLabel}</th>
                {r.cells.map((c, i) => (
                  <td class="num" key={i}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

export default AreaChart;
