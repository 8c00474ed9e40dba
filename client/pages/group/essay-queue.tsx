// Coaches: essays members sent to this group for review, waiting ones first, oldest first.
import { useEffect, useState } from 'preact/hooks';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type QueuedEssay } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';

export function EssayQueue({ groupId }: { groupId: string }) {
  const [essays, setEssays] = useState<QueuedEssay[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.essayQueue(groupId).then(
      (r) => setEssays(r.essays),
      (err) => setError(err instanceof ApiError ? err.message : 'The essays to review could not be loaded.'),
    );
  }, [groupId]);
  const waiting = essays?.filter((e) => !e.scored).length ?? 0;
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Essays to review</h2>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {essays === null ? (
        !error && <p aria-busy="true">Loading…</p>
      ) : essays.length === 0 ? (
        <p class="muted">No member has sent an essay to this group yet. Members send one from its results page.</p>
      ) : (
        <>
          <p>
            {waiting === 0 ? 'Every essay has a coach’s score.' : `${waiting} waiting for a coach’s score.`} Waiting essays come first, oldest first.
          </p>
          <TableScroll label="Essays to review">
            <table data-testid="essay-queue">
              <caption class="visually-hidden">Essays sent to this group: waiting ones first, then oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Essay</th>
                  <th scope="col">Writer</th>
                  <th scope="col" class="num">
                    Words
                  </th>
                  <th scope="col">Sent</th>
                  <th scope="col">Coach’s score</th>
                </tr>
              </thead>
              <tbody>
                {essays.map((e) => (
                  <tr key={e.essayId}>
                    <th scope="row">
                      <a href={`/groups/${groupId}/essays/${e.essayId}`}>
                        {e.title}
                        <span class="visually-hidden"> by {e.writer}</span>
                      </a>
                    </th>
                    <td>{e.writer}</td>
                    <td class="num">{e.words}</td>
                    <td>{dateTime(e.sentAt)}</td>
                    <td>{e.scored ? 'Scored' : <strong>Waiting</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
