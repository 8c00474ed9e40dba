// An invite link (/join/CODE): the group, its owner and size, and what joining shares, then Join.
import { CODE_PATTERN, InvitePreviewCard, normaliseCode } from '../../components/invite-preview/index.tsx';
import { usePage } from '../../lib/page.ts';

export default function Join({ code }: { code: string }) {
  usePage('Join a study group');
  const normal = normaliseCode(decodeURIComponent(code ?? ''));
  return (
    <>
      <h1>Join a study group</h1>
      {CODE_PATTERN.test(normal) ? (
        <>
          <p>You were invited to this group. Read what joining shares, then join if you agree.</p>
          <InvitePreviewCard code={normal} />
        </>
      ) : (
        <p class="notice notice--bad">This invite link is not complete: the code should be 10 characters. Ask the group's owner for the link again.</p>
      )}
      <p>
        <a href="/groups">Your groups</a>
      </p>
    </>
  );
}
