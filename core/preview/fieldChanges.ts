/**
 * Metadata of a draft against its published version, field by field, in the words the
 * public and the editors see (labels from the model, vocabulary values as their names).
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { FIELD_LABELS } from '../model/labels.ts';
import { DISCLOSURE_MODES, INTERPRETATION_FORMS, TOPICS, VALIDITY } from '../model/vocabulary.ts';

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Fields compared elsewhere (the body) or not meaningful to a reviewer. */
const SKIPPED = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt', '_originalId', 'body', 'lastEditedBy']);

const VOCABULARIES: Record<string, Record<string, string>> = {
  validity: VALIDITY,
  topic: TOPICS,
  form: INTERPRETATION_FORMS,
};

function describeValue(field: string, value: unknown, nameOf: (id: string) => string | undefined): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'string') return VOCABULARIES[field]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return `共 ${value.length} 项`;
  const record = value as Record<string, unknown>;
  if (typeof record._ref === 'string') return nameOf(record._ref) ?? record._ref;
  if (field === 'slug') return String(record.current ?? '');
  if (field === 'disclosure') {
    const mode = DISCLOSURE_MODES[record.mode as keyof typeof DISCLOSURE_MODES] ?? String(record.mode);
    return record.reason ? `${mode}（${String(record.reason)}）` : mode;
  }
  return Object.entries(record)
    .filter(([key]) => !key.startsWith('_'))
    .map(([key, v]) => `${key}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('，');
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([k]) => k !== '_weak' && k !== '_strengthenOnPublish')
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

export function fieldChanges(
  published: StoredDocument | undefined,
  draft: StoredDocument,
  nameOf: (id: string) => string | undefined,
): FieldChange[] {
  const fields = new Set([...Object.keys(published ?? {}), ...Object.keys(draft)].filter((f) => !SKIPPED.has(f)));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const before = published?.[field];
    const after = draft[field];
    if (stable(before) === stable(after)) continue;
    changes.push({
      field,
      label: (FIELD_LABELS as Record<string, string>)[field] ?? field,
      before: describeValue(field, before, nameOf),
      after: describeValue(field, after, nameOf),
    });
  }
  return changes;
}
