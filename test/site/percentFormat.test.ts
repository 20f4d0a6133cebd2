/**
 * One way to write a percentage: a 12315 analysis's table and its own text must not say
 * 「+4%」 and 「4.0%」 for the same change. Both come from formatPercent (site/lib/format.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../core/content/dataset.ts';
import { COMPLAINT_FIGURES, type ComplaintFigure } from '../../core/model/vocabulary.ts';
import { figureRows } from '../../site/lib/complaints.ts';
import type { ComplaintAnalysis } from '../../site/lib/content.ts';
import { formatPercent } from '../../site/lib/format.ts';
import { ROOT } from '../helpers/run.ts';

describe('percentages', () => {
  it('have one decimal, and a sign when they are a change', () => {
    expect(formatPercent(4)).toBe('4.0%');
    expect(formatPercent(4, { signed: true })).toBe('+4.0%');
    expect(formatPercent(-2.54, { signed: true })).toBe('-2.5%');
    expect(formatPercent(98.25)).toBe('98.3%');
    // A change that rounds to nothing is neither up nor down.
    expect(formatPercent(-0.04, { signed: true })).toBe('0.0%');
  });

  it('the 12315 table writes a change as its text does', () => {
    const figures = { count: 104, previous: 100, lastYear: 125 };
    const analysis = { figures: { consultations: figures, complaints: figures, reports: figures } } as unknown as ComplaintAnalysis;
    const [row] = figureRows(analysis);
    expect(row!.monthOnMonth).toEqual({ text: '+4.0%（上升）', direction: 'up' });
    expect(row!.yearOnYear).toEqual({ text: '-16.8%（下降）', direction: 'down' });
  });

  it("every sample analysis's text gives each 环比 and 同比 as its table does", async () => {
    const { documents } = await readDataset(join(ROOT, 'content', 'dataset.ndjson'));
    const analyses = documents.filter((doc) => doc._type === 'complaintAnalysis' && !doc._id.startsWith('drafts.'));
    expect(analyses.length).toBeGreaterThan(0);
    let compared = 0;
    for (const doc of analyses) {
      const text = JSON.stringify(doc.body);
      const rows = figureRows(doc as unknown as ComplaintAnalysis);
      for (const row of rows) {
        const said = new RegExp(
          `${COMPLAINT_FIGURES[row.key as ComplaintFigure]}\\d+件，环比(增长|下降)([\\d.]+%)，同比(增长|下降)([\\d.]+%)`,
        ).exec(text);
        if (!said) continue;
        const [, momWord, mom, yoyWord, yoy] = said;
        expect(row.monthOnMonth.text, doc._id).toBe(`${momWord === '增长' ? '+' : '-'}${mom}（${momWord === '增长' ? '上升' : '下降'}）`);
        expect(row.yearOnYear.text, doc._id).toBe(`${yoyWord === '增长' ? '+' : '-'}${yoy}（${yoyWord === '增长' ? '上升' : '下降'}）`);
        compared++;
      }
    }
    expect(compared, 'figures said in the sample texts').toBeGreaterThan(10);
  });
});
