// A study group's page. Everyone: their drills, the group's results by area (members only once 3
// members contribute), the members, leaving. Coaches: the members × areas heatmap, one member's
// area by code, assigning drills and everyone's progress, CSV exports, essays to review.
// Owner: the invite code (new code, switch off), roles and removing members, renaming.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Group } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import { framework, loadFramework } from '../../models/framework.ts';
import { Drills } from './drills.tsx';
import { EssayQueue } from './essay-queue.tsx';
import { Invite, LeaveGroup, Members } from './members.tsx';
import { Results } from './results.tsx';
import css from './group.module.css';

const YOU_ARE = { owner: 'You are the owner (and a coach)', coach: 'You are a coach', member: 'You are a member' } as const;

export default function GroupPage({ id }: { id: string }) {
  const [group, setGroup] = useState<Group | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Study group — CETL Practice';
    void loadFramework().catch(() => undefined);
    setGroup(null);
    setError(null);
    api.group(id).then(setGroup, (err) => setError(err instanceof ApiError ? err.message : 'This group could not be loaded.'));
  }, [id]);

  if (error) return <GroupUnavailable message={error} />;
  if (!group) return <p aria-busy="true">Loading the group…</p>;
  return <Loaded key={group.id} initial={group} />;
}

export function GroupUnavailable({ message }: { message: string }) {
  usePage('Group not available');
  return (
    <>
      <h1>Group not available</h1>
      <p class="notice notice--bad">{message}</p>
      <p>
        <a href="/groups">Your groups</a>
      </p>
    </>
  );
}

function Loaded({ initial }: { initial: Group }) {
  const [group, setGroup] = useState(initial);
  usePage(group.name);
  const coach = group.role !== 'member';
  const fw = framework.value;
  return (
    <>
      <h1 class={css.title}>{group.name}</h1>
      <p class="muted">
        {YOU_ARE[group.role]} · {plural(group.members.length, 'member')} ·{' '}
        <a href="/groups">All your groups</a>
      </p>
      <nav aria-label="Meeting tools" class={css.tools}>
        <ul>
          <li>
            <a href={`/groups/${group.id}/misconceptions`}>Most-missed questions</a>
          </li>
          <li>
            <a href={`/groups/${group.id}/review`}>Review session for a meeting</a>
          </li>
        </ul>
      </nav>
      <details class={css.sharing}>
        <summary>What this group shares</summary>
        <p>{group.sharingNotice}</p>
      </details>

      <Drills group={group} fw={fw} />
      <Results group={group} fw={fw} />
      {coach && <EssayQueue groupId={group.id} />}
      {group.inviteCode !== null || group.role === 'owner' ? <Invite group={group} onChange={setGroup} /> : null}
      <Members group={group} onChange={setGroup} />
      {group.role !== 'owner' && <LeaveGroup group={group} />}
    </>
  );
}
