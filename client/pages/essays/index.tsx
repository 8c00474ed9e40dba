// Part II home: choose a scenario prompt (or one in your weakest area), timed or untimed, and your
// essays so far with the levels each reader gave, oldest criteria trend readable as a table.
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type EssaySummary, type PromptSummary } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import css from './essays.module.css';

const SOURCES: [string, string][] = [['auto', 'Estimate'], ['self', 'You'], ['self_revised', 'You, revised'], ['peer', 'Peer'], ['coach', 'Coach']];

export default function Essays() {
  usePage('Part II essays');
  const { route } = useLocation();
  const [prompts, setPrompts] = useState<PromptSummary[] | null>(null);
  const [essays, setEssays] = useState<EssaySummary[] | null>(null);
  const [mode, setMode] = useState<'timed' | 'practice'>('timed');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([api.prompts(), api.essays()]).then(
      ([p, e]) => {
        setPrompts(p.prompts);
        setEssays(e.essays);
      },
      (err) => setError(err instanceof ApiError ? err.message : 'Part II could not be loaded.'),
    );
  }, []);

  const start = async (body: { promptId?: string; pick?: 'weakest' }) => {
    setBusy(true);
    setError(null);
    try {
      const essay = await api.createEssay({ ...body, mode });
      route(`/essays/${essay.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The essay could not be started.');
      setBusy(false);
    }
  };

  const open = essays?.filter((e) => e.status === 'open') ?? [];
  const done = essays?.filter((e) => e.status === 'submitted') ?? [];
  return (
    <>
      <h1>Part II: scenario essays</h1>
      <p class="muted">
        Explain a technical decision to the people who must make or live with it. Your answer gets an automated first reading (an estimate),
        then your own score against the rubric, and scores from peers you invite. None of these is an official CETL score.
      </p>
      {error && <p class="notice notice--bad" role="alert">{error}</p>}

      {open.length > 0 && (
        <section aria-labelledby="open-title">
          <h2 id="open-title">Continue writing</h2>
          <ul class={css.list}>
            {open.map((e) => (
              <li key={e.id}>
                <a href={`/essays/${e.id}`}>{e.title}</a> <span class="muted">— {e.words} words so far{e.remainingMs !== null ? ', timed' : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="start-title">
        <h2 id="start-title">Write a new answer</h2>
        <fieldset class={css.mode}>
          <legend>How to write</legend>
          <label>
            <input type="radio" name="essay-mode" checked={mode === 'timed'} onChange={() => setMode('timed')} /> Timed, like the exam (the prompt's limit, with your time accommodation)
          </label>
          <label>
            <input type="radio" name="essay-mode" checked={mode === 'practice'} onChange={() => setMode('practice')} /> Untimed practice
          </label>
        </fieldset>
        <p>
          <button type="button" class="button" disabled={busy || !prompts} onClick={() => start({ pick: 'weakest' })}>
            A random prompt in my weakest area
          </button>
        </p>
        {prompts === null ? (
          <p aria-busy="true">Loading prompts…</p>
        ) : (
          <ul class={css.prompts}>
            {prompts.map((p) => (
              <li key={p.id} class="card">
                <h3 class={css.promptTitle}>{p.title}</h3>
                <p class="muted">
                  Area {p.area} · {p.codes.join(', ')} · for {p.audienceName} · {p.minutes} minutes · {p.words.min}–{p.words.max} words
                </p>
                <button type="button" class="button button--secondary" disabled={busy} onClick={() => start({ promptId: p.id })} aria-label={`Write: ${p.title}`}>
                  Write
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {done.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">Your essays</h2>
          <TableScroll label="Your essays with total levels by reader">
            <table>
              <caption class="visually-hidden">Handed-in essays with the total of criterion levels given by each kind of reader</caption>
              <thead>
                <tr>
                  <th scope="col">Handed in</th>
                  <th scope="col">Prompt</th>
                  {SOURCES.map(([, label]) => <th key={label} scope="col">{label}</th>)}
                </tr>
              </thead>
              <tbody>
                {done.map((e) => (
                  <tr key={e.id}>
                    <td>{e.submittedAt ? dateTime(e.submittedAt) : ''}</td>
                    <th scope="row">
                      <a href={`/essays/${e.id}`}>{e.title}</a>
                    </th>
                    {SOURCES.map(([source]) => {
                      const levels = e.levels[source];
                      const values = levels ? Object.values(levels) : [];
                      return <td key={source}>{values.length ? values.join(' · ') : '–'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p class="hint">Levels are listed criterion by criterion in rubric order (4 Highly Effective … 1 Ineffective).</p>
        </section>
      )}
    </>
  );
}
