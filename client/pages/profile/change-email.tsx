// Change the sign-in address: a link goes to the new address, and the account's address changes
// only when that link is opened (within 24 hours). The password is asked for again.
import { useState } from 'preact/hooks';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { currentUser } from '../../models/session.ts';
import css from './profile.module.css';

export function ChangeEmail() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    setSent(null);
    const found: typeof errors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter the new address, like name@example.org.';
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      setSent((await api.changeEmail(email.trim(), password)).message);
      setEmail('');
      setPassword('');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') setErrors({ password: err.message });
      else if (err instanceof ApiError && (err.code === 'email_taken' || err.code === 'same_email')) setErrors({ email: err.message });
      else setErrors({ form: err instanceof ApiError ? err.message : 'The link was not sent; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const messages = [errors.form, errors.email, errors.password].filter((m): m is string => Boolean(m));
  return (
    <section aria-labelledby="email-heading" id="email" class={css.section}>
      <h2 id="email-heading">Change email address</h2>
      <p>
        You sign in with <strong>{currentUser.value?.email}</strong>. We send a link to the new address; your address changes only
        when you open it, within 24 hours.
      </p>
      {messages.length > 0 && <ErrorSummary key={`${tries}:${messages.join()}`} title="Your address was not changed" messages={messages} />}
      <div role="status" data-testid="email-change-sent">
        {sent && <p class="notice">{sent}</p>}
      </div>
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="new-email" label="New email address" type="email" autoComplete="email" value={email} onInput={setEmail} error={errors.email} />
        <Field id="email-password" label="Your password" type="password" autoComplete="current-password" value={password} onInput={setPassword} error={errors.password} />
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Sending…' : 'Send the confirmation link'}
        </button>
      </form>
    </section>
  );
}
