/**
 * A repealed policy names the policy that replaced it (`replacedBy`). The replacing policy is
 * released and withdrawn on its own: the link must never block its 同步撤回 (a strong reference
 * from a published document would), and once it is withdrawn the old policy's public page and
 * search record simply lose the link. Found when the concurrency suite withdrew every unit.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { createDatasetSource } from '../../core/content/localSource.ts';
import { policiesQuery } from '../../core/content/queries.ts';
import { DatasetStore } from '../../core/workflow/datasetStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { ROOT } from '../helpers/run.ts';
import { deterministic } from './fixtures.ts';

const OLD = 'policy-2022-prepaid-consumption';
const REPLACING = 'policy-2024-prepaid-consumption';

describe('a policy that replaced another', () => {
  it('can be withdrawn, and the repealed policy then links to nothing', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'replaced-by-')), 'dataset.ndjson');
    await copyFile(join(ROOT, DEFAULT_DATASET), path);
    const before = await createDatasetSource(await readDataset(path), 'published').fetch(policiesQuery);
    expect(before.find((p) => p._id === OLD)?.replacedBy?._id).toBe(REPLACING);

    await new Workflow(new DatasetStore(path), deterministic()).run('withdraw', REPLACING, '李审核', { reason: '测试撤回' });

    const after = await createDatasetSource(await readDataset(path), 'published').fetch(policiesQuery);
    expect(after.map((p) => p._id)).not.toContain(REPLACING);
    expect(after.find((p) => p._id === OLD)?.replacedBy ?? null).toBeNull();
  });
});
