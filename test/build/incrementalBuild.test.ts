/**
 * The publisher's incremental builds (`npm run build -- --incremental`, site/lib/renderCache.ts)
 * render only the pages whose content changed and link the rest from the served build. What the
 * public gets must not depend on it: after a release, a withdrawal, an edit of a document other
 * pages name, and a change of the site settings, the incremental build writes byte for byte the
 * files a full build of the same content writes — pages, lists, catalogue, feeds, sitemap and
 * search index — in the same folders, though it builds in the rollback build's folders.
 */
import { copyFile, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { rawEdit } from '../helpers/rawEdit.ts';
import { ROOT, runNpm } from '../helpers/run.ts';

const RELEASED = 'policy-2026-changzhutan-consumer';
const RELEASED_PAGE = 'policies/2026-changzhutan-consumer/index.html';
const WITHDRAWN = 'policy-2025-elevator-maintenance';
const WITHDRAWN_PAGES = ['policies/2025-elevator-maintenance/index.html', 'interpretations/2025-elevator-maintenance/index.html'];
/** Named by policy-2022-registration-facilitation's page as what amended it. */
const RENAMED = 'policy-2024-registered-capital';
const NAMING_PAGE = 'policies/2022-registration-facilitation/index.html';
/** Pages none of the changes touch. */
const UNTOUCHED = [
  'trademarks/2023-liling-porcelain-gi/index.html',
  '12315/2024-q2-12315/index.html',
  'policies/2023-double-random/index.html',
];

interface Built {
  rendered: number;
  reused: number;
}

function build(dataset: string, out: string, ...args: string[]): Built {
  const result = runNpm(['build', '--', '--out', out, ...args], { env: { CONTENT_DATASET: dataset }, timeout: 300_000 });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const counts = /incremental: (\d+) pages rendered, (\d+) reused/.exec(result.stdout);
  expect(counts, result.stdout).not.toBeNull();
  return { rendered: Number(counts![1]), reused: Number(counts![2]) };
}

function workflow(dataset: string, ...args: string[]) {
  const result = runNpm(['workflow', '--', ...args, '--dataset', dataset]);
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

/** Every file of a built site, by path, with its bytes; and every folder, with none (an empty folder left over is a difference too). */
async function filesOf(site: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) files.set(`${relative(site, path)}/`, Buffer.alloc(0));
    else files.set(relative(site, path), await readFile(path));
  }
  return files;
}

/** The paths whose bytes differ between two sites, and those only one has. */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([filesOf(a), filesOf(b)]);
  const differ: string[] = [];
  for (const [path, bytes] of left) if (!right.get(path)?.equals(bytes)) differ.push(path);
  for (const path of right.keys()) if (!left.has(path)) differ.push(path);
  return differ;
}

describe('incremental build', () => {
  it('writes the same files as a full build, rendering only what a release, a withdrawal and an edit touch', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'incremental-'));
    const dataset = join(directory, 'dataset.ndjson');
    await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
    const live = join(directory, 'live');
    const full = join(directory, 'full');

    const first = build(dataset, live, '--incremental');
    // Nothing served yet: every page is rendered.
    expect(first.reused).toBe(0);

    workflow(dataset, 'signoff', RELEASED, '--as', '李审核', '--confidentiality-checked');
    workflow(dataset, 'release', RELEASED, '--as', '李审核');
    workflow(dataset, 'withdraw', WITHDRAWN, '--as', '李审核', '--reason', '内容有误');
    await rawEdit(dataset, RENAMED, (doc) => (doc.title = `${doc.title}（更正）`));

    const served = await Promise.all(UNTOUCHED.map((page) => stat(join(live, page))));
    const incremental = build(dataset, live, '--incremental');
    build(dataset, full);
    expect(await differences(live, full)).toEqual([]);
    // Rendered: the pair's pages and the lists and catalogue pages it is on (their counts change);
    // a page nothing touched is the served build's very file.
    expect(incremental.rendered).toBeGreaterThan(0);
    expect(incremental.reused).toBeGreaterThan(0);
    const now = await Promise.all(UNTOUCHED.map((page) => stat(join(live, page))));
    expect(now.map((file) => file.ino)).toEqual(served.map((file) => file.ino));
    expect((await stat(join(live, RELEASED_PAGE))).nlink).toBe(1);
    // What the public sees, said plainly: the released page is there, the withdrawn ones are gone,
    // and the page that names the edited document shows its new title.
    const files = await filesOf(live);
    expect(files.has(RELEASED_PAGE)).toBe(true);
    for (const page of WITHDRAWN_PAGES) expect(files.has(page)).toBe(false);
    expect(files.get(NAMING_PAGE)!.toString()).toContain('（更正）');

    // The site settings are on every page: a change of them renders every page again.
    await rawEdit(dataset, 'siteSettings', (doc) => (doc.icpNumber = '湘ICP备05002019号'));
    const settings = build(dataset, live, '--incremental');
    expect(settings.reused).toBe(0);
    build(dataset, full);
    expect(await differences(live, full)).toEqual([]);

    // Nothing changed: nothing rendered, and still the same site.
    const again = build(dataset, live, '--incremental');
    expect(again.rendered).toBe(0);
    expect(await differences(live, full)).toEqual([]);
  }, 600_000);
});
