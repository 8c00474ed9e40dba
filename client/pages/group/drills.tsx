// Drills in a group: my own (Start / Continue), and for coaches a form to assign one and every
// assignee's progress (not started / started / finished with score; overdue said in words).
import { CodePicker, toggled } from '../../components/code-picker/index.tsx';
import { useEffect, useState } from 'preact/hooks';
import { DrillList, drillSummary, STATE_LABEL } from '../../components/drill-card/index.tsx';
import { ErrorSummary } from '../../components/form/index.tsx';
import { TableScroll } from '../../components/table-scroll/index.tsx';
import { api, ApiError, type CreateDrill, type Drill, type Framework, type Group } from '../../lib/api.ts';
import { dateTime, pct, plural } from '../../lib/format.ts';
import css from './group.module.css';

export function Drills({ group, fw }: { group: Group; fw: Framework | null }) {
  const [drills, setDrills] = useState<Drill[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const coach = group.role !== 'member';

  useEffect(() => {
    api.groupDrills(group.id).then(
      (r) => setDrills(r.drills),
      (err) => setError(err instanceof ApiError ? err.message : 'The drills could not be loaded.'),
    );
  }, [group.id, group.members.length]);

  const mine = drills?.filter((d) => d.mine !== null) ?? [];
  return (
    <section aria-labelledby="drills-title">
      <h2 id="drills-title">Drills</h2>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      {drills === null ? (
        !error && <p aria-busy="true">Loading the drills…</p>
      ) : (
        <>
          <h3 id="my-drills-title">Your drills</h3>
          {mine.length ? (
            <DrillList drills={mine} />
          ) : (
            <p class="muted">{coach ? 'No drill in this group is assigned to you.' : 'No drill is assigned to you in this group yet.'}</p>
          )}
          {coach && <CreateDrillForm group={group} fw={fw} onCreated={(d) => setDrills([d, ...drills])} />}
          {coach && <Progress drills={drills} />}
        </>
      )}
    </section>
  );
}

function Progress({ drills }: { drills: Drill[] }) {
  return (
    <section aria-labelledby="progress-title">
      <h3 id="progress-title">Progress on assigned drills</h3>
      {drills.length === 0 ? (
        <p class="muted">No drill has been assigned in this group yet.</p>
      ) : (
        drills.map((d) => {
          const progress = d.progress ?? [];
          const finished = progress.filter((p) => p.state === 'finished').length;
          const overdue = progress.filter((p) => p.overdue).length;
          return (
            <div key={d.id} class={css.drillProgress} data-testid="drill-progress">
              <h4 class={css.drillTitle}>{d.title}</h4>
              <p class={css.drillMeta}>
                {drillSummary(d)} · {d.dueAt !== null ? `due ${dateTime(d.dueAt)}` : 'no due date'} · {finished} of {progress.length} finished
                {overdue > 0 && (
                  <>
                    {' · '}
                    <strong class={css.overdue}>
                      <span aria-hidden="true">⚠ </span>
                      {overdue} overdue
                    </strong>
                  </>
                )}
              </p>
              <TableScroll label={`Progress on ${d.title}`}>
                <table>
                  <caption class="visually-hidden">Progress on the drill {d.title}, by member</caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Progress</th>
                      <th scope="col" class="num">
                        Score
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.map((p) => (
                      <tr key={p.userId} class={p.overdue ? css.overdueRow : undefined}>
                        <th scope="row">{p.name}</th>
                        <td>
                          {STATE_LABEL[p.state]}
                          {p.overdue && (
                            <strong class={css.overdue}>
                              {' '}
                              <span aria-hidden="true">⚠ </span>overdue
                            </strong>
                          )}
                        </td>
                        <td class="num">{p.score ? `${p.score.correct}/${p.score.total} (${pct(p.score.percent)})` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          );
        })
      )}
    </section>
  );
}

type Target = 'choose' | 'weakest' | 'missed';

function CreateDrillForm({ group, fw, onCreated }: { group: Group; fw: Framework | null; onCreated: (d: Drill) => void }) {
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<Target>('choose');
  const [areas, setAreas] = useState<number[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [length, setLength] = useState('10');
  const [mode, setMode] = useState<'exam' | 'tutor'>('tutor');
  const [minutes, setMinutes] = useState('');
  const [due, setDue] = useState('');
  const [who, setWho] = useState<'all' | 'chosen'>('all');
  const [assignees, setAssignees] = useState<number[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [tries, setTries] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);


  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    setDone(null);
    const found: string[] = [];
    const n = Number(length);
    const m = minutes.trim() === '' ? undefined : Number(minutes);
    if (!title.trim()) found.push('Title: enter a title the members will recognise.');
    if (title.trim().length > 120) found.push('Title: use at most 120 characters.');
    if (target === 'choose' && !areas.length && !codes.length) found.push('What to practise: tick at least one area or skill code, or choose the weakest areas or most-missed questions.');
    if (!Number.isInteger(n) || n < 1 || n > 200) found.push('Number of questions: enter a whole number from 1 to 200.');
    if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 600)) found.push('Minutes: enter a whole number from 1 to 600, or leave it empty.');
    const dueAt = due ? new Date(`${due}T23:59:59`).getTime() : undefined;
    if (due && (dueAt === undefined || Number.isNaN(dueAt))) found.push('Due date: enter a date, or leave it empty.');
    if (who === 'chosen' && !assignees.length) found.push('Who: tick at least one member, or assign it to the whole group.');
    setErrors(found);
    if (found.length) return;
    const body: CreateDrill = {
      title: title.trim(),
      length: n,
      mode,
      ...(m !== undefined && { minutes: m }),
      ...(dueAt !== undefined && { dueAt }),
      ...(target === 'choose' ? { ...(areas.length && { areas }), ...(codes.length && { codes }) } : { target }),
      ...(who === 'chosen' && { assignees }),
    };
    setBusy(true);
    try {
      const drill = await api.createDrill(group.id, body);
      onCreated(drill);
      setDone(`“${drill.title}” was assigned to ${who === 'all' ? 'the whole group' : plural(assignees.length, 'member')}.`);
      setTitle('');
    } catch (err) {
      setErrors([err instanceof ApiError ? err.message : 'The drill could not be assigned; try again.']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="assign-title" class="card">
      <h3 id="assign-title">Assign a drill</h3>
      {errors.length > 0 && <ErrorSummary key={`${tries}:${errors.join()}`} title="The drill was not assigned" messages={errors} />}
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <form onSubmit={submit} class="stack" noValidate>
        <div class="field">
          <label for="drill-title">Title</label>
          <input id="drill-title" type="text" maxLength={120} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <fieldset>
          <legend>What to practise</legend>
          <label class="choice">
            <input type="radio" name="drill-target" value="choose" checked={target === 'choose'} onChange={() => setTarget('choose')} />
            <span>Areas or skill codes I choose</span>
          </label>
          <label class="choice">
            <input type="radio" name="drill-target" value="weakest" checked={target === 'weakest'} onChange={() => setTarget('weakest')} />
            <span>The group's 3 weakest areas, as of now</span>
          </label>
          <label class="choice">
            <input type="radio" name="drill-target" value="missed" checked={target === 'missed'} onChange={() => setTarget('missed')} />
            <span>The questions the group has missed most, as of now (up to the number of questions below)</span>
          </label>
        </fieldset>
        {target === 'choose' && fw && (
          <fieldset>
            <legend>Areas</legend>
            <p class="hint">Tick areas, skill codes, or both.</p>
            <div class={css.checks}>
              {fw.areas.map((a) => (
                <label class="choice" key={a.number}>
                  <input type="checkbox" name="drill-areas" value={a.number} checked={areas.includes(a.number)} onChange={() => setAreas(toggled(areas, a.number))} />
                  <span>
                    {a.number}. {a.name} <span class="muted">({a.weight}%)</span>
                  </span>
                </label>
              ))}
            </div>
            <CodePicker fw={fw} codes={codes} onChange={setCodes} name="drill-codes" summary="Skill codes" />
          </fieldset>
        )}
        <div class={css.numbers}>
          <div class="field">
            <label for="drill-length">Number of questions</label>
            <p class="hint" id="drill-length-hint">
              1 to 200.
            </p>
            <input id="drill-length" type="number" inputMode="numeric" min={1} max={200} value={length} aria-describedby="drill-length-hint" onInput={(e) => setLength(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="drill-minutes">Minutes (optional)</label>
            <p class="hint" id="drill-minutes-hint">
              Empty: exam mode allows 1.2 minutes a question; tutor mode is untimed. Each member's time accommodation applies.
            </p>
            <input id="drill-minutes" type="number" inputMode="numeric" min={1} max={600} value={minutes} aria-describedby="drill-minutes-hint" onInput={(e) => setMinutes(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="drill-due">Due date (optional)</label>
            <p class="hint" id="drill-due-hint">
              Due at the end of that day.
            </p>
            <input id="drill-due" type="date" class={css.date} value={due} aria-describedby="drill-due-hint" onInput={(e) => setDue(e.currentTarget.value)} />
          </div>
        </div>
        <fieldset>
          <legend>Mode</legend>
          <label class="choice">
            <input type="radio" name="drill-mode" value="tutor" checked={mode === 'tutor'} onChange={() => setMode('tutor')} />
            <span>
              <strong>Tutor</strong>: the key and every explanation right after each answer.
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="drill-mode" value="exam" checked={mode === 'exam'} onChange={() => setMode('exam')} />
            <span>
              <strong>Exam</strong>: timed; keys and explanations after handing in.
            </span>
          </label>
        </fieldset>
        <fieldset>
          <legend>Who</legend>
          <label class="choice">
            <input type="radio" name="drill-who" value="all" checked={who === 'all'} onChange={() => setWho('all')} />
            <span>The whole group, including people who join later</span>
          </label>
          <label class="choice">
            <input type="radio" name="drill-who" value="chosen" checked={who === 'chosen'} onChange={() => setWho('chosen')} />
            <span>Chosen members</span>
          </label>
          {who === 'chosen' && (
            <fieldset class={css.codeGroup}>
              <legend>Members</legend>
              <div class={css.checks}>
                {group.members.map((m) => (
                  <label class="choice" key={m.userId}>
                    <input type="checkbox" name="drill-assignees" value={m.userId} checked={assignees.includes(m.userId)} onChange={() => setAssignees(toggled(assignees, m.userId))} />
                    <span>{m.name}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </fieldset>
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Assigning…' : 'Assign the drill'}
        </button>
      </form>
    </section>
  );
}
