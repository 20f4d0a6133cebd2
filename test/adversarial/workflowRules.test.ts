/**
 * Attacks on the workflow rules (issue 11, findings 4–7), driven through the real rules: the
 * Workflow over the in-memory store and over a copy of the sample dataset file, and the
 * `npm run workflow` command a reviewer uses. Each attack must be refused with the rule that
 * stops it and a Chinese message, and must leave nothing published.
 *
 * The sample's 长株潭 pair was submitted by 「刘芳（消费者权益保护科）」 and has no other
 * recorded author, so she is the last author of both halves.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { personKey, samePerson } from '../../core/model/identity.ts';
import { contentHash } from '../../core/workflow/contentHash.ts';
import { DatasetStore } from '../../core/workflow/datasetStore.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import { revisionOf } from '../../core/workflow/state.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { ROOT, runNpm } from '../helpers/run.ts';
import { deterministic, workflowDataset, workflowRefusal } from '../workflow/fixtures.ts';

const POLICY = 'policy-2026-changzhutan-consumer';
const INTERPRETATION = 'interpretation-2026-changzhutan-consumer';
const REVIEWER = '李审核';

async function sampleCopy(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'workflow-attack-')), 'dataset.ndjson');
  await copyFile(join(ROOT, DEFAULT_DATASET), path);
  return path;
}

/** The file's documents as they are, without the checks a store applies: what an attacker edits. */
async function rawDocuments(path: string): Promise<StoredDocument[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as StoredDocument);
}

/** Rewrites the file by hand, as someone with write access to it can. */
async function tamper(path: string, change: (docs: StoredDocument[]) => StoredDocument[]): Promise<void> {
  await writeFile(path, toNdjson(change(await rawDocuments(path))));
}

const refusal = (promise: Promise<unknown>) => workflowRefusal(promise, 'the attack was not refused');

const onFile = (path: string) => new Workflow(new DatasetStore(path), deterministic());
const cli = (path: string, ...args: string[]) => runNpm(['workflow', '--', ...args, '--dataset', path]);
const publishedIds = async (path: string) => new Set((await rawDocuments(path)).filter((d) => !d._id.includes('.')).map((d) => d._id));

/** Nothing of the sample pair became public. */
async function expectUnreleased(path: string) {
  const ids = await publishedIds(path);
  expect(ids.has(POLICY)).toBe(false);
  expect(ids.has(INTERPRETATION)).toBe(false);
}

/** The sample copy with the 长株潭 pair signed off by 李审核, the way the rules do it. */
async function signedSample(): Promise<string> {
  const path = await sampleCopy();
  await onFile(path).run('signoff', POLICY, REVIEWER, { confidentialityChecked: true });
  expect((await onFile(path).status(POLICY)).state).toBe('signed');
  return path;
}

const editDraft = (id: string, change: (doc: StoredDocument) => StoredDocument) => (docs: StoredDocument[]) =>
  docs.map((doc) => (doc._id === `drafts.${id}` ? change(doc) : doc));

