/** The publisher rebuilds on what the public build reads, and on nothing else. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { PublicContentReader, type PublicContent } from '../../core/publish/publicContent.ts';
import { ROOT } from '../helpers/run.ts';

const lines = (await readFile(join(ROOT, DEFAULT_DATASET), 'utf8')).split('\n').filter(Boolean);
const docs = lines.map((l) => JSON.parse(l) as Record<string, unknown> & { _id: string; _type: string });

function contentOf(documents: readonly object[]): PublicContent {
  const reader = new PublicContentReader();
  for (const doc of documents) reader.addLine(JSON.stringify(doc));
  return reader.result();
}

function edited(id: string, change: (doc: Record<string, unknown>) => void): object[] {
  return docs.map((doc) => {
    if (doc._id !== id) return doc;
    const copy = structuredClone(doc);
    change(copy);
    return copy;
  });
}

const before = contentOf(docs);

describe('public content fingerprint', () => {
  it('does not change for a draft edit, a workflow record or a document that is not 主动公开', () => {
    const draft = docs.find((d) => d._id.startsWith('drafts.'))!;
    expect(contentOf(edited(draft._id, (d) => (d.title = `${String(d.title)}（改）`))).fingerprint).toBe(before.fingerprint);
    const signOff = {
      _id: 'signoff-extra',
      _type: 'signOff',
      unit: 'x',
      revisions: [],
      signer: '李审核',
      signedAt: '2026-01-01',
      decision: 'approve',
    };
    expect(contentOf([...docs, signOff]).fingerprint).toBe(before.fingerprint);
    const withheld = docs.find(
      (d) =>
        !d._id.startsWith('drafts.') &&
        (d.disclosure as { mode?: string } | undefined)?.mode &&
        (d.disclosure as { mode: string }).mode !== 'proactive',
    );
    if (withheld) expect(contentOf(edited(withheld._id, (d) => (d.title = '新标题'))).fingerprint).toBe(before.fingerprint);
    // Order in the file does not matter: a rewrite of the same documents is the same content.
    expect(contentOf([...docs].reverse()).fingerprint).toBe(before.fingerprint);
  });

  it('changes for an edit of a published proactive document, and for a line the build would refuse', () => {
    const published = docs.find((d) => d._type === 'policy' && !d._id.startsWith('drafts.'))!;
    expect(contentOf(edited(published._id, (d) => (d.title = '新标题'))).fingerprint).not.toBe(before.fingerprint);
    const reader = new PublicContentReader();
    for (const line of lines) reader.addLine(line);
    reader.addLine('{"_id": "broken"');
    expect(reader.result().fingerprint).not.toBe(before.fingerprint);
  });

  it('lists the releases and withdrawals of the audit log in sequence order', () => {
    const audit = (seq: number, action: string) => ({
      _id: `audit.u.${seq}`,
      _type: 'workflowAudit',
      unit: 'u',
      seq,
      action,
      actor: 'a',
      at: '2026-01-01T00:00:00Z',
      revisions: [],
    });
    const content = contentOf([...docs, audit(900, 'withdraw'), audit(899, 'release'), audit(898, 'submit')]);
    expect(content.auditSeq).toBe(900);
    expect(content.events.filter((e) => e.unit === 'u').map((e) => e.action)).toEqual(['release', 'withdraw']);
  });
});
