// /reset/:token — the link from the reset mail: choose a new password (the sign-up rule applies).
// Every session of the account ends; the person then signs in with the new password.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { PasswordStrength } from '../../components/password-strength/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';
import { loadSession } from '../../models/session.ts';
import { PASSWORD_MIN_LENGTH, passwordTooShort } from '../../../server/domain/account.ts';

export default function ResetPassword({ token }: { token: string }) {
  usePage('Choose a new password');
  const { route } = useLocation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string; deadLink?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    if (passwordTooShort(password)) return setError({ field: `Password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.` });
    setError({});
    setBusy(true);
    try {
      await api.resetPassword(decodeURIComponent(token ?? ''), password);
      // The server signed this account out everywhere; this page may have been one of them.
      await loadSession().catch(() => undefined);
      route('/signin?reset=done');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_token') setError({ form: err.message, deadLink: true });
      else if (err instanceof ApiError && err.status === 400) setError({ field: err.message });
      else setError({ form: err instanceof ApiError ? err.message : 'Your password was not changed; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const messages = [error.form, error.field].filter((m): m is string => Boolean(m));
  return (
    <div class="narrow">
      <h1>Choose a new password</h1>
      {messages.length > 0 && (
        <ErrorSummary key={`${tries}:${messages.join()}`} title="Your password was not changed" messages={messages}>
          {error.deadLink && (
            <p>
              <a href="/forgot-password">Ask for a new link</a>
            </p>
          )}
        </ErrorSummary>
      )}
      <p>Choosing a new password signs your account out on every device; then sign in with the new one.</p>
      <form onSubmit={submit} noValidate class="stack">
        <Field id="new-password" label="New password" type="password" autoComplete="new-password" value={password} onInput={setPassword}
          error={error.field} describedBy="new-password-strength" required />
        <PasswordStrength id="new-password-strength" password={password} />
        <button class="button" type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </div>
  );
}
