// Common and breached passwords (zxcvbn-ts's common list, ~49,000 entries), folded to lower case.
import { dictionary } from '@zxcvbn-ts/language-common';

const BLOCKED = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export const isCommonPassword = (folded: string): boolean => BLOCKED.has(folded);
