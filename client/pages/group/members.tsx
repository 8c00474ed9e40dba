// Membership: the invite code and link (owner: new code, switch joining off or on, rename), the
// members with their roles (owner: make coach / make member / remove), and leaving the group.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type Group, type GroupMember } from '../../lib/api.ts';
import { day, ROLE_LABEL } from '../../lib/format.ts';
import css from './group.module.css';

const message = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

export function Invite({ group, onChange }: { group: Group; onChange: (g: Group) => void }) {
  const owner = group.role === 'owner';
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = group.inviteCode ? `${location.origin}/join/${group.inviteCode}` : null;

  const setInvite = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.setInvite(group.id, enabled);
      onChange(next);
      setStatus(enabled ? `New invite code: ${next.inviteCode}. The old code no longer works.` : 'Joining is switched off. The old code no longer works.');
    } catch (err) {
      setError(message(err, 'The invite could not be changed; try again.'));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus('The invite link is copied.');
    } catch {
      const input = document.getElementById('invite-link') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setStatus('The link is selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">Invite people</h2>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {group.inviteCode ? (
        <>
          <p>
            Invite code: <strong class={css.code} data-testid="invite-code">{group.inviteCode}</strong>
          </p>
          <div class={`field ${css.linkField}`}>
            <label for="invite-link">Invite link</label>
            <p class="hint" id="invite-link-hint">
              Anyone signed in who has the code or the link can join{owner ? ' until you make a new code or switch joining off' : ''}.
            </p>
            <div class="row">
              <input id="invite-link" type="text" readOnly value={link!} aria-describedby="invite-link-hint" onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="button button--secondary" onClick={() => void copy()}>
                Copy link
              </button>
            </div>
          </div>
        </>
      ) : (
        <p>Joining is switched off: nobody can join this group until the owner switches it on again.</p>
      )}
      <p role="status" class={css.status}>
        {status}
      </p>
      {owner && (
        <div class="row">
          {group.inviteCode ? (
            <>
              <button type="button" class="button button--secondary" disabled={busy} onClick={() => void setInvite(true)}>
                Make a new code
              </button>
              <button type="button" class="button button--secondary" disabled={busy} onClick={() => void setInvite(false)}>
                Switch off joining
              </button>
            </>
          ) : (
            <button type="button" class="button" disabled={busy} onClick={() => void setInvite(true)}>
              Switch joining on (with a new code)
            </button>
          )}
        </div>
      )}
      {owner && <Rename group={group} onChange={onChange} />}
    </section>
  );
}

function Rename({ group, onChange }: { group: Group; onChange: (g: Group) => void }) {
  const [name, setName] = useState(group.name);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [tries, setTries] = useState(0);
  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    setDone(false);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) return setError('Enter a name of 1 to 100 characters.');
    setError(null);
    try {
      onChange(await api.renameGroup(group.id, trimmed));
      setDone(true);
    } catch (err) {
      setError(message(err, 'The group could not be renamed; try again.'));
    }
  };
  return (
    <details class={css.rename}>
      <summary>Rename the group</summary>
      {error && <ErrorSummary key={`${tries}:${error}`} title="The group was not renamed" messages={[error]} />}
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="rename" label="Group name" value={name} onInput={setName} error={error} required />
        <button type="submit" class="button button--secondary">
          Rename
        </button>
        {done && <p role="status">The group is renamed.</p>}
      </form>
    </details>
  );
}

export function Members({ group, onChange }: { group: Group; onChange: (g: Group) => void }) {
  const owner = group.role === 'owner';
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<Group>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await work());
      setStatus(done);
      setConfirming(null);
    } catch (err) {
      setError(message(err, 'That did not work; try again.'));
    } finally {
      setBusy(false);
    }
  };
  const setRole = (m: GroupMember, role: 'coach' | 'member') =>
    act(() => api.setMemberRole(group.id, m.userId, role), role === 'coach' ? `${m.name} is now a coach.` : `${m.name} is now a member.`);
  const remove = (m: GroupMember) =>
    act(async () => {
      await api.removeMember(group.id, m.userId);
      return api.group(group.id);
    }, `${m.name} was removed from the group.`);

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <p role="status" class={css.status}>
        {status}
      </p>
      <TableScroll label="Members">
        <table>
          <caption class="visually-hidden">Members of {group.name}, with their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              {owner && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {group.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{ROLE_LABEL[m.role]}</td>
                <td>{day(m.joinedAt)}</td>
                {owner && (
                  <td>
                    {m.role === 'owner' ? (
                      <span class="muted">You (owner)</span>
                    ) : confirming === m.userId ? (
                      <div class="row">
                        <span>Remove {m.name}? Coaches then stop seeing their results.</span>
                        <button type="button" class="button button--danger" disabled={busy} onClick={() => void remove(m)} autoFocus>
                          Yes, remove<span class="visually-hidden"> {m.name}</span>
                        </button>
                        <button type="button" class="button--secondary" onClick={() => setConfirming(null)}>
                          Keep<span class="visually-hidden"> {m.name}</span>
                        </button>
                      </div>
                    ) : (
                      <div class="row">
                        <button type="button" class="button--secondary" disabled={busy} onClick={() => void setRole(m, m.role === 'coach' ? 'member' : 'coach')}>
                          {m.role === 'coach' ? 'Make member' : 'Make coach'}
                          <span class="visually-hidden">: {m.name}</span>
                        </button>
                        <button type="button" class="button--secondary" disabled={busy} onClick={() => setConfirming(m.userId)}>
                          Remove<span class="visually-hidden"> {m.name}</span>
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export function LeaveGroup({ group }: { group: Group }) {
  const { route } = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const leave = async () => {
    try {
      await api.leaveGroup(group.id);
      route('/groups');
    } catch (err) {
      setError(message(err, 'You could not leave the group; try again.'));
    }
  };
  return (
    <section aria-labelledby="leave-title">
      <h2 id="leave-title">Leave the group</h2>
      <p>When you leave, the coaches stop seeing your results and the drills of this group leave your dashboard.</p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        {confirming ? (
          <>
            <button type="button" class="button button--danger" autoFocus onClick={() => void leave()}>
              Yes, leave {group.name}
            </button>
            <button type="button" class="button--secondary" onClick={() => setConfirming(false)}>
              Stay
            </button>
          </>
        ) : (
          <button type="button" class="button--secondary" onClick={() => setConfirming(true)}>
            Leave group
          </button>
        )}
      </div>
    </section>
  );
}
