import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, Field } from '../../components/form/index.tsx';
import { PASSWORD_MIN_LENGTH, passwordTooShort } from '../../../server/domain/account.ts';
import { PasswordStrength } from '../../components/password-strength/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { safeNext, usePage } from '../../lib/page.ts';
import { signUp } from '../../models/session.ts';


interface Errors {
  name?: string;
  email?: string;
  password?: string;
  form?: string;
  taken?: boolean;
}

export default function SignUp() {
  usePage('Create an account');
  const { query, route } = useLocation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  /** Each refused submit moves focus to the summary again, even with the same message. */
  const [tries, setTries] = useState(0);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTries((n) => n + 1);
    const found: Errors = {};
    if (!name.trim()) found.name = 'Enter your name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@example.org.';
    if (passwordTooShort(password)) found.password = `Password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await signUp(name.trim(), email.trim(), password);
      route(safeNext(query.next));
    } catch (err) {
      if (err instanceof ApiError) setErrors({ form: err.message, taken: err.code === 'email_taken' });
      else setErrors({ form: 'The account could not be created; try again.' });
    } finally {
      setBusy(false);
    }
  };

  const messages = [errors.form, errors.name, errors.email, errors.password].filter((m): m is string => Boolean(m));
  return (
    <div class="narrow">
      <h1>Create an account</h1>
      {messages.length > 0 && (
        <ErrorSummary key={`${tries}:${messages.join()}`} title="The account was not created" messages={messages}>
          {errors.taken && (
            <p>
              <a href="/signin">Sign in with this email</a>
            </p>
          )}
        </ErrorSummary>
      )}
      <form onSubmit={submit} noValidate class="stack">
        <Field id="name" label="Your name" autoComplete="name" value={name} onInput={setName} error={errors.name} required />
        <Field id="email" label="Email" type="email" autoComplete="email" value={email} onInput={setEmail} error={errors.email} required />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
          error={errors.password}
          describedBy="password-strength"
          required
        />
        <PasswordStrength id="password-strength" password={password} />
        <button class="button" type="submit" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <a href="/signin">Sign in</a>.
      </p>
    </div>
  );
}
