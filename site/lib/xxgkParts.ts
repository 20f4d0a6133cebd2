/**
 * The parts of the 政府信息公开 section, in the order its landing page lists them. Each part's
 * name and one-line description are zh.xxgk.parts / partIntro. 年报 and 建议提案办理复文 are
 * sections of their own under /xxgk/ (annualReport, proposalReply); the 主动公开目录 is the
 * catalog section.
 */
import { SECTIONS } from '../../core/sections.ts';
import type { zh } from '../i18n/zh.ts';

type PartKey = keyof typeof zh.xxgk.parts;

export const XXGK_PARTS: readonly { key: PartKey; path: string }[] = [
  { key: 'guide', path: '/xxgk/guide/' },
  { key: 'rules', path: '/xxgk/rules/' },
  { key: 'statutory', path: '/xxgk/statutory/' },
  { key: 'basicCatalog', path: '/xxgk/basic-catalog/' },
  { key: 'catalog', path: SECTIONS.catalog.path },
  { key: 'annualReports', path: SECTIONS.annualReport.path },
  { key: 'proposals', path: SECTIONS.proposalReply.path },
  { key: 'apply', path: '/xxgk/apply/' },
];

/** Where a part's page is. */
export function partPath(key: PartKey): string {
  const part = XXGK_PARTS.find((candidate) => candidate.key === key);
  if (!part) throw new Error(`no part ${key} in the 政府信息公开 section`);
  return part.path;
}
