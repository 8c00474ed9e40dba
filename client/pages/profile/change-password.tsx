// Change password: the current one, then a new one under the same rule as sign-up.
import { useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { PasswordStrength } from '../../components/password-strength/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { currentUser } from '../../models/session.ts';

export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    setBusy(true);
    try {
      currentUser.value = (await api.changePassword({ currentPassword: current, newPassword: next })).user;
      setError(null);
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Your password could not be changed; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="password-heading" id="password">
      <h2 id="password-heading">Change password</h2>
      {currentUser.value?.passwordChangeRequired && (
        <p class="notice notice--warn">Your password is shorter than today's rule (at least 15 characters) or is a common one. Please choose a new one.</p>
      )}
      {error && <ErrorSummary key={error} title="Your password was not changed" messages={[error]} />}
      {done && <p class="notice" role="status">Password changed. Your other sessions were signed out.</p>}
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="current-password" label="Current password" type="password" autoComplete="current-password" value={current} onInput={setCurrent} />
        <Field id="new-password" label="New password" type="password" autoComplete="new-password" value={next} onInput={setNext} describedBy="new-password-strength" />
        <PasswordStrength id="new-password-strength" password={next} />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
