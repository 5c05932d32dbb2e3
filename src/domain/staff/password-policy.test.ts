import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash.js';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('paarse-fiets-onder-de-brug')).toBeNull();
    expect(passwordProblem('Kw8#fj2!Lm9@xq')).toBeNull();
  });

  it('refuses short, common and derived passwords', () => {
    expect(passwordProblem('kort')).toBe('too_short');
    expect(passwordProblem('elf tekens!')).toBe('too_short');
    expect(passwordProblem('wachtwoord123')).toBe('too_common');
    expect(passwordProblem('Wachtwoord2024!!')).toBe('too_common');
    expect(passwordProblem('welkomwelkom')).toBe('too_common');
    expect(passwordProblem('123456789012')).toBe('too_common');
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toBe('too_common');
    expect(passwordProblem('abababababab')).toBe('too_common');
    expect(passwordProblem('qwertyuiop123')).toBe('too_common');
  });

  it('refuses the account holder name or mailbox in the password', () => {
    expect(passwordProblem('marieke-de-vries-2024', ['Marieke', 'mdevries'])).toBe('contains_name');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🎙️🎙️🎙️🎙️🎙️')).toBe('too_short');
  });
});

describe('scrypt password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('paarse-fiets-onder-de-brug');
    const b = await hashPassword('paarse-fiets-onder-de-brug');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('paarse-fiets-onder-de-brug', a)).toBe(true);
    expect(await verifyPassword('paarse-fiets-onder-de-bruG', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});
