// Estimates with their 80% intervals, one row per area: a dot for the estimate and a line for the
// interval, in hand-made SVG with a title and description; the same numbers follow in a table.
import { useWidth } from '../../lib/use-width.ts';
import { TableScroll } from '../table-scroll/index.tsx';
import css from './range-chart.module.css';

export interface RangeRow {
  key: string | number;
  label: string;
  /** 0–100. */
  value: number;
  low: number;
  high: number;
  /** Extra table cells, in the order of `columns`. */
  cells: string[];
}

interface Props {
  id: string;
  title: string;
  description: string;
  rows: RangeRow[];
  columns: string[];
  /** A reference line (e.g. the target mastery), 0–100. */
  target?: number;
}

const ROW = 40;
const LABEL_W = 150;

export function RangeChart({ id, title, description, rows, columns, target }: Props) {
  const [box, width] = useWidth<HTMLDivElement>(640, 260);
  const narrow = width < 480;
  const left = narrow ? 0 : LABEL_W;
  const track = width - left - 8;
  const x = (v: number) => left + (track * Math.min(100, Math.max(0, v))) / 100;
  const rowH = narrow ? ROW + 16 : ROW;
  const height = rows.length * rowH + 24;
  return (
    <figure class={css.figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class={css.caption}>
        {title}
      </figcaption>
      <div ref={box} class={css.box}>
        <svg width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} class={css.svg}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {[0, 25, 50, 75, 100].map((g) => (
            <g key={g}>
              <line x1={x(g)} x2={x(g)} y1={0} y2={height - 18} class={css.grid} />
              <text x={x(g)} y={height - 4} class={css.tick} text-anchor={g === 0 ? 'start' : g === 100 ? 'end' : 'middle'}>
                {g}%
              </text>
            </g>
          ))}
          {target !== undefined && <line x1={x(target)} x2={x(target)} y1={0} y2={height - 18} class={css.target} />}
          {rows.map((r, i) => {
            const y = i * rowH + (narrow ? 30 : ROW / 2);
            return (
              <g key={r.key}>
                <text x={0} y={narrow ? y - 14 : y + 4} class={css.label}>
                  {r.label}
                </text>
                <line x1={x(r.low)} x2={x(r.high)} y1={y} y2={y} class={css.range} />
                <line x1={x(r.low)} x2={x(r.low)} y1={y - 6} y2={y + 6} class={css.range} />
                <line x1={x(r.high)} x2={x(r.high)} y1={y - 6} y2={y + 6} class={css.range} />
                <circle cx={x(r.value)} cy={y} r={6} class={css.dot} />
              </g>
            );
          })}
        </svg>
      </div>
      <p class={css.legend}>
        Dot: the estimate. Line: 80% interval (wide when there is little evidence).{target !== undefined ? ` Dashed line: the ${target}% target.` : ''}
      </p>
      <TableScroll label={`${title} as a table`}>
        <table class={css.table}>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Estimate</th>
              <th scope="col">80% interval</th>
              {columns.map((c) => <th key={c} scope="col">{c}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{Math.round(r.value)}%</td>
                <td>
                  {Math.round(r.low)}–{Math.round(r.high)}%
                </td>
                {r.cells.map((c, i) => <td key={i}>{c}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
