/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation category (1), administrative
 * division (6), organisation code (9), check character (1). The character set is the
 * digits and the capital letters without I, O, Z, S and V.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character that the first 17 characters call for, or null if they hold an invalid character. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a credit code is invalid, in Chinese for editors, or null when it is valid. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位，实为${code.length}位`;
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) return `统一社会信用代码含有不允许的字符「${bad}」（仅限数字和除 I、O、Z、S、V 外的大写字母）`;
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `统一社会信用代码校验码错误：第18位应为「${expected}」，实为「${code[17]}」`;
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Completes 17 characters into a valid code (used by the sample data generator and tests). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null) throw new Error(`cannot complete credit code "${first17}": needs 17 valid characters`);
  return first17 + check;
}
