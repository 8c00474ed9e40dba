// Profile: display name and the time-accommodation multiplier (applies to attempts started later).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { multiplier as formatMultiplier } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import { currentUser, updateProfile } from '../../models/session.ts';
import { ChangePassword } from './change-password.tsx';
import { ChangeEmail } from './change-email.tsx';
import { DeleteAccount } from './delete-account.tsx';
import css from './profile.module.css';

const MULTIPLIERS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3];

export default function Profile() {
  usePage('Profile');
  const user = currentUser.value!;
  const [name, setName] = useState(user.name);
  const [mult, setMult] = useState(String(user.timeMultiplier));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const choices = MULTIPLIERS.includes(user.timeMultiplier) ? MULTIPLIERS : [...MULTIPLIERS, user.timeMultiplier].sort((a, b) => a - b);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    if (!name.trim()) return setError('Enter your name.');
    setError(null);
    setBusy(true);
    try {
      await updateProfile({ name: name.trim(), timeMultiplier: Number(mult) });
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Your profile could not be saved; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1>Profile</h1>
      {error && (
        <ErrorSummary key={error} title="Your profile was not saved" messages={[error]} />
      )}
      {saved && (
        <p class="notice" tabIndex={-1} ref={savedRef} data-testid="profile-saved">
          Saved. Time {formatMultiplier(user.timeMultiplier)} applies to the attempts you start from now on.
        </p>
      )}
      <form onSubmit={submit} class="stack" noValidate>
        <p class="muted">Signed in as {user.email}.</p>
        <Field id="name" label="Display name" autoComplete="name" value={name} onInput={setName} error={error === 'Enter your name.' ? error : null} />
        <div class="field">
          <label for="multiplier">Time accommodation</label>
          <p class="hint" id="multiplier-hint">
            If you have an approved accommodation for extended time, choose it here. Every timed attempt you start gets this much
            time, and the runner shows it.
          </p>
          <select id="multiplier" value={mult} aria-describedby="multiplier-hint" onChange={(e) => setMult(e.currentTarget.value)}>
            {choices.map((m) => (
              <option value={String(m)} key={m}>
                {m === 1 ? 'Standard time (×1)' : `${formatMultiplier(m)} time`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
      <ChangePassword />
      <ChangeEmail />
      <section aria-labelledby="export-heading" id="export" class={css.section}>
        <h2 id="export-heading">Download my data</h2>
        <p>
          One JSON file with everything kept about you: your profile (never your password), exams and drills with every answer, essays
          and their scores, self-ratings, review cards, group memberships and question reports.
        </p>
        <a class={`button button--secondary ${css.download}`} href="/api/me/export" download>
          Download my data
        </a>
      </section>
      <DeleteAccount />
    </div>
  );
}
