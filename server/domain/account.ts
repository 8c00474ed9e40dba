// Account rules shared by the server and the sign-up form (pure: the client bundles it too).
// Passwords follow NIST SP 800-63B Rev. 4 for a single-factor password: at least 15 characters,
// at least 64 accepted, no composition rules, no forced rotation, screened against a blocklist.
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = { error: 'password_too_short' | 'password_too_long' | 'password_common'; message: string };

/** Counted in characters (code points), so an emoji counts once on both sides. */
export function passwordTooShort(password: string): boolean {
  return [...password].length < PASSWORD_MIN_LENGTH;
}

/**
 * Why a new password is refused, or null. `isCommon` screens against the blocklist (the server's
 * list of common and breached passwords); context words (the email, the name) are refused too.
 */
export function passwordProblem(password: string, isCommon: (p: string) => boolean, context: readonly string[] = []): PasswordProblem | null {
  if (passwordTooShort(password)) {
    return { error: 'password_too_short', message: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; a phrase of a few unrelated words works well.` };
  }
  if ([...password].length > PASSWORD_MAX_LENGTH) return { error: 'password_too_long', message: `Passwords may be up to ${PASSWORD_MAX_LENGTH} characters.` };
  const folded = password.normalize('NFKC').toLowerCase();
  const repeated = /^(.+?)\1+$/.exec(folded)?.[1];
  const words = context.map((c) => c.trim().toLowerCase()).filter((c) => c.length >= 4);
  if (isCommon(folded) || (repeated !== undefined && (repeated.length < 4 || isCommon(repeated))) || words.some((w) => folded === w || folded.includes(w))) {
    return { error: 'password_common', message: 'That password is on the list of common or breached passwords, or contains your email or name; choose another.' };
  }
  return null;
}

// Control characters and bidirectional overrides can disguise a name in lists and reports.
const UNSAFE_NAME = /[\p{Cc}\p{Zl}\p{Zp}\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/u;

export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'Enter your name.';
  if (UNSAFE_NAME.test(name)) return 'Names may not contain control characters or text-direction overrides.';
  return null;
}

// Links sent by mail (account_tokens). A reset link is short-lived; a new address may be read
// later, and its link changes nothing but the address (the password was checked when it was asked for).
export const RESET_TOKEN_MS = 30 * 60 * 1000;
export const EMAIL_TOKEN_MS = 24 * 60 * 60 * 1000;
/** Mails of one kind sent to one account in this window at most (no mail-bombing through us). */
export const ACCOUNT_MAIL_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_MAILS_PER_WINDOW = 3;
/** Password-reset requests from one address in the window (answered 429 beyond, whatever the email). */
export const RESET_REQUESTS_PER_ADDRESS = 10;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Deleting an account is confirmed by typing its email address (case and outer spaces do not matter). */
export function deleteConfirmed(typed: string, email: string): boolean {
  return normaliseEmail(typed) === normaliseEmail(email);
}

/**
 * Who takes over a group when its owner deletes their account: the longest-serving coach (then the
 * lowest id), or nobody, and the group is deleted. A plain member is never promoted: members joined
 * on the promise that only coaches see their individual results.
 */
export function heirOf(members: readonly { userId: number; role: string; joinedAt: number }[], leaving: number): number | null {
  const coaches = members.filter((m) => m.role === 'coach' && m.userId !== leaving);
  coaches.sort((a, b) => a.joinedAt - b.joinedAt || a.userId - b.userId);
  return coaches[0]?.userId ?? null;
}
