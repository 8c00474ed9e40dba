// A coach reads an essay a member sent to the group (the prompt, its key points, the text) and
// scores it once with the rubric, with comments; then sees their score beside the other readers'.
import { useEffect, useState } from 'preact/hooks';
import { MarkedText } from '../../components/marked-text/index.tsx';
import { RubricForm } from '../../components/rubric-form/index.tsx';
import { ScoresTable } from '../../components/scores-table/index.tsx';
import { api, ApiError, type CoachEssay } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';

export default function CoachEssayPage({ id, essayId }: { id: string; essayId: string }) {
  const [essay, setEssay] = useState<CoachEssay | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Review an essay — CETL Practice';
    api.coachEssay(id, essayId).then(setEssay, (err) => setError(err instanceof ApiError ? err.message : 'This essay could not be loaded.'));
  }, [id, essayId]);

  if (error) return <Unavailable groupId={id} message={error} />;
  if (!essay) return <p aria-busy="true">Loading the essay…</p>;
  return <Loaded groupId={id} essay={essay} onChange={setEssay} />;
}

function Unavailable({ groupId, message }: { groupId: string; message: string }) {
  usePage('Essay not available');
  return (
    <>
      <h1>Essay not available</h1>
      <p class="notice notice--bad">{message}</p>
      <p>
        <a href={`/groups/${groupId}`}>Back to the group</a>
      </p>
    </>
  );
}

function Loaded({ groupId, essay, onChange }: { groupId: string; essay: CoachEssay; onChange: (e: CoachEssay) => void }) {
  usePage(`${essay.writer}'s answer: ${essay.prompt.title}`);
  const { prompt, rubric, myScore } = essay;
  return (
    <>
      <h1>
        {essay.writer}'s answer: {prompt.title}
      </h1>
      <p class="muted">
        {essay.submittedAt ? `Handed in ${dateTime(essay.submittedAt)} · ` : ''}
        {essay.words} words · for {prompt.audienceName} · <a href={`/groups/${groupId}`}>Back to the group</a>
      </p>

      <section class="card" aria-labelledby="prompt-title">
        <h2 id="prompt-title">The prompt</h2>
        <p>{prompt.scenario}</p>
        <p>
          <strong>The task:</strong> {prompt.task} <span class="muted">({prompt.words.min}–{prompt.words.max} words)</span>
        </p>
        <h3>What a strong answer covers</h3>
        <ol>
          {essay.keyPoints.map((k) => (
            <li key={k.id}>{k.point}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="text-title">
        <h2 id="text-title">The answer ({essay.words} words)</h2>
        <MarkedText text={essay.text} spans={[]} label={`${essay.writer}'s answer`} />
      </section>

      <section aria-labelledby="score-title">
        <h2 id="score-title">Your score</h2>
        {myScore ? (
          <>
            <p class="notice" role="status" data-testid="coach-score">
              Your score (total {myScore.total ?? '–'}) was saved on {dateTime(myScore.createdAt)}; {essay.writer} sees it with their essay.
            </p>
            <ScoresTable rubric={rubric} scores={essay.scores} you={(s) => s.id === myScore.id} />
          </>
        ) : (
          <>
            <p>Choose a level for each criterion with its descriptors in view; a comment on each helps the writer. You score each essay once.</p>
            <RubricForm
              rubric={rubric}
              id="coach"
              submitLabel="Save my score"
              withComments
              onSubmit={async (levels, comments) => onChange(await api.coachScore(groupId, essay.essayId, levels, comments))}
            />
          </>
        )}
      </section>
    </>
  );
}