describe('finding 7 · four eyes compares people, not strings', () => {
  const SELF = [
    ['trailing space', '刘芳 '],
    ['half-width brackets', '刘芳(消费者权益保护科)'],
    ['a zero-width space', '刘\u200b芳'],
    ['a tab', '刘芳\t'],
    ['the bare name', '刘芳'],
    ['an ideographic space and a word joiner', '\u3000刘\u2060芳（消费者权益保护科）'],
  ];
  for (const [label, alias] of SELF) {
    it(`the submitter cannot sign off her own unit as 「${alias}」 (${label})`, async () => {
      const path = await sampleCopy();
      const error = await refusal(onFile(path).run('signoff', POLICY, alias!, { confidentialityChecked: true }));
      expect(error.rule).toBe('3-four-eyes');
      expect(error.message).toContain(`审签人 ${alias} 是 ${POLICY} 的最后修改人`);
      expect(error.hint).toContain('四眼原则');
      expect((await onFile(path).status(POLICY)).state).toBe('submitted');
    });
  }

  /** policy-b submitted by `alice`, while the drafts' last author is 王编辑: the submitter check alone must catch her. */
  async function submittedByAlice() {
    const store = new MemoryStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    await workflow.run('submit', 'policy-b', 'alice');
    return { store, workflow };
  }
  for (const alias of ['Alice', 'ａｌｉｃｅ', 'alice ', 'ALICE\u200d']) {
    it(`alice cannot sign off what she submitted as 「${alias}」`, async () => {
      const { store, workflow } = await submittedByAlice();
      const error = await refusal(workflow.run('signoff', 'policy-b', alias, { confidentialityChecked: true }));
      expect(error.rule).toBe('3-four-eyes');
      expect(error.message).toBe(`审签人 ${alias} 是送审人`);
      // Studio greys the button out for the same reason.
      expect((await workflow.availability('policy-b', alias)).signoff).toEqual({
        enabled: false,
        reason: `审签人 ${alias} 是送审人。审签须由作者以外的人进行（四眼原则）：请另一位审核人审签`,
      });
      expect(new Snapshot(store.documents).documents.some((d) => d._type === 'signOff')).toBe(false);
    });
  }

  it('a last author cannot sign off under another spelling either', async () => {
    const store = new MemoryStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    await workflow.run('submit', 'policy-b', 'alice');
    const error = await refusal(workflow.run('signoff', 'policy-b', '王编辑（政策法规科）', { confidentialityChecked: true }));
    expect(error.rule).toBe('3-four-eyes');
    expect(error.message).toBe('审签人 王编辑（政策法规科） 是 policy-b 的最后修改人');
  });

  it('through npm run workflow: 「刘芳 」 is refused under rule 3 and nothing is signed', async () => {
    const path = await sampleCopy();
    const self = cli(path, 'signoff', POLICY, '--as', '刘芳 ', '--confidentiality-checked');
    expect(self.status).toBe(1);
    expect(self.stderr).toContain('不能执行（规则3 四眼原则）：审签人 刘芳  是');
    expect(self.stderr).toContain('处理办法：审签须由作者以外的人进行（四眼原则）');
    expect((await rawDocuments(path)).some((d) => d._type === 'signOff')).toBe(false);
  });

  it('another person is still another person', async () => {
    expect(samePerson('刘芳（消费者权益保护科）', '刘芳芳')).toBe(false);
    expect(samePerson('alice', 'alicia')).toBe(false);
    const path = await sampleCopy();
    await onFile(path).run('signoff', POLICY, REVIEWER, { confidentialityChecked: true });
    expect((await onFile(path).status(POLICY)).state).toBe('signed');
  });

  for (const blank of ['', '   ', '\u200b', '\t\u3000']) {
    it(`an actor without a visible name (${JSON.stringify(blank)}) is refused`, async () => {
      expect(personKey(blank)).toBe('');
      const path = await sampleCopy();
      for (const action of ['signoff', 'return', 'submit'] as const) {
        const error = await refusal(onFile(path).run(action, POLICY, blank, { comment: '请修改' }));
        expect(error.rule).toBe('7-audited');
        expect(error.message).toContain('操作人姓名为空或只有空白字符');
      }
      expect((await refusal(onFile(path).edit(POLICY, blank, { summary: '匿名修改' }))).rule).toBe('7-audited');
      expect((await rawDocuments(path)).filter((d) => d._type === 'signOff' || d._type === 'workflowAudit')).toHaveLength(1);
      expect((await onFile(path).availability(POLICY, blank)).signoff.enabled).toBe(false);
    });
  }

  it('through npm run workflow: --as with only an ideographic space is refused under rule 7', async () => {
    const path = await sampleCopy();
    const result = cli(path, 'signoff', POLICY, '--as', '\u3000', '--confidentiality-checked');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('不能执行（规则7 留痕审计：操作人须可识别）：操作人姓名为空或只有空白字符');
    expect(result.stderr).toContain('处理办法：请用 --as <姓名> 写明操作人的姓名');
  });
});

