/** Desk structure: one list per section, in the order editors work through them. */
import type { StructureResolver } from 'sanity/structure';
import { CONTENT_TYPES, type ContentType } from '../core/model/documentTypes.ts';

const SECTIONS: ContentType[] = [
  'policy',
  'interpretation',
  'complaintAnalysis',
  'inspectionPlan',
  'inspectionResult',
  'trademarkNews',
  'department',
];

export const structure: StructureResolver = (S) =>
  S.list()
    .title('内容')
    .items(SECTIONS.map((type) => S.documentTypeListItem(type).title(CONTENT_TYPES[type])));
