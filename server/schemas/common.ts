import { Type } from 'typebox';

export const ErrorSchema = Type.Object({ error: Type.String(), message: Type.String() }, { additionalProperties: true });
export const Letter = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
export const PerLetter = Type.Object({ A: Type.String(), B: Type.String(), C: Type.String(), D: Type.String() });
export const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema, 429: ErrorSchema };
