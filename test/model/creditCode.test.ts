import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, withCheckCharacter } from '../../core/model/creditCode.ts';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it.each([
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['914403001922038216', '华为技术有限公司'],
    ['91110000802100433B', '北京百度网讯科技有限公司'],
    ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ])('accepts the real code %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects a changed check character and says which one is right', () => {
    expect(creditCodeProblem('91440300708461136X')).toBe('统一社会信用代码校验码错误：第18位应为「T」，实为「X」');
  });

  it('rejects a changed body character', () => {
    expect(isValidCreditCode('91440300708461137T')).toBe(false);
  });

  it('rejects the letters the standard leaves out (I, O, Z, S, V)', () => {
    expect(creditCodeProblem('91440300708461136O')).toContain('不允许的字符「O」');
  });

  it('rejects a wrong length', () => {
    expect(creditCodeProblem('9144030070846113')).toBe('统一社会信用代码应为18位，实为16位');
  });

  it('maps a remainder of 0 to the character 0, not to 31', () => {
    // Find a body whose weighted sum is a multiple of 31 and check its code ends in 0.
    for (let n = 0; n < 10_000; n++) {
      const body = `9143020000000${String(n).padStart(4, '0')}`;
      if (creditCodeCheckCharacter(body) === '0') {
        expect(isValidCreditCode(withCheckCharacter(body))).toBe(true);
        expect(withCheckCharacter(body).endsWith('0')).toBe(true);
        return;
      }
    }
    throw new Error('no body with check character 0 found');
  });
});
