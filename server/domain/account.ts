// Account rules shared by the server and the sign-up form (pure: the client bundles it too).
export const PASSWORD_MIN_LENGTH = 8;

/** Counted in characters (code points), so an emoji counts once on both sides. */
export function passwordTooShort(password: string): boolean {
  return [...password].length < PASSWORD_MIN_LENGTH;
}
