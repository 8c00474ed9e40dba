// The questions a group misses most: each with its stem, how many chose each option, the key, and
// the rationales of the most tempting wrong option and of the key.
import { TableScroll } from '../../components/table-scroll/index.tsx';
import type { Misconception } from '../../lib/api.ts';
import { pct, plural } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import { useMisconceptions } from './use-misconceptions.ts';
import css from './misconceptions.module.css';

export default function Misconceptions({ id }: { id: string }) {
  const { group, items, error } = useMisconceptions(id, 'The most-missed questions could not be loaded.');
  usePage(group ? `Most-missed questions: ${group.name}` : 'Most-missed questions');

  return (
    <>
      <h1>Most-missed questions</h1>
      {group && (
        <p class="muted">
          <a href={`/groups/${id}`}>{group.name}</a> · the last 120 days ·{' '}
          <a href={`/groups/${id}/review`}>Go through them in a review session</a>
        </p>
      )}
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        !error && <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p class="notice">
          No missed questions to show yet. A question appears here once members have missed it in finished practice, and only if you have
          answered it yourself in a finished attempt, so no key is shown before you have tried the question.
        </p>
      ) : (
        <>
          <p>
            {plural(items.length, 'question')}, the most missed first. For each: how many members' answers chose each option, the best answer, and
            why the most tempting wrong answer tempts.
          </p>
          <ol class={css.items}>
            {items.map((item, i) => (
              <MissedItem key={item.itemId} item={item} n={i + 1} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function MissedItem({ item, n }: { item: Misconception; n: number }) {
  const titleId = `missed-${n}`;
  return (
    <li class={`card ${css.item}`}>
      <h2 id={titleId} class={css.title}>
        Question {n}: {pct(item.percentWrong)} wrong
      </h2>
      <p class="muted">
        Area {item.area} · skill code {item.code} · {plural(item.answered, 'answer')}
        {item.blank > 0 && `, ${item.blank} left blank`}
      </p>
      <p class={css.stem}>{item.stem}</p>
      <TableScroll label={`Question ${n}: choices`}>
        <table>
          <caption class="visually-hidden">Question {n}: how many answers chose each option</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col" class="num">
                Chose it
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {item.options.map((o) => {
              const isKey = o.key === item.answer;
              const tempting = o.key === item.tempting;
              return (
                <tr key={o.key} class={isKey ? css.keyRow : tempting ? css.temptingRow : undefined}>
                  <th scope="row" class={css.option}>
                    <span class={css.letter}>{o.key}.</span> {o.text}
                  </th>
                  <td class="num">
                    {o.chosen}
                    <span class="visually-hidden"> of {item.answered}</span>
                  </td>
                  <td>{isKey ? <strong>✓ Best answer</strong> : tempting ? <strong>Most tempting wrong answer</strong> : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <dl class={css.rationales}>
        {item.tempting && (
          <>
            <dt>Why {item.tempting} tempts, and why it is wrong</dt>
            <dd>{item.rationale[item.tempting]}</dd>
          </>
        )}
        <dt>Why {item.answer} is the best answer</dt>
        <dd>{item.rationale[item.answer]}</dd>
      </dl>
    </li>
  );
}
