// "Forgot your password?": asks for the address and sends a reset link. The answer is the same
// whether or not the address has an account (the server never says which).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';
import css from './forgot-password.module.css';

export default function ForgotPassword() {
  usePage('Reset your password');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return setError({ field: 'Enter your email address, like name@example.org.' });
    setError({});
    setBusy(true);
    try {
      setSent((await api.requestPasswordReset(address)).message);
    } catch (err) {
      setError({ form: err instanceof ApiError ? err.message : 'The link could not be sent; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const messages = [error.form, error.field].filter((m): m is string => Boolean(m));
  return (
    <div class="narrow">
      <h1>Reset your password</h1>
      {sent ? (
        <div class={css.sent} tabIndex={-1} ref={sentRef} data-testid="reset-sent">
          <p class="notice" role="status">{sent}</p>
          <p>Open the link in the mail to choose a new password. No mail? Check the address and ask again in a few minutes.</p>
          <p class="row">
            <a href="/signin">Back to sign in</a>
            <button type="button" class="link-button" onClick={() => setSent(null)}>
              Use another address
            </button>
          </p>
        </div>
      ) : (
        <>
          <p>Enter the email address of your account. We will send it a link to choose a new password; the link works once, for 30 minutes.</p>
          {messages.length > 0 && <ErrorSummary key={`${tries}:${messages.join()}`} title="The link was not sent" messages={messages} />}
          <form onSubmit={submit} noValidate class="stack">
            <Field id="email" label="Email" type="email" autoComplete="email" value={email} onInput={setEmail} error={error.field} required />
            <button class="button" type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send the link'}
            </button>
          </form>
          <p>
            Remembered it? <a href="/signin">Sign in</a>.
          </p>
        </>
      )}
    </div>
  );
}
