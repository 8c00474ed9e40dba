// Every reader's levels side by side, criterion by criterion, with comments and each peer's or
// coach's calibration gap (the essay's writer and the group's coaches both read it).
import type { Rubric, Score } from '../../lib/api.ts';
import { TableScroll } from '../table-scroll/index.tsx';
import css from './scores-table.module.css';

const SOURCE_LABEL: Record<Score['source'], string> = { auto: 'Estimate', self: 'Writer', self_revised: 'Writer, revised', peer: 'Peer', coach: 'Coach' };

export function ScoresTable({ rubric, scores, you }: { rubric: Rubric; scores: Score[]; you: (s: Score) => boolean }) {
  if (scores.length === 0) return null;
  const label = (s: Score) => {
    if (you(s)) return s.source === 'self_revised' ? 'You, after the exemplar' : 'You';
    return `${SOURCE_LABEL[s.source]}${s.reader && (s.source === 'peer' || s.source === 'coach') ? `: ${s.reader}` : ''}`;
  };
  return (
    <TableScroll label="Scores by criterion and reader">
      <table class={css.scores}>
        <caption class="visually-hidden">Levels per criterion from each reader; 4 is Highly Effective, 1 Ineffective</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {scores.map((s) => (
              <th key={s.id} scope="col">
                {label(s)}
                {s.calibrationGap !== null && <span class={css.note}> (calibration gap {s.calibrationGap})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              {scores.map((s) => (
                <td key={s.id}>
                  {s.levels[c.id] ?? '–'}
                  {s.comments[c.id] && <span class={css.note}> — {s.comments[c.id]}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
