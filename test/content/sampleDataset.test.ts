/**
 * The bundled sample dataset is what a new user sees first: it must load through the default
 * source and hold enough realistic content to exercise every section and every rule. That it is
 * what content/sample/ produces is tested in sampleContent.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataset, DEFAULT_DATASET, type Dataset } from '../../core/content/dataset.ts';
import { contentSourceFromEnvironment } from '../../core/content/fromEnvironment.ts';
import {
  catalogQuery,
  complaintAnalysesQuery,
  inspectionPlansQuery,
  inspectionResultsQuery,
  interpretationsQuery,
  policiesQuery,
  trademarkNewsQuery,
} from '../../core/content/queries.ts';
import type { ContentSource } from '../../core/content/source.ts';
import { isDraftId, publishedId } from '../../core/model/documentTypes.ts';
import { TRADEMARK_CATEGORIES } from '../../core/model/vocabulary.ts';

let dataset: Dataset;
let published: ContentSource;
let drafts: ContentSource;

beforeAll(async () => {
  dataset = await readDataset(DEFAULT_DATASET);
  published = await contentSourceFromEnvironment('published', {});
  drafts = await contentSourceFromEnvironment('drafts', {});
});

describe('the sample dataset', () => {
  it('has at least 12 released policy + interpretation pairs across years, departments, topics and validity states', async () => {
    const policies = await published.fetch(policiesQuery);
    expect(policies.length).toBeGreaterThanOrEqual(12);
    for (const policy of policies) {
      expect(policy.interpretation, policy._id).not.toBeNull();
      expect(policy.indexNumber, policy._id).toMatch(/^MB1D50237\/\d{4}-\d{5}$/);
      expect(policy.publishedAt, policy._id).toBeTruthy();
    }
    expect(new Set(policies.map((p) => p.publishedAt!.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(policies.map((p) => p.drafter?._id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(policies.map((p) => p.topic)).size).toBeGreaterThanOrEqual(3);
    const validity = policies.map((p) => p.validity);
    expect(validity).toContain('repealed');
    expect(validity).toContain('amended');
  });

  it('releases each pair at one instant', async () => {
    const interpretations = new Map((await published.fetch(interpretationsQuery)).map((i) => [i._id, i]));
    for (const policy of await published.fetch(policiesQuery)) {
      expect(interpretations.get(policy.interpretation!._id)?.publishedAt, policy._id).toBe(policy.publishedAt);
    }
  });

  it('has at least 2 pairs in draft, one of them changed after its release', async () => {
    const draftPolicyIds = dataset.documents.filter((d) => d._type === 'policy' && isDraftId(d._id)).map((d) => publishedId(d._id));
    const draftInterpretationIds = dataset.documents
      .filter((d) => d._type === 'interpretation' && isDraftId(d._id))
      .map((d) => publishedId(d._id));
    expect(draftPolicyIds.length).toBeGreaterThanOrEqual(2);
    expect(draftInterpretationIds.length).toBeGreaterThanOrEqual(2);

    const publishedTitles = new Map((await published.fetch(policiesQuery)).map((p) => [p._id, p.title]));
    const draftView = await drafts.fetch(policiesQuery);
    const changed = draftView.filter((p) => publishedTitles.has(p._id) && publishedTitles.get(p._id) !== p.title);
    const neverReleased = draftView.filter((p) => !publishedTitles.has(p._id));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(neverReleased.length).toBeGreaterThanOrEqual(1);
    for (const policy of neverReleased) expect(policy.interpretation, policy._id).not.toBeNull();
  });

  it('has at least 8 quarterly 12315 analyses with complete figures', async () => {
    const analyses = await published.fetch(complaintAnalysesQuery);
    const quarterly = analyses.filter((a) => a.period.quarter !== undefined);
    expect(quarterly.length).toBeGreaterThanOrEqual(8);
    for (const analysis of quarterly) {
      expect(analysis.complaintCategories?.length, analysis._id).toBeGreaterThan(0);
      expect(analysis.reportCategories?.length, analysis._id).toBeGreaterThan(0);
      expect(analysis.recoveredLoss, analysis._id).toBeTypeOf('number');
      expect(analysis.completionRate, analysis._id).toBeTypeOf('number');
    }
  });

  it('has at least 2 inspection plans and 4 result notices with 200 records or more', async () => {
    expect((await published.fetch(inspectionPlansQuery)).length).toBeGreaterThanOrEqual(2);
    const results = await published.fetch(inspectionResultsQuery);
    expect(results.length).toBeGreaterThanOrEqual(4);
    const records = results.flatMap((r) => r.records);
    expect(records.length).toBeGreaterThanOrEqual(200);
    expect(new Set(records.map((r) => r.creditCode)).size).toBe(records.length);
  });

  it('has at least 10 trademark news items across the categories', async () => {
    const news = await published.fetch(trademarkNewsQuery);
    expect(news.length).toBeGreaterThanOrEqual(10);
    expect(new Set(news.map((n) => n.category)).size).toBe(Object.keys(TRADEMARK_CATEGORIES).length);
  });

  it('holds on-request and withheld documents, with reasons, that no public query returns', async () => {
    const hidden = dataset.documents.filter(
      (d) => (d.disclosure as { mode?: string } | undefined)?.mode !== undefined && (d.disclosure as { mode: string }).mode !== 'proactive',
    );
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hidden.map((d) => (d.disclosure as { mode: string }).mode))).toEqual(new Set(['onRequest', 'withheld']));
    for (const perspective of [published, drafts]) {
      const catalog = JSON.stringify(await perspective.fetch(catalogQuery));
      for (const doc of hidden) expect(catalog).not.toContain(doc.title as string);
    }
  });
});
