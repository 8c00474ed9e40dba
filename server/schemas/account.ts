// Account basics: password reset by mail, email change confirmed by mail, export, deletion.
import { Type } from 'typebox';
import { UserSchema } from './user.ts';

const Email = Type.String({ format: 'email', maxLength: 254 });
/** Tokens are 43 base64url characters; anything longer is refused before any lookup. */
const Token = Type.String({ minLength: 1, maxLength: 200 });

export const PasswordResetSchema = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetConfirmSchema = Type.Object({ token: Token, password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });
export const EmailConfirmSchema = Type.Object({ token: Token }, { additionalProperties: false });
export const ChangeEmailSchema = Type.Object({ email: Email, password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });
export const DeleteAccountSchema = Type.Object({ confirm: Type.String({ maxLength: 300 }), password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

export const MessageSchema = Type.Object({ message: Type.String() });
export const EmailChangeRequestedSchema = Type.Object({ message: Type.String(), pendingEmail: Type.String() });
export const EmailConfirmedSchema = Type.Object({ message: Type.String(), email: Type.String() });
export const AccountDeletedSchema = Type.Object({
  message: Type.String(),
  /** Groups the person owned that passed to their longest-serving coach. */
  groupsHandedOver: Type.Integer(),
  /** Groups the person owned that had no other coach, deleted with everything in them. */
  groupsDeleted: Type.Integer(),
});

const Rows = Type.Array(Type.Unknown());
/** Everything the app keeps about one person, as a JSON download (times in ms since 1970 UTC). */
export const AccountExportSchema = Type.Object({
  format: Type.Literal('cetl-practice-export/1'),
  exportedAt: Type.String(),
  profile: Type.Object({ ...UserSchema.properties, createdAt: Type.Integer() }),
  sessions: Rows,
  signInAddresses: Rows,
  attempts: Rows,
  exposures: Rows,
  essays: Rows,
  essayShares: Rows,
  scoresGiven: Rows,
  calibrations: Rows,
  selfRatings: Rows,
  reviewCards: Rows,
  groups: Rows,
  drillAttempts: Rows,
  questionReports: Rows,
});
