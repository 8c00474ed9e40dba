// Study groups: the groups I belong to (with my role), create a group, and join one by invite code
// (the group's name, owner, size and what joining shares are shown before the Join button).
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { CODE_PATTERN, InvitePreviewCard, normaliseCode } from '../../components/invite-preview/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type GroupSummary } from '../../lib/api.ts';
import { ROLE_LABEL } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import css from './groups.module.css';

export default function Groups() {
  usePage('Study groups');
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.groups().then(
      (r) => setGroups(r.groups),
      (err) => setError(err instanceof ApiError ? err.message : 'Your groups could not be loaded.'),
    );
  }, []);

  return (
    <>
      <h1>Study groups</h1>
      <p class="muted">
        Practise with others: a coach assigns drills and sees how each member does by area; members see the group's totals once at least 3 of
        them have results.
      </p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Your groups</h2>
        {groups === null ? (
          !error && <p aria-busy="true">Loading…</p>
        ) : groups.length === 0 ? (
          <p class="muted">You are not in a group yet. Create one below, or join one with the invite code its owner gave you.</p>
        ) : (
          <TableScroll label="Your groups">
            <table>
              <caption class="visually-hidden">Your groups, with your role and the number of members</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Your role</th>
                  <th scope="col" class="num">
                    Members
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <a href={`/groups/${g.id}`}>{g.name}</a>
                    </th>
                    <td>{ROLE_LABEL[g.role]}</td>
                    <td class="num">{g.members}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <div class={css.forms}>
        <CreateGroup />
        <JoinByCode />
      </div>
    </>
  );
}

function CreateGroup() {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [tries, setTries] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const trimmed = name.trim();
    if (!trimmed) return setError('Enter a name for the group.');
    if (trimmed.length > 100) return setError('The name is too long: use at most 100 characters.');
    setError(null);
    setBusy(true);
    try {
      const group = await api.createGroup(trimmed);
      route(`/groups/${group.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The group could not be created; try again.');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-title" class="card">
      <h2 id="create-title">Create a group</h2>
      <p>You become its owner and coach. You get an invite code to give to the people you coach.</p>
      {error && <ErrorSummary key={`${tries}:${error}`} title="The group was not created" messages={[error]} />}
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="group-name" label="Group name" hint="For example: Tuesday CETL study group." value={name} onInput={setName} error={error && !name.trim() ? error : null} required />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create group'}
        </button>
      </form>
    </section>
  );
}

function JoinByCode() {
  const [text, setText] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tries, setTries] = useState(0);

  const submit = (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const normal = normaliseCode(text);
    if (!CODE_PATTERN.test(normal)) {
      setCode(null);
      return setError('Enter the 10-character invite code, for example ABCD234567 (letters and the digits 2–9).');
    }
    setError(null);
    setCode(normal);
  };

  return (
    <section aria-labelledby="join-title" class="card">
      <h2 id="join-title">Join a group</h2>
      <p>Enter the invite code the group's owner gave you. You will see the group and what joining shares before you join.</p>
      {error && <ErrorSummary key={`${tries}:${error}`} title="That is not an invite code" messages={[error]} />}
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="invite-code" label="Invite code" hint="10 characters; spaces and dashes are ignored." value={text} onInput={setText} error={error} autoComplete="off" required />
        <button type="submit" class="button button--secondary">
          Show the group
        </button>
      </form>
      {code && <InvitePreviewCard key={code} code={code} level={3} />}
    </section>
  );
}
