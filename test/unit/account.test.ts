// Account rules (NIST SP 800-63B Rev. 4 for a single-factor password; safe display names), as numbers.
import { describe, expect, it } from 'vitest';
import { nameProblem, passwordProblem, passwordTooShort } from '../../server/domain/account.ts';

const common = new Set(['password', 'qwertyuiopasdfg', 'letmein']);
const isCommon = (p: string) => common.has(p);

describe('passwords', () => {
  it('need 15 characters, counted as characters not bytes, and accept up to 128', () => {
    expect(passwordProblem('a'.repeat(3) + 'bcdefghijklm', isCommon)).toBeNull(); // 15
    expect(passwordProblem('abcdefghijklmn', isCommon)?.error).toBe('password_too_short'); // 14
    expect(passwordTooShort('🙂'.repeat(14) + 'x')).toBe(false); // 15 code points, 57 bytes
    expect(passwordTooShort('🙂'.repeat(14))).toBe(true);
    expect(passwordProblem('long phrase '.repeat(10) + 'abcdefgh', isCommon)).toBeNull(); // 128
    expect(passwordProblem('x'.repeat(64) + ' mixed in words ' + 'y'.repeat(49), isCommon)?.error).toBe('password_too_long'); // 129
  });

  it('impose no composition rules: lower-case words with spaces are fine', () => {
    expect(passwordProblem('correct horse battery staple', isCommon)).toBeNull();
  });

  it('refuse a blocklisted password whatever its case, and a short or blocklisted word repeated', () => {
    expect(passwordProblem('QwertyuiopASDFG', isCommon)?.error).toBe('password_common');
    expect(passwordProblem('passwordpassword', isCommon)?.error).toBe('password_common');
    expect(passwordProblem('abcabcabcabcabcabc', isCommon)?.error).toBe('password_common'); // "abc" × 6
    expect(passwordProblem('zzzzzzzzzzzzzzzz', isCommon)?.error).toBe('password_common');
    expect(passwordProblem('tablechairtablechair', isCommon)).toBeNull(); // a 10-letter unit repeated, not on the list
  });

  it('refuse a password containing the email name or display name (4+ characters)', () => {
    expect(passwordProblem('my name is grace hopper', isCommon, ['grace.h', 'Grace Hopper'])?.error).toBe('password_common');
    expect(passwordProblem('i love my little garden', isCommon, ['amy', 'Al'])).toBeNull();
    expect(passwordProblem('a sentence about graceh today', isCommon, ['graceh'])?.error).toBe('password_common');
  });
});

describe('password refusals, exactly', () => {
  it('say what to do in each message', () => {
    expect(passwordProblem('short', isCommon)).toEqual({
      error: 'password_too_short', message: 'Choose a password of at least 15 characters; a phrase of a few unrelated words works well.',
    });
    expect(passwordProblem('w'.repeat(129), isCommon)).toEqual({ error: 'password_too_long', message: 'Passwords may be up to 128 characters.' });
    expect(passwordProblem('letmeinletmeinletmein', isCommon)?.message).toBe(
      'That password is on the list of common or breached passwords, or contains your email or name; choose another.',
    );
  });

  it('treat only a whole password made of one repeated unit as repetition', () => {
    expect(passwordProblem('correct horse battery staplee', isCommon)).toBeNull(); // ends in "ee", is not "e" repeated
    expect(passwordProblem('abcdabcdabcdabcd', isCommon)).toBeNull(); // a 4-character unit is long enough
    expect(passwordProblem('abcabcabcabcabcab', isCommon)).toBeNull(); // not a whole number of repeats
  });

  it('screen context words of 4 or more characters only, and only when the password contains them', () => {
    expect(passwordProblem('a dreamy afternoon walk by the sea', isCommon, ['amy'])).toBeNull();
    expect(passwordProblem('hosanna in the highest of songs', isCommon, ['Anna'])?.error).toBe('password_common');
    expect(passwordProblem('i love my little garden', isCommon, ['grace hopper'])).toBeNull();
    expect(passwordProblem('i love my little garden', isCommon)).toBeNull();
  });
});

describe('display names', () => {
  it('refuse blank names, control characters and text-direction overrides', () => {
    expect(nameProblem('   ')).toBe('Enter your name.');
    expect(nameProblem('Pat\u202Egnp')).toMatch(/control characters or text-direction overrides/);
    expect(nameProblem('Pat\u0000')).not.toBeNull();
    expect(nameProblem('Pat\u2066x')).not.toBeNull();
    expect(nameProblem('Pat\u200Fx')).not.toBeNull();
    expect(nameProblem('Zoë O’Brien-Núñez')).toBeNull();
    expect(nameProblem('محمد')).toBeNull();
  });
});
