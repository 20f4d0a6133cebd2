/** `npm run search` over the built test site: the interface the issue fixes, and useful answers. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublic } from '../../core/build/leakScan.ts';
import { isPublicType } from '../../core/model/documentTypes.ts';
import { runNpm } from '../helpers/run.ts';
import { TEST_SITE } from '../helpers/site.ts';

function search(...args: string[]) {
  const result = runNpm(['search', '--', '--site', TEST_SITE, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('command-line search', () => {
  it('prints [{url, title, section}] as JSON, best first, limited', () => {
    const hits = JSON.parse(search('--limit', '3', '--json', '预付式消费')) as { url: string; title: string; section: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    // Validity and the replacing policy only for documents that are not valid.
    for (const hit of hits)
      expect(
        Object.keys(hit)
          .filter((key) => key !== 'validity' && key !== 'replacedBy')
          .sort(),
      ).toEqual(['section', 'title', 'url']);
    expect(hits[0]!.title).toContain('预付式消费');
  });

  it('finds the result notice that lists an enterprise, by its credit code', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const notice = documents.find((d) => d._type === 'inspectionResult' && isPublic(d))!;
    const code = (notice.records as { creditCode: string }[])[0]!.creditCode;
    const hits = JSON.parse(search('--json', '--limit', '5', code)) as { url: string; title: string }[];
    expect(hits[0]?.title).toBe(notice.title);
  });

  it('filters by section', () => {
    const hits = JSON.parse(search('--json', '--filter', 'section=政策解读', '预付式消费')) as { section: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.section))).toEqual(new Set(['政策解读']));
  });

  it('never finds non-public documents, even by their own titles', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const hidden = documents.filter((d) => isPublicType(d._type) && !isPublic(d));
    expect(hidden.length).toBeGreaterThan(3);
    for (const doc of hidden) {
      const hits = JSON.parse(search('--json', '--limit', '50', doc.title as string)) as { title: string }[];
      expect(hits.map((h) => h.title)).not.toContain(doc.title);
    }
  });

  it('--details: the equivalent words searched as well (年报 → 年度报告), in the JSON and as the page says it', () => {
    const answer = JSON.parse(search('--json', '--details', '--limit', '5', '个体工商户年报')) as {
      alsoSearched?: string[];
      hits: { url: string }[];
      total: number;
    };
    expect(answer.alsoSearched).toContain('年度报告');
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(search('--limit', '3', '个体工商户年报')).toContain('也搜索了：年度报告');
  });

  it('a 发文字号 no document carries: says so, and lists the nearest numbers of the same issuer', () => {
    const answer = JSON.parse(search('--json', '--details', '株市监发2022年10号')) as {
      noSuchDocNumber?: string;
      nearestDocNumbers?: string[];
      hits: { url: string }[];
      total: number;
    };
    expect(answer.noSuchDocNumber).toBe('株市监发〔2022〕10号');
    expect(answer.nearestDocNumbers).toEqual([
      '株市监发〔2022〕9号',
      '株市监发〔2022〕21号',
      '株市监发〔2022〕35号',
      '株市监发〔2023〕11号',
      '株市监发〔2023〕7号',
    ]);
    expect(answer.total).toBe(answer.hits.length);
    expect(search('株市监发〔2022〕10号').split('\n')[0]).toBe(
      '没有文号为株市监发〔2022〕10号的文件。文号相近的文件：株市监发〔2022〕9号、株市监发〔2022〕21号、株市监发〔2022〕35号、株市监发〔2023〕11号、株市监发〔2023〕7号。',
    );
  });

  it('a 发文字号 that exists is the first result, whatever its written form', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const carrier = documents.find((d) => d._type === 'policy' && d.docNumber === '株市监发〔2022〕35号' && isPublic(d))!;
    const url = `/policies/${(carrier.slug as { current: string }).current}/`;
    for (const typed of ['株市监发〔2022〕35号', '株市监发[2022]35号', '株市监发2022年35号', '株市监发（２０２２）３５号']) {
      const hits = JSON.parse(search('--json', '--limit', '3', typed)) as { url: string; title: string }[];
      expect(hits[0]?.url, typed).toBe(url);
      const first = JSON.parse(search('--json', '--details', '--limit', '1', typed)) as { noSuchDocNumber?: string };
      expect(first.noSuchDocNumber).toBeUndefined();
    }
  });

  it('says what to do when the site has not been built', () => {
    const result = runNpm(['search', '--', '--site', '/nonexistent', '预付']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('请先运行 npm run build');
  });
});
