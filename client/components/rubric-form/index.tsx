// Scoring against the rubric: one radio group per criterion, each level with its descriptor in
// view, so a scorer reads what a level means before choosing it. Keyboard: arrows move within a group.
import { useState } from 'preact/hooks';
import type { Levels, Rubric } from '../../lib/api.ts';
import css from './rubric-form.module.css';

interface Props {
  rubric: Rubric;
  /** Prefix for element ids (several forms may share a page). */
  id: string;
  submitLabel: string;
  initial?: Levels;
  withComments?: boolean;
  onSubmit: (levels: Levels, comments: Record<string, string>) => Promise<void>;
}

export function RubricForm({ rubric, id, submitLabel, initial, withComments = false, onSubmit }: Props) {
  const [levels, setLevels] = useState<Levels>(initial ?? {});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = rubric.criteria.filter((c) => levels[c.id] === undefined);
  const nameOf = (level: number) => rubric.levels.find((l) => l.level === level)?.name ?? String(level);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (missing.length) {
      setError(`Choose a level for ${missing.map((c) => c.name).join(', ')}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(levels, Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim())));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={css.form} onSubmit={submit} noValidate>
      {rubric.criteria.map((c) => (
        <fieldset key={c.id} class={css.criterion}>
          <legend>
            <span class={css.name}>{c.name}</span>
            <span class={css.question}>{c.question}</span>
          </legend>
          <div class={css.levels}>
            {rubric.levels.map(({ level }) => (
              <label key={level} class={css.level}>
                <input type="radio" name={`${id}-${c.id}`} value={level} checked={levels[c.id] === level} onChange={() => setLevels({ ...levels, [c.id]: level })} />
                <span>
                  <strong>
                    {level} · {nameOf(level)}
                  </strong>
                  <span class={css.descriptor}>{c.descriptors[String(level) as '4']}</span>
                </span>
              </label>
            ))}
          </div>
          {withComments && (
            <div class="field">
              <label for={`${id}-${c.id}-comment`}>Comment on {c.name.toLowerCase()} (optional)</label>
              <textarea id={`${id}-${c.id}-comment`} rows={2} maxLength={2000} value={comments[c.id] ?? ''} onInput={(e) => setComments({ ...comments, [c.id]: e.currentTarget.value })} />
            </div>
          )}
        </fieldset>
      ))}
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
