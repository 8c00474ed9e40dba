// Before joining by invite code: the group's name, its owner, how many members it has and, in
// plain words, what joining shares with its coaches. Joining goes on to the group's page.
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type InvitePreview } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import css from './invite-preview.module.css';

/** Invite codes are typed from a projector or a message: spaces, dashes and case do not matter. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export const CODE_PATTERN = /^[A-Z2-9]{10}$/;

export function InvitePreviewCard({ code, level = 2 }: { code: string; level?: 2 | 3 }) {
  const { route } = useLocation();
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';

  useEffect(() => {
    let live = true;
    setPreview(null);
    setError(null);
    api.invitePreview(code).then(
      (p) => live && setPreview(p),
      (err) => live && setError(err instanceof ApiError ? err.message : 'This invite could not be checked; try again.'),
    );
    return () => {
      live = false;
    };
  }, [code]);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const group = await api.joinGroup(code);
      route(`/groups/${group.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'You could not join the group; try again.');
      setBusy(false);
    }
  };

  if (error && !preview) {
    return (
      <p class="notice notice--bad" role="alert">
        {error}
      </p>
    );
  }
  if (!preview) return <p aria-busy="true">Checking the invite code…</p>;
  return (
    <section class={`card ${css.preview}`} aria-labelledby="invite-preview-title" data-testid="invite-preview">
      <Heading id="invite-preview-title" class={css.title}>
        {preview.name}
      </Heading>
      <dl class={css.facts}>
        <div>
          <dt>Owner</dt>
          <dd>{preview.owner}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>{plural(preview.members, 'member')} so far</dd>
        </div>
      </dl>
      <Sub class={css.sub}>What joining shares</Sub>
      <p class={css.notice} data-testid="sharing-notice">
        {preview.sharingNotice}
      </p>
      <p class="hint">You can leave the group at any time; its coaches then stop seeing your results at once.</p>
      {error && (
        <p class="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button" disabled={busy} onClick={() => void join()}>
        {busy ? 'Joining…' : 'Join'}
        <span class="visually-hidden"> {preview.name}</span>
      </button>
    </section>
  );
}
