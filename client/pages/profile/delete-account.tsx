// Delete my account: what goes and what happens to owned groups, then a typed confirmation (the
// account's email address) and the password. The server removes everything in one transaction.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { currentUser, signedOutByServer } from '../../models/session.ts';
import { deleteConfirmed } from '../../../server/domain/account.ts';
import css from './profile.module.css';

export function DeleteAccount() {
  const { route } = useLocation();
  const email = currentUser.value?.email ?? '';
  const [confirm, setConfirm] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ confirm?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const found: typeof errors = {};
    if (!deleteConfirmed(confirm, email)) found.confirm = `Type your email address, ${email}, exactly as shown.`;
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await api.deleteAccount(confirm, password);
      signedOutByServer();
      route('/signin?deleted=1');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') setErrors({ password: err.message });
      else if (err instanceof ApiError && err.code === 'confirmation_mismatch') setErrors({ confirm: err.message });
      else setErrors({ form: err instanceof ApiError ? err.message : 'Your account was not deleted; try again.' });
      setBusy(false);
    }
  };

  const messages = [errors.form, errors.confirm, errors.password].filter((m): m is string => Boolean(m));
  return (
    <section aria-labelledby="delete-heading" id="delete" class={`${css.section} ${css.danger}`}>
      <h2 id="delete-heading">Delete my account</h2>
      <p>This deletes your account and everything kept about you, and cannot be undone:</p>
      <ul>
        <li>your exams and drills with every answer, your study plan, self-ratings and review cards;</li>
        <li>your essays with their scores, your review links, and the scores you gave others;</li>
        <li>your question reports and your place in every study group.</li>
      </ul>
      <p>
        A group you own passes to its longest-serving coach. A group you own with no other coach is deleted for all its members,
        with its drills. Drills you set in other groups stay, set by the group's owner.
      </p>
      <p>
        Want a copy first? <a href="/api/me/export" download>Download my data</a>.
      </p>
      {messages.length > 0 && <ErrorSummary key={`${tries}:${messages.join()}`} title="Your account was not deleted" messages={messages} />}
      <form onSubmit={submit} class="stack" noValidate>
        <Field id="delete-confirm" label={`To confirm, type your email address: ${email}`} value={confirm} onInput={setConfirm} error={errors.confirm}
          autoComplete="off" />
        <Field id="delete-password" label="Your password" type="password" autoComplete="current-password" value={password} onInput={setPassword} error={errors.password} />
        <button type="submit" class={`button button--danger ${css.deleteButton}`} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}
