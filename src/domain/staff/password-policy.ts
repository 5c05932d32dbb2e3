import { commonPasswords } from './common-passwords.js';

export const minPasswordLength = 12;
const maxPasswordLength = 200;
const common = new Set(commonPasswords.map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_name';

/**
 * NIST SP 800-63B: a minimum length, no composition rules, and a check against passwords known
 * to be guessed first. The base of a password (trailing digits and symbols removed, repeats
 * collapsed) is checked too, and so is the account's own name or e-mail.
 */
export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  const unique = new Set(lower).size;
  if (common.has(lower) || (base.length >= 4 && common.has(base)) || unique <= 3) return 'too_common';
  const repeated = /^(.+?)\1+$/u.exec(base);
  if (repeated && (common.has(repeated[1]) || repeated[1].length <= 4)) return 'too_common';
  if (
    /^(0123456789|1234567890|9876543210|abcdefghijklmnopqrstuvwxyz|qwertyuiop)/.test(lower.replace(/\W/g, ''))
  )
    return 'too_common';
  for (const word of personal.map((w) => w.toLowerCase()).filter((w) => w.length >= 4)) {
    if (lower.includes(word)) return 'contains_name';
  }
  return null;
}
