/**
 * 索引号 and 发文字号 are unique across the whole dataset — public or withheld, any type — and a
 * duplicate is refused (by `npm run validate` and the build, which both read the dataset through
 * readDataset) with an error that names both documents.
 */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../core/content/dataset.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { copyOfFixture as copyOf, datasetRefusal as refusal, minimalDataset, writeTempDataset } from '../fixtures/minimalDataset.ts';

type Doc = StoredDocument & Record<string, unknown>;
const WITHHELD = { mode: 'withheld', ground: 'processInformation', reason: '《中华人民共和国政府信息公开条例》第十六条：过程性信息' };

/** A second policy/interpretation pair, withheld unless `disclosure` says otherwise. */
function secondPair(policy: Record<string, unknown>, disclosure: unknown = WITHHELD): Doc[] {
  return [
    copyOf('policy-a', 'policy-b', 31, {
      title: '第二份政策文件',
      interpretation: { _type: 'reference', _ref: 'interpretation-b' },
      disclosure,
      ...policy,
    }),
    copyOf('interpretation-a', 'interpretation-b', 32, {
      title: '第二份政策文件的解读',
      policy: { _type: 'reference', _ref: 'policy-b' },
      disclosure,
    }),
  ];
}

const policyA = () => minimalDataset().find((d) => d._id === 'policy-a') as Doc;

describe('one number, one document', () => {
  it('the fixture gives each document its own 索引号 and 发文字号', async () => {
    const path = await writeTempDataset([...minimalDataset(), ...secondPair({ docNumber: '株市监发〔2026〕9号' })]);
    await expect(readDataset(path)).resolves.toBeDefined();
  });

  it('a withheld policy with a public one’s 发文字号: refused, naming both', async () => {
    const number = policyA().docNumber as string;
    const { problems, message } = await refusal([...minimalDataset(), ...secondPair({ docNumber: number })]);
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-b', field: 'docNumber' })]);
    expect(message).toContain('policy-b');
    expect(message).toContain(`发文字号「${number}」与 policy-a（${policyA().title as string}）`);
  });

  it('one 发文字号 written with other brackets and spaces is the same number', async () => {
    const number = (policyA().docNumber as string).replace('〔', ' [').replace('〕', '] ');
    const { problems, message } = await refusal([...minimalDataset(), ...secondPair({ docNumber: number })]);
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-b', field: 'docNumber' })]);
    expect(message).toContain('policy-a');
  });

  it('two public policies with one 发文字号: refused, naming both', async () => {
    const { problems, message } = await refusal([
      ...minimalDataset(),
      ...secondPair({ docNumber: policyA().docNumber }, { mode: 'proactive' }),
    ]);
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-b', field: 'docNumber' })]);
    expect(message).toMatch(/policy-b[\s\S]*发文字号[\s\S]*policy-a/);
  });

  it('documents of different types with one 索引号: refused, naming both', async () => {
    const taken = (minimalDataset().find((d) => d._id === 'analysis-a') as Doc).indexNumber as string;
    const { problems, message } = await refusal([
      ...minimalDataset(),
      copyOf('news-a', 'news-b', 0, { indexNumber: taken, disclosure: WITHHELD }),
    ]);
    expect(problems).toEqual([expect.objectContaining({ id: 'news-b', field: 'indexNumber' })]);
    expect(message).toContain('news-b');
    expect(message).toContain(`索引号「${taken}」与 analysis-a 重复`);
  });

  it('a draft shares its own published document’s numbers', async () => {
    const draft = { ...policyA(), _id: 'drafts.policy-a', title: '修改中的政策文件' };
    const path = await writeTempDataset([...minimalDataset(), draft]);
    await expect(readDataset(path)).resolves.toBeDefined();
  });
});
