/**
 * Studio validation built from the shared model checks, so an editor is stopped by the
 * same rule, with the same words, as the dataset loader and the build.
 */
import type { SlugValue } from 'sanity';
import { creditCodeProblem } from '../../../core/model/creditCode.ts';
import { INDEX_NUMBER_PATTERN } from '../../../core/model/indexNumber.ts';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../../core/model/schemas.ts';

export function slugRule(value: SlugValue | undefined): true | string {
  return !value?.current || SLUG_PATTERN.test(value.current) ? true : SLUG_MESSAGE;
}

export function creditCodeRule(value: string | undefined): true | string {
  return value === undefined ? true : (creditCodeProblem(value) ?? true);
}

export function indexNumberRule(value: string | undefined): true | string {
  return value === undefined || INDEX_NUMBER_PATTERN.test(value) ? true : '索引号格式应为「机构代码/年份-五位流水号」';
}
