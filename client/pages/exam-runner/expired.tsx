// The clock ran out while the runner was open: say so plainly (focus moves here, so it is read at
// once) and offer the report, instead of silently switching pages.
import { useEffect, useRef } from 'preact/hooks';
import { plural } from '../../lib/format.ts';
import type { AttemptModel } from '../../models/attempt.ts';
import css from './runner.module.css';

export function TimeExpired({ model, id }: { model: AttemptModel; id: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const unsaved = model.waiting.value;
  return (
    <section class={css.expired} aria-labelledby="expired-title" data-testid="time-expired">
      <h1 id="expired-title" ref={heading} tabIndex={-1}>
        Time expired — your answers were handed in
      </h1>
      <p>The clock ran out, so the exam was handed in with every answer the server had saved by then.</p>
      {unsaved > 0 && (
        <p class="notice notice--warn">
          {plural(unsaved, 'answer')} chosen after the server had closed the exam could not be saved; the report lists them.
        </p>
      )}
      <p>
        <a class="button" href={`/report/${id}`}>
          See your report
        </a>
      </p>
    </section>
  );
}
