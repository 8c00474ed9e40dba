// /confirm-email/:token — the link sent to a new address: the sign-in address changes only when
// its owner confirms here (a button, so a mail scanner that opens links changes nothing).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary } from '../../components/form/index.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';
import { currentUser, loadSession } from '../../models/session.ts';

export default function ConfirmEmail({ token }: { token: string }) {
  usePage('Confirm your new email address');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(0);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const confirm = async () => {
    setTries((n) => n + 1);
    setBusy(true);
    try {
      const { message } = await api.confirmEmail(decodeURIComponent(token ?? ''));
      setError(null);
      setDone(message);
      if (currentUser.value) await loadSession().catch(() => undefined);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The address was not changed; try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1>Confirm your new email address</h1>
      {error && (
        <ErrorSummary key={`${tries}:${error}`} title="Your address was not changed" messages={[error]}>
          <p>
            <a href={currentUser.value ? '/profile#email' : '/signin'}>{currentUser.value ? 'Ask again from your profile' : 'Sign in to ask again'}</a>
          </p>
        </ErrorSummary>
      )}
      {done ? (
        <>
          <p class="notice" role="status" tabIndex={-1} ref={doneRef} data-testid="email-confirmed">
            {done}
          </p>
          <p>
            {currentUser.value ? <a href="/profile">Back to your profile</a> : <a href="/signin">Sign in with the new address</a>}
          </p>
        </>
      ) : (
        <>
          <p>Confirm to make the address this link was sent to the one you sign in with. Until you do, your old address stays.</p>
          <button type="button" class="button" onClick={confirm} disabled={busy}>
            {busy ? 'Confirming…' : 'Confirm new address'}
          </button>
        </>
      )}
    </div>
  );
}
