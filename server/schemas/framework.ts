import { Type } from 'typebox';

export const FrameworkSchema = Type.Object({
  categories: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), weight: Type.Number() })),
  areas: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      weight: Type.Number(),
      category: Type.String(),
      codes: Type.Array(Type.Object({ code: Type.String(), summary: Type.String() })),
    }),
  ),
});
