import { Type } from 'typebox';

export const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('candidate'), Type.Literal('coach'), Type.Literal('admin')]),
  timeMultiplier: Type.Number(),
  /** The password no longer meets the policy (signed in with an older, shorter one): ask for a change. */
  passwordChangeRequired: Type.Boolean(),
  /** The exam day (ms at the day's start), or null: spaced reviews are scheduled before it. */
  examDate: Type.Union([Type.Integer(), Type.Null()]),
});

const Email = Type.String({ format: 'email', maxLength: 254 });

export const RegisterSchema = Type.Object(
  { email: Email, password: Type.String({ maxLength: 1000 }), name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const LoginSchema = Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ maxLength: 1000 }), newPassword: Type.String({ maxLength: 1000 }) },
  { additionalProperties: false },
);

export const UpdateMeSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    timeMultiplier: Type.Optional(Type.Number({ minimum: 1, maximum: 3 })),
    examDate: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserReplySchema = Type.Object({ user: UserSchema });