describe('finding 4 · a sign-off binds the content, not only the revision id', () => {
  it('editing the signed draft in the file without changing _rev makes the sign-off stale, and release refuses', async () => {
    const path = await signedSample();
    await tamper(
      path,
      editDraft(INTERPRETATION, (doc) => ({ ...doc, summary: '审签后被悄悄改过的概述。' })),
    );
    const status = await onFile(path).status(POLICY);
    expect(status.state).toBe('stale');
    const error = await refusal(onFile(path).run('release', POLICY, REVIEWER));
    expect(error.rule).toBe('4-released-together');
    expect(error.message).toBe(`${POLICY} 当前状态为「审签已失效」，不能执行此操作`);
    expect(error.hint).toBe('审签后内容又被修改，审签已失效：请重新送审并审签');
    await expectUnreleased(path);
  });

  it('through npm run workflow: a same-_rev change of the policy body is 审签已失效 and release exits 1', async () => {
    const path = await signedSample();
    await tamper(
      path,
      editDraft(POLICY, (doc) => ({ ...doc, title: `${String(doc.title)}（未经审签的标题）` })),
    );
    expect(cli(path, 'status', POLICY).stdout).toContain(`${POLICY} [审签已失效]`);
    const release = cli(path, 'release', POLICY, '--as', REVIEWER);
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('不能执行（规则4 同步发布）');
    expect(release.stderr).toContain('审签已失效');
    await expectUnreleased(path);
  });

  it('a change to a nested field (one character of the body) is caught too', async () => {
    const path = await signedSample();
    await tamper(
      path,
      editDraft(POLICY, (doc) => {
        const body = structuredClone(doc.body) as { children?: { text?: string }[] }[];
        const span = body.find((block) => block.children?.[0]?.text)!.children![0]!;
        span.text = `${span.text!.slice(0, -1)}。`;
        return { ...doc, body };
      }),
    );
    expect((await onFile(path).status(POLICY)).state).toBe('stale');
  });

  it('the 审签单 and the audit entry carry each revision and its content hash; the released documents hash as signed', async () => {
    const path = await signedSample();
    const before = new Snapshot(await rawDocuments(path));
    const record = before.documents.find((d) => d._type === 'signOff') as unknown as {
      revisions: { document: string; rev: string; contentHash: string }[];
    };
    expect(record.revisions.map(({ document, rev, contentHash: hash }) => ({ document, rev, hash }))).toEqual(
      [POLICY, INTERPRETATION].map((id) => ({ document: id, rev: before.draft(id)!._rev, hash: contentHash(before.draft(id)!) })),
    );
    expect(record.revisions[0]!.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    await onFile(path).run('release', POLICY, REVIEWER);
    const after = new Snapshot(await rawDocuments(path));
    // Publishing stamps 发布日期/索引号, strengthens references and changes _rev: none of that is content.
    for (const ref of record.revisions) expect(contentHash(after.published(ref.document)!)).toBe(ref.contentHash);
    expect(after.published(POLICY)!.indexNumber).toMatch(/^MB1D50237\/2026-\d{5}$/);
  });

  it('a read from the Content Lake (extra system fields, last author filled in from the history) hashes the same', () => {
    const draft = workflowDataset().find((d) => d._id === 'drafts.policy-b')!;
    const fromLake = {
      ...structuredClone(draft),
      _originalId: draft._id,
      _system: { base: { id: 'x' } },
      _updatedAt: '2027-01-01T00:00:00Z',
      lastEditedBy: 'p-li',
    };
    expect(contentHash(fromLake)).toBe(contentHash(draft));
    expect(contentHash({ ...draft, summary: `${String(draft.summary)} ` })).not.toBe(contentHash(draft));
  });

  it('a sign-off recorded before content hashes existed does not approve anything', async () => {
    const path = await signedSample();
    await tamper(path, (docs) =>
      docs.map((doc) =>
        doc._type === 'signOff' || doc._type === 'workflowAudit'
          ? { ...doc, revisions: (doc.revisions as { contentHash?: string }[]).map(({ contentHash: _, ...ref }) => ref) }
          : doc,
      ),
    );
    expect((await onFile(path).status(POLICY)).state).not.toBe('signed');
    expect((await refusal(onFile(path).run('release', POLICY, REVIEWER))).rule).toBe('4-released-together');
  });
});

describe('finding 5 · release checks again what it publishes', () => {
  const WITHHELD = { mode: 'withheld', ground: 'prohibitedByLaw', reason: '《政府信息公开条例》第十六条' };

  it('the interpretation set to withheld after sign-off (same _rev) is not released', async () => {
    const path = await signedSample();
    await tamper(
      path,
      editDraft(INTERPRETATION, (doc) => ({ ...doc, disclosure: WITHHELD })),
    );
    const error = await refusal(onFile(path).run('release', POLICY, REVIEWER));
    expect(error.rule).toBe('4-released-together');
    expect(error.message).toContain('审签已失效');
    await expectUnreleased(path);
  });

  /**
   * A full, self-consistent set of forged records (submission, 审签单, audit entry) over
   * content that never passed a submission: the state reads "signed", so only the release's
   * own checks stand between it and the public.
   */
  function forgedChain(documents: StoredDocument[], unit: string, members: string[]): StoredDocument[] {
    const snapshot = new Snapshot(documents);
    const revisions = members.map((id, index) => ({ _key: `r${index}`, ...revisionOf(id, snapshot.current(id)!) }));
    const seq = snapshot.nextAuditSeq();
    const at = '2026-11-25T01:00:00.000Z';
    return [
      ...documents,
      {
        _id: `signoff.${unit}.forged`,
        _type: 'signOff',
        unit,
        revisions,
        signer: REVIEWER,
        signedAt: at,
        decision: 'approve',
        confidentialityChecked: true,
      },
      { _id: `audit.${unit}.f1`, _type: 'workflowAudit', unit, seq, action: 'submit', actor: '王编辑', at, revisions },
      {
        _id: `audit.${unit}.f2`,
        _type: 'workflowAudit',
        unit,
        seq: seq + 1,
        action: 'signoff',
        actor: REVIEWER,
        at,
        revisions,
        signOff: `signoff.${unit}.forged`,
      },
    ];
  }

  it('a pair with a withheld interpretation is refused at release under rule 6, even with a consistent forged sign-off', async () => {
    const documents = workflowDataset().map((doc) => (doc._id === 'drafts.interpretation-b' ? { ...doc, disclosure: WITHHELD } : doc));
    const store = new MemoryStore(forgedChain(documents, 'policy-b', ['policy-b', 'interpretation-b']));
    const workflow = new Workflow(store, deterministic());
    expect((await workflow.status('policy-b')).state).toBe('signed');
    const error = await refusal(workflow.run('release', 'policy-b', REVIEWER));
    expect(error.rule).toBe('6-proactive');
    expect(error.message).toBe('政策文件与解读的公开属性不一致：一方公开而另一方不公开');
    expect(new Snapshot(store.documents).published('policy-b')).toBeUndefined();
    expect((await workflow.availability('policy-b', REVIEWER)).release.enabled).toBe(false);
  });

  it('incomplete content is refused at release, naming the document and field', async () => {
    const documents = workflowDataset().map((doc) => (doc._id === 'drafts.policy-b' ? { ...doc, title: '' } : doc));
    const store = new MemoryStore(forgedChain(documents, 'policy-b', ['policy-b', 'interpretation-b']));
    const error = await refusal(new Workflow(store, deterministic()).run('release', 'policy-b', REVIEWER));
    expect(error.rule).toBe('complete');
    expect(error.message).toMatch(/^内容尚不完整：policy-b 字段 title：/);
    expect(new Snapshot(store.documents).published('policy-b')).toBeUndefined();
  });

  it('a pair that no longer points back is refused at release under rule 1', async () => {
    const documents = workflowDataset().map((doc) =>
      doc._id === 'drafts.interpretation-b' ? { ...doc, policy: { _type: 'reference', _ref: 'policy-a' } } : doc,
    );
    const store = new MemoryStore(forgedChain(documents, 'policy-b', ['policy-b', 'interpretation-b']));
    const error = await refusal(new Workflow(store, deterministic()).run('release', 'policy-b', REVIEWER));
    expect(error.rule).toBe('1-paired');
    expect(error.message).toContain('解读的「相关文件」应指回政策文件 policy-b');
  });
});

describe('finding 6 · audit entries are the log, not the authority', () => {
  /** The sample pair's current revisions, with hashes, as a forger would copy them. */
  async function currentRevisions(path: string) {
    const snapshot = new Snapshot(await rawDocuments(path));
    return {
      snapshot,
      revisions: [POLICY, INTERPRETATION].map((id, index) => ({ _key: `r${index}`, ...revisionOf(id, snapshot.current(id)!) })),
    };
  }

  async function forgeSignoffEntry(path: string, extra: Record<string, unknown>, records: StoredDocument[] = []) {
    const { snapshot, revisions } = await currentRevisions(path);
    await tamper(path, (docs) => [
      ...docs,
      ...records,
      {
        _id: `audit.${POLICY}.forged`,
        _type: 'workflowAudit',
        unit: POLICY,
        seq: snapshot.nextAuditSeq(),
        action: 'signoff',
        actor: REVIEWER,
        at: '2026-11-25T01:00:00.000Z',
        revisions,
        ...extra,
      },
    ]);
  }

  async function expectNotSigned(path: string) {
    expect((await onFile(path).status(POLICY)).state).toBe('submitted');
    const error = await refusal(onFile(path).run('release', POLICY, REVIEWER));
    expect(error.rule).toBe('4-released-together');
    expect(error.message).toBe(`${POLICY} 当前状态为「待审签」，不能执行此操作`);
    await expectUnreleased(path);
  }

  it('a sign-off entry with the current revisions and no 审签单 does not sign the unit (npm run workflow)', async () => {
    const path = await sampleCopy();
    await forgeSignoffEntry(path, {});
    expect(cli(path, 'status', POLICY).stdout).toContain(`${POLICY} [待审签]`);
    const release = cli(path, 'release', POLICY, '--as', REVIEWER);
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('不能执行（规则4 同步发布）');
    expect(release.stderr).toContain('当前状态为「待审签」');
    await expectUnreleased(path);
  });

  it('naming a 审签单 that does not exist does not count', async () => {
    const path = await sampleCopy();
    await forgeSignoffEntry(path, { signOff: `signoff.${POLICY}.1` });
    await expectNotSigned(path);
  });

  const record = (revisions: unknown, extra: Record<string, unknown> = {}): StoredDocument => ({
    _id: `signoff.${POLICY}.1`,
    _type: 'signOff',
    unit: POLICY,
    revisions,
    signer: REVIEWER,
    signedAt: '2026-11-25T01:00:00.000Z',
    decision: 'approve',
    ...extra,
  });

  it('a 审签单 whose revisions differ from the entry’s does not count', async () => {
    const path = await sampleCopy();
    const { revisions } = await currentRevisions(path);
    const other = revisions.map((ref) => ({ ...ref, rev: `${ref.rev}x` }));
    await forgeSignoffEntry(path, { signOff: `signoff.${POLICY}.1` }, [record(other)]);
    await expectNotSigned(path);
  });

  it('a 审签单 of another unit, or one that returned the unit, does not count', async () => {
    for (const extra of [{ unit: 'policy-2025-other' }, { decision: 'return', comment: '请修改' }]) {
      const path = await sampleCopy();
      const { revisions } = await currentRevisions(path);
      await forgeSignoffEntry(path, { signOff: `signoff.${POLICY}.1` }, [record(revisions, extra)]);
      await expectNotSigned(path);
    }
  });

  it('a 审签单 signed by the submitter under another spelling does not count', async () => {
    const path = await sampleCopy();
    const { revisions } = await currentRevisions(path);
    await forgeSignoffEntry(path, { signOff: `signoff.${POLICY}.1`, actor: '刘芳' }, [
      record(revisions, { signer: '刘芳 (消费者权益保护科)' }),
    ]);
    await expectNotSigned(path);
  });

  it('a 审签单 alone, without its audit entry, does not sign the unit either', async () => {
    const path = await sampleCopy();
    const { revisions } = await currentRevisions(path);
    await tamper(path, (docs) => [...docs, record(revisions)]);
    await expectNotSigned(path);
  });

  it('the real sign-off, by contrast, signs and releases', async () => {
    const path = await signedSample();
    await onFile(path).run('release', POLICY, REVIEWER);
    const ids = await publishedIds(path);
    expect(ids.has(POLICY) && ids.has(INTERPRETATION)).toBe(true);
  });
});
