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
