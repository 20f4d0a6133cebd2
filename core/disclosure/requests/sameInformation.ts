/**
 * 第四十四条: information that several applicants ask for should be considered for proactive publication.
 *
 * "The same information" is decided by a key made from what was asked (`subject`, the information's name
 * as registered): the text in NFKC form (full-width digits and letters as half-width), lower case, without
 * spaces, punctuation and the words every request wraps around its object (申请公开, 关于, 提供, 相关, 政府
 * 信息, …), and 年度 read as 年. Two requests share a key when they name the same thing in those words,
 * e.g. 「申请公开2025年度食品经营许可证发放名单」 and 「关于 2025 年食品经营许可证发放名单的信息」. The match is
 * exact, not fuzzy: a prompt the office can check by reading the subjects, never a guess that joins
 * 2024's list with 2025's. The registering clerk keeps subjects comparable by naming the information
 * as the office names it.
 *
 * Requests are counted by applicant: one applicant asking three times is a 重复申请 (表三 不予处理), not
 * three applicants' demand; so three or more different applicants make a prompt.
 */
import type { RequestRecord } from './record.ts';

export const SAME_INFORMATION_APPLICANTS = 3;

/** Words that frame a request rather than name its information, longest first. */
const FRAMING = [
  '依申请公开',
  '申请公开',
  '申请获取',
  '请求公开',
  '要求公开',
  '政府信息',
  '有关',
  '相关',
  '关于',
  '提供',
  '公开',
  '本局',
  '贵局',
  '信息',
  '的',
];

export function informationKey(subject: string): string {
  let key = subject.normalize('NFKC').toLowerCase().replace(/年度/g, '年');
  key = key.replace(/[\s\p{P}\p{S}]/gu, '');
  for (const word of FRAMING) key = key.split(word).join('');
  return key;
}

export interface SameInformationPrompt {
  key: string;
  /** The subjects as registered (each once). */
  subjects: string[];
  requests: string[];
  applicants: number;
}

/** Groups of requests for the same information by at least three applicants, largest first. */
export function sameInformationPrompts(requests: readonly RequestRecord[]): SameInformationPrompt[] {
  const byKey = new Map<string, RequestRecord[]>();
  for (const request of requests) {
    if (!request.subject) continue;
    const key = informationKey(request.subject);
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), request]);
  }
  const prompts: SameInformationPrompt[] = [];
  for (const [key, group] of byKey) {
    const applicants = new Set(group.map((r) => (r.applicantName ?? r._id).normalize('NFKC').replace(/\s/g, ''))).size;
    if (applicants < SAME_INFORMATION_APPLICANTS) continue;
    prompts.push({ key, subjects: [...new Set(group.map((r) => r.subject!))], requests: group.map((r) => r._id).sort(), applicants });
  }
  return prompts.sort((a, b) => b.applicants - a.applicants || a.key.localeCompare(b.key));
}
