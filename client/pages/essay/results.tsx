// After hand-in: the automated first reading (an estimate) with the writer's own sentences marked as
// evidence, the self-score with the rubric in view, then the exemplar and key points, every
// reader's levels side by side, review links, print and plain-text export.
import { useState } from 'preact/hooks';
import { MarkedText, type Span } from '../../components/marked-text/index.tsx';
import { RubricForm } from '../../components/rubric-form/index.tsx';
import { ScoresTable } from '../../components/scores-table/index.tsx';
import { api, ApiError, type Essay, type Score } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import type { EssayModel } from '../../models/essay-sync.ts';
import css from './essay.module.css';
import { SendToGroup } from './send-to-group.tsx';

const SOURCE_LABEL: Record<Score['source'], string> = { auto: 'Estimate', self: 'You', self_revised: 'You, after the exemplar', peer: 'Peer', coach: 'Coach' };

export function Results({ model }: { model: EssayModel }) {
  const essay = model.essay.value;
  usePage(`Your answer: ${essay.prompt.title}`);
  const reading = essay.reading;
  const rubric = essay.rubric!;
  const [shown, setShown] = useState<string>('understanding');
  const [error, setError] = useState<string | null>(null);
  const update = (next: Essay) => {
    model.essay.value = next;
  };
  const selfScores = essay.scores.filter((s) => s.source === 'self' || s.source === 'self_revised');
  const nameOf = (id: string) => rubric.criteria.find((c) => c.id === id)?.name ?? id;
  const shownSpans: Span[] = reading?.criteria.find((c) => c.criterion === shown)?.evidence ?? [];

  return (
    <>
      <h1>Your answer: {essay.prompt.title}</h1>
      <p class="muted">
        Handed in {essay.submittedAt ? dateTime(essay.submittedAt) : ''} · {essay.words} words · for {essay.prompt.audienceName}
      </p>
      {essay.closedBy === 'time' && (
        <p class="notice notice--warn" role="status">
          Time expired — your last saved text was handed in.
        </p>
      )}
      {error && <p class="notice notice--bad" role="alert">{error}</p>}

      <section aria-labelledby="reading-title">
        <h2 id="reading-title">Automated first reading <span class={css.tag}>estimate</span></h2>
        {!reading || reading.empty ? (
          <p>There is nothing to read: no text was handed in.</p>
        ) : (
          <>
            <p class="hint">
              A computer's first look at signals a reader can check. It cannot judge whether what you say about law or practice is right, so it
              suggests no level for accuracy; the levels it does suggest agree with trained scoring only roughly (see README).
            </p>
            <ul class={css.readings}>
              {rubric.criteria.map((c) => {
                const r = reading.criteria.find((x) => x.criterion === c.id);
                return (
                  <li key={c.id} class="card">
                    <h3 class={css.small}>{c.name}</h3>
                    {r ? (
                      <>
                        <p>
                          {r.level !== null ? (
                            <strong>Suggested level {r.level}</strong>
                          ) : (
                            <strong>No suggestion: automated reading of this criterion is not reliable enough</strong>
                          )}
                        </p>
                        <p>{r.basis}</p>
                        {r.evidence.length > 0 && (
                          <button type="button" class="link-button" aria-pressed={shown === c.id} onClick={() => setShown(c.id)}>
                            Mark the sentences this rests on
                          </button>
                        )}
                      </>
                    ) : (
                      <p>
                        <strong>Not read automatically.</strong> Only a person can judge this; score it yourself and ask a peer.
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            <details>
              <summary>Signals in detail</summary>
              <ul>
                <li>
                  Key points made: {reading.keyPoints.filter((k) => k.covered).length} of {reading.keyPoints.length}
                  <ul>
                    {reading.keyPoints.map((k) => (
                      <li key={k.id}>
                        {k.covered ? 'Made' : 'Not found'}: {k.point}
                      </li>
                    ))}
                  </ul>
                </li>
                <li>
                  Reading grade {reading.grade ?? 'not measured (too short)'}; for {essay.prompt.audienceName} aim for {reading.targetGrade} or below.
                </li>
                <li>
                  Terms used before they are explained: {reading.jargon.length === 0 ? 'none' : reading.jargon.map((j) => `${j.term} (${j.means})`).join('; ')}
                </li>
                <li>
                  {reading.words} words (range {reading.range.min}–{reading.range.max}); {reading.paragraphs} paragraphs;{' '}
                  {reading.opening.states ? 'opens with a recommendation' : 'the opening does not state a recommendation'}.
                </li>
              </ul>
            </details>
          </>
        )}
        <h3 class={css.small} id="text-title">
          Your text {reading && !reading.empty && <span class="muted">— marked: evidence for {nameOf(shown).toLowerCase()}</span>}
        </h3>
        <MarkedText text={essay.text} spans={shownSpans} label="Your text with evidence marked" />
      </section>

      <section aria-labelledby="self-title">
        <h2 id="self-title">Score yourself</h2>
        {selfScores.length === 0 ? (
          <>
            <p>Score each criterion with its descriptors in view. The exemplar and the key points appear once you have.</p>
            <RubricForm rubric={rubric} id="self" submitLabel="Save my score" onSubmit={async (levels, comments) => update(await api.scoreEssay(essay.id, levels, comments))} />
          </>
        ) : (
          <p>Your score is saved{selfScores.length === 2 ? ', and your revised score too' : ''}.</p>
        )}
      </section>

      {essay.exemplar && (
        <section aria-labelledby="exemplar-title">
          <h2 id="exemplar-title">What a strong answer covers</h2>
          <ol>
            {essay.exemplar.keyPoints.map((k) => <li key={k.id}>{k.point}</li>)}
          </ol>
          <h3 class={css.small}>An exemplar answer</h3>
          <MarkedText text={essay.exemplar.text} spans={[]} label="Exemplar answer" />
          {selfScores.length === 1 && (
            <>
              <h3 class={css.small}>Score yourself again, now that you have read it</h3>
              <RubricForm rubric={rubric} id="revised" submitLabel="Save my revised score" initial={selfScores[0].levels} onSubmit={async (levels, comments) => update(await api.scoreEssay(essay.id, levels, comments))} />
            </>
          )}
        </section>
      )}

      {essay.scores.length > 0 && (
        <section aria-labelledby="scores-title">
          <h2 id="scores-title">All scores side by side</h2>
          <ScoresTable rubric={rubric} scores={essay.scores} you={(s) => s.source === 'self' || s.source === 'self_revised'} />
        </section>
      )}
      <Sharing essay={essay} onChange={update} onError={setError} />
      <SendToGroup essayId={essay.id} />
      <p class={css.noPrint}>
        <button type="button" class="button button--secondary" onClick={() => print()}>
          Print
        </button>{' '}
        <button type="button" class="button button--secondary" onClick={() => download(essay)}>
          Download as plain text
        </button>
      </p>
    </>
  );
}

function Sharing({ essay, onChange, onError }: { essay: Essay; onChange: (e: Essay) => void; onError: (m: string | null) => void }) {
  const [link, setLink] = useState<string | null>(null);
  const live = essay.shares.filter((s) => s.revokedAt === null);
  const create = async () => {
    try {
      const share = await api.shareEssay(essay.id);
      setLink(new URL(share.path, location.origin).href);
      onChange(await api.essay(essay.id));
    } catch (err) {
      onError(err instanceof ApiError ? err.message : 'The link could not be made.');
    }
  };
  const revoke = async (shareId: number) => {
    try {
      await api.revokeShare(essay.id, shareId);
      onChange(await api.essay(essay.id));
      setLink(null);
    } catch (err) {
      onError(err instanceof ApiError ? err.message : 'The link could not be switched off.');
    }
  };
  return (
    <section aria-labelledby="share-title" class={css.noPrint}>
      <h2 id="share-title">Ask for a review</h2>
      <p>Anyone signed in who has the link can read this answer and score it once, after scoring a sample answer to calibrate.</p>
      <button type="button" class="button button--secondary" onClick={() => void create()}>
        Make a review link
      </button>
      {link && (
        <p class="field">
          <label for="share-link">Review link (shown once; copy it now)</label>
          <input id="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      {live.length > 0 && (
        <ul>
          {live.map((s) => (
            <li key={s.id}>
              Link made {dateTime(s.createdAt)}{' '}
              <button type="button" class="link-button" onClick={() => void revoke(s.id)}>
                Switch off this link
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function download(essay: Essay) {
  const rubric = essay.rubric!;
  const lines = [
    essay.prompt.title,
    `For ${essay.prompt.audienceName}; handed in ${essay.submittedAt ? dateTime(essay.submittedAt) : ''}; ${essay.words} words`,
    '',
    essay.text,
    '',
    'Scores (4 Highly Effective … 1 Ineffective)',
    ...essay.scores.map((s) => `${SOURCE_LABEL[s.source]}${s.reader && s.source.startsWith('peer') ? ` (${s.reader})` : ''}: ` +
      rubric.criteria.map((c) => `${c.name} ${s.levels[c.id] ?? '–'}`).join('; ')),
  ];
  const url = URL.createObjectURL(new Blob([lines.join('\n')], { type: 'text/plain;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `essay-${essay.prompt.id}.txt` });
  a.click();
  URL.revokeObjectURL(url);
}
