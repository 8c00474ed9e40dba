import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { safeNext, usePage } from '../../lib/page.ts';
import { signIn } from '../../models/session.ts';

export default function SignIn() {
  usePage('Sign in');
  const { query, route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  /** Each refused submit moves focus to the summary again, even with the same message. */
  const [tries, setTries] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const found: typeof errors = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      route(safeNext(query.next));
    } catch (err) {
      setErrors({ form: err instanceof ApiError ? err.message : 'Sign-in failed; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const messages = [errors.form, errors.email, errors.password].filter((m): m is string => Boolean(m));
  return (
    <div class="narrow">
      <h1>Sign in</h1>
      {query.reset === 'done' && <p class="notice" role="status">Your password was changed and every session was signed out. Sign in with the new password.</p>}
      {query.deleted === '1' && <p class="notice" role="status">Your account and everything kept about you were deleted.</p>}
      {messages.length > 0 && (
        <ErrorSummary key={`${tries}:${messages.join()}`} title="Sign-in did not work" messages={messages} />
      )}
      <form onSubmit={submit} noValidate class="stack">
        <Field id="email" label="Email" type="email" autoComplete="email" value={email} onInput={setEmail} error={errors.email} required />
        <Field id="password" label="Password" type="password" autoComplete="current-password" value={password} onInput={setPassword} error={errors.password} required />
        <button class="button" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <a href="/forgot-password">Forgot your password?</a>
      </p>
      <p>
        New here? <a href={`/signup${query.next ? `?next=${encodeURIComponent(query.next)}` : ''}`}>Create an account</a>.
      </p>
    </div>
  );
}
