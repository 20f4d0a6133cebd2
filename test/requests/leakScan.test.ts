/**
 * The request register is never public: the leak scan forbids every request's names whole and its prose by
 * sentence, reads the register from the dataset, and finds a request's text planted into public output —
 * unless public text says it too (information made proactive after requests, 第四十四条).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { forbiddenPhrases, scanFields, scanForLeaks } from '../../core/build/leakScan.ts';
import { allDocumentsForScan } from '../../core/content/scanSource.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { paragraphsToBlocks } from '../../core/portableText/fromPlainText.ts';
import { answer, receive } from '../../core/disclosure/requests/transitions.ts';
import { minimalDataset, writeTempDataset } from '../fixtures/minimalDataset.ts';
import { inPerson } from './fixtures.ts';

const request = {
  _type: 'disclosureRequest',
  ...answer(
    receive(
      inPerson('2026-03-02', {
        _id: 'request-leak',
        subject: '鹿原陂冷链仓储企业名单',
        applicantName: '闵秋实',
        contact: '电话 139 0000 7788',
        description: '申请获取鹿原陂片区冷链仓储企业的名单及其备案编号。',
      }),
    ),
    { on: '2026-03-20', outcome: 'disclosed', answerText: '以电子文档提供鹿原陂片区冷链仓储企业名单一份，共十二家。' },
  ),
} as StoredDocument;

const withRequest = (): StoredDocument[] => [...minimalDataset(), request];

describe('the leak scan and the request register', () => {
  it('forbids what was asked, the applicant, the contact and every sentence of the request and its answer', () => {
    const phrases = forbiddenPhrases(withRequest().map(scanFields))
      .filter((p) => p.id === 'request-leak')
      .map((p) => p.text);
    expect(phrases.sort()).toEqual(
      [
        '鹿原陂冷链仓储企业名单',
        '闵秋实',
        '电话 139 0000 7788',
        '申请获取鹿原陂片区冷链仓储企业的名单及其备案编号',
        '以电子文档提供鹿原陂片区冷链仓储企业名单一份，共十二家',
      ].sort(),
    );
  });

  it('reads the register from the dataset for the scan', async () => {
    const dataset = await writeTempDataset(withRequest());
    const documents = await allDocumentsForScan({ CONTENT_DATASET: dataset });
    expect(documents.find((doc) => doc._id === 'request-leak')).toMatchObject({
      applicantName: '闵秋实',
      subject: '鹿原陂冷链仓储企业名单',
    });
  });

  it('finds a request planted into a page, a JSON download and a compressed search file, naming the request', async () => {
    const site = await mkdtemp(join(tmpdir(), 'request-leak-'));
    await writeFile(join(site, 'index.html'), '<p>株洲市市场监督管理局</p>');
    await writeFile(join(site, 'page.html'), '<td>申请人：闵&#31179;实</td>');
    await writeFile(join(site, 'catalog.json'), JSON.stringify({ title: '鹿原陂冷链仓储企业名单' }));
    await mkdir(join(site, 'search'));
    await writeFile(join(site, 'search', 'x.gz'), gzipSync(Buffer.from('申请获取鹿原陂片区冷链仓储企业的名单及其备案编号')));
    const { leaks } = await scanForLeaks(site, forbiddenPhrases(withRequest()));
    expect(leaks.map((leak) => `${leak.file}:${leak.id}:${leak.text}`).sort()).toEqual([
      'catalog.json:request-leak:鹿原陂冷链仓储企业名单',
      'page.html:request-leak:闵秋实',
      'search/x.gz:request-leak:申请获取鹿原陂片区冷链仓储企业的名单及其备案编号',
    ]);
  });

  it('does not forbid what the bureau has since published proactively', () => {
    const news = minimalDataset().find((doc) => doc._id === 'news-a')!;
    const published = {
      ...structuredClone(news),
      _id: 'news-cold-chain',
      title: '鹿原陂冷链仓储企业名单',
      body: paragraphsToBlocks('正文'),
    };
    const phrases = forbiddenPhrases([...withRequest(), published]).map((p) => p.text);
    expect(phrases).not.toContain('鹿原陂冷链仓储企业名单');
    expect(phrases).toContain('闵秋实');
  });
});
