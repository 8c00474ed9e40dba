// "Send to my group's coaches": a handed-in essay goes to the review queue of one of my groups.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type GroupSummary } from '../../lib/api.ts';
import css from './essay.module.css';

export function SendToGroup({ essayId }: { essayId: string }) {
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [groupId, setGroupId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.groups().then(
      (r) => {
        setGroups(r.groups);
        setGroupId(r.groups[0]?.id ?? '');
      },
      (err) => setError(err instanceof ApiError ? err.message : 'Your groups could not be loaded.'),
    );
  }, []);

  const send = async (e: Event) => {
    e.preventDefault();
    const group = groups?.find((g) => g.id === groupId);
    if (!group) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const { sent } = await api.sendEssayToGroup(essayId, group.id);
      setStatus(sent ? `Sent to the coaches of ${group.name}. They will score it with the rubric; their score appears here.` : `You sent this answer to ${group.name} before; its coaches have it.`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The answer could not be sent; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="send-title" class={css.noPrint}>
      <h2 id="send-title">Send to my group's coaches</h2>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {groups === null ? (
        !error && <p aria-busy="true">Loading your groups…</p>
      ) : groups.length === 0 ? (
        <p>
          Join a <a href="/groups">study group</a> to send your answer to its coaches for a score.
        </p>
      ) : (
        <form onSubmit={send} class="stack" noValidate>
          <p>The group's coaches can read this answer and score it once, as long as you are a member.</p>
          <div class="field">
            <label for="send-group">Group</label>
            <select id="send-group" value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary" disabled={busy}>
            {busy ? 'Sending…' : "Send to my group's coaches"}
          </button>
        </form>
      )}
      <p role="status" data-testid="send-status">
        {status}
      </p>
    </section>
  );
}
