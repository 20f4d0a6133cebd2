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
    for (const hit of hits) expect(Object.keys(hit).sort()).toEqual(['section', 'title', 'url']);
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

  it('says what to do when the site has not been built', () => {
    const result = runNpm(['search', '--', '--site', '/nonexistent', '预付']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('请先运行 npm run build');
  });
});
