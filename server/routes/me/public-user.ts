import type { User } from '../../plugins/session.ts';

/** What a user may see of their own account: never the password hash. */
export function publicUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, timeMultiplier: u.timeMultiplier, passwordChangeRequired: u.passwordChangeRequired, examDate: u.examDate };
}
