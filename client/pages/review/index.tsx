// Reviewing someone's essay through their link: first score an anchor answer blind and see how far
// you were from its reference levels (calibration), then read and score the essay once.
import { useEffect, useState } from 'preact/hooks';
import { MarkedText } from '../../components/marked-text/index.tsx';
import { RubricForm } from '../../components/rubric-form/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type Shared } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';

export default function ReviewPage({ token }: { token: string }) {
  usePage('Review an essay');
  const [shared, setShared] = useState<Shared | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.shared(token).then(setShared, (err) => setError(err instanceof ApiError ? err.message : 'This review could not be loaded.'));
  }, [token]);

  if (error) {
    return (
      <>
        <h1>Review not available</h1>
        <p class="notice notice--bad">{error}</p>
      </>
    );
  }
  if (!shared) return <p aria-busy="true">Loading…</p>;
  const { prompt, rubric, calibration } = shared;
  return (
    <>
      <h1>Review {shared.writer}'s answer</h1>
      <section class="card" aria-labelledby="prompt-title">
        <h2 id="prompt-title">{prompt.title}</h2>
        <p>{prompt.scenario}</p>
        <p>
          <strong>The task:</strong> {prompt.task} <span class="muted">(for {prompt.audienceName}, {prompt.words.min}–{prompt.words.max} words)</span>
        </p>
      </section>

      {calibration.needed ? (
        <section aria-labelledby="calibrate-title">
          <h2 id="calibrate-title">First, calibrate on a sample answer</h2>
          <p>
            Score this sample answer to the same prompt without help. You will then see how far your levels were from the reference levels;
            that distance is shown next to every score you give on this prompt.
          </p>
          <MarkedText text={calibration.anchorText!} spans={[]} label="Sample answer" />
          <RubricForm rubric={rubric} id="calibration" submitLabel="Score the sample" onSubmit={async (levels) => setShared(await api.calibrate(token, levels))} />
        </section>
      ) : (
        <>
          {calibration.reference && calibration.given && (
            <section aria-labelledby="gap-title">
              <h2 id="gap-title">Your calibration</h2>
              <p>
                On the sample answer you were <strong>{calibration.gap}</strong> levels away from the reference on average (0 is exact).
              </p>
              <TableScroll label="Your levels and the reference levels on the sample answer">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      <th scope="col">You</th>
                      <th scope="col">Reference</th>
                      <th scope="col">Why the reference level</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rubric.criteria.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.name}</th>
                        <td>{calibration.given![c.id]}</td>
                        <td>{calibration.reference![c.id]}</td>
                        <td>{calibration.why?.[c.id]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}
          <section aria-labelledby="essay-title">
            <h2 id="essay-title">The answer ({shared.essay!.words} words)</h2>
            <MarkedText text={shared.essay!.text} spans={[]} label={`${shared.writer}'s answer`} />
            {shared.myScore ? (
              <p class="notice" role="status">
                Thank you — your score (total {shared.myScore.total}) was sent to {shared.writer}.
              </p>
            ) : (
              <>
                <h2>Your score</h2>
                <RubricForm rubric={rubric} id="peer" submitLabel="Send my score" withComments onSubmit={async (levels, comments) => setShared(await api.scoreShared(token, levels, comments))} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
