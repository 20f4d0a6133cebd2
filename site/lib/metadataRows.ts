/** Rows of the metadata table (MetadataTable.astro) that every document page prints alike. */
import { BUREAU } from '../../core/bureau/identity.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';

type MetadataRow = [label: string, value: string | null | undefined];

interface Department {
  name: string;
}

/**
 * 发布机构 is the organ that publishes — the bureau, as the public knows it — and the office
 * that wrote the document (a policy's drafter, otherwise the department the document is filed
 * under) is shown as what it is, 起草科室: 「办公室」 under 发布机构 read as if an office published it.
 */
export function organRows(doc: { publisher?: Department | null; drafter?: Department | null }): MetadataRow[] {
  return [
    [L.publisher, BUREAU.name],
    [L.drafter, (doc.drafter ?? doc.publisher)?.name],
  ];
}

/** 信息来源 and 责任编辑: kept with every document, printed with it as government sites do. */
export function editorialRows(doc: { source?: string | null; responsibleEditor?: string | null }): MetadataRow[] {
  return [
    [L.source, doc.source],
    [L.responsibleEditor, doc.responsibleEditor],
  ];
}
