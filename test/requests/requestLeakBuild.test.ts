import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { receive } from '../../core/disclosure/requests/transitions.ts';
import { buildDataset as buildWith, minimalDataset } from '../fixtures/minimalDataset.ts';
import { inPerson } from './fixtures.ts';

const request = {
  _type: 'disclosureRequest',
  ...receive(inPerson('2026-03-02', { _id: 'request-planted', applicantName: '闵秋实', contact: '电话 139 0000 7788' })),
} as StoredDocument;

describe('a request planted into a public page', () => {
  it('fails the build, naming the request and what leaked', async () => {
    const docs = [...minimalDataset(), request];
    const department = docs.find((doc) => doc._id === 'dept-zcfg')!;
    department.name = '政策法规科（申请人闵秋实，电话 139 0000 7788）';
    const { status, output, previous } = await buildWith(docs);
    expect(status, output).not.toBe(0);
    expect(output).toContain('公开输出中出现了草稿或非主动公开信息');
    expect(output).toMatch(/文档 request-planted 的「闵秋实」/);
    expect(output).toMatch(/文档 request-planted 的「电话 139 0000 7788」/);
    expect(previous).toBe('previous build');
  });
});
