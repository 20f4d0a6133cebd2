/**
 * Builds the sample dataset `content/dataset.ndjson` (Sanity NDJSON export format) from the
 * content files in content/sample/ (see its README): the content a new user first sees, written
 * as the 政务公开 website of 株洲市市场监督管理局 would publish it in 2022–2026.
 *
 *   npm run sample                                  # content/sample/ → content/dataset.ndjson
 *   npm run sample -- --content DIR --out FILE      # other content files, another output
 *
 * Deterministic: every run writes the same bytes. The content files are checked as they are
 * read, and the dataset is validated with the project's own loader (and the sample's own
 * checks) before it is written, atomically, so a bad content file never replaces a good dataset.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../../core/content/dataset.ts';
import { writeFileAtomic } from '../../core/content/atomicWrite.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { isDraftId } from '../../core/model/documentTypes.ts';
import { ContentError } from '../../core/model/problems.ts';
import { annualReports } from './annualReports.ts';
import { sampleProblems } from './checks.ts';
import { complaintAnalyses } from './complaints.ts';
import { CONTENT_DIR, SampleContentError } from './content.ts';
import { Departments } from './departments.ts';
import { assignIndexNumbers, withSystemFields, type Doc } from './documents.ts';
import { inspections } from './inspections.ts';
import { policies } from './policies.ts';
import { disclosureRequests } from './requests.ts';
import { proposalReplies } from './proposals.ts';
import { siteSettings } from './settings.ts';
import { trademarkNews } from './trademarks.ts';
import { workflowHistory } from './workflowHistory.ts';
import { withUnitFunctions, xxgkDocuments } from './xxgk.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url));

/** Every document of the sample, in the order of the file. */
export function sampleDocuments(directory = CONTENT_DIR): Doc[] {
  const departments = new Departments(directory);
  const pairs = policies(directory, departments);
  const docs: Doc[] = [
    ...withUnitFunctions(directory, departments, departments.documents()),
    ...pairs.documents,
    ...complaintAnalyses(directory, departments),
    ...inspections(directory, departments),
    ...trademarkNews(directory, departments),
    ...xxgkDocuments(directory, departments),
    ...proposalReplies(directory, departments),
    ...siteSettings(directory),
  ];
  // The annual reports count the sample's policies and its request register (which is never public).
  docs.push(...annualReports(directory, departments, [...docs, ...disclosureRequests(directory)]));
  assignIndexNumbers(docs);
  const content = docs.map(withSystemFields);
  // The office's registers (依申请公开 requests): never public, after the content and its records.
  return [...content, ...workflowHistory(content, pairs.submitted), ...disclosureRequests(directory)];
}

/** The sample as NDJSON, checked; throws before anything is written. */
export function sampleDataset(directory = CONTENT_DIR): { docs: Doc[]; text: string } {
  const docs = sampleDocuments(directory);
  const problems = sampleProblems(docs);
  if (problems.length > 0) throw new Error(`sample dataset fails its own checks:\n  - ${problems.join('\n  - ')}`);
  const text = toNdjson(docs);
  parseDataset(text, 'sample');
  return { docs, text };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
  const out = values.out ?? SAMPLE_PATH;
  const { docs, text } = sampleDataset(values.content ?? CONTENT_DIR);
  await writeFileAtomic(out, text);

  const counts = new Map<string, [number, number]>();
  for (const doc of docs) {
    const entry = counts.get(doc._type) ?? [0, 0];
    entry[isDraftId(doc._id) ? 1 : 0]++;
    counts.set(doc._type, entry);
  }
  console.log(`wrote ${out}: ${docs.length} documents`);
  for (const [type, [published, drafts]] of counts) console.log(`  ${type.padEnd(20)} ${published} published, ${drafts} drafts`);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    const known = error instanceof ContentError || error instanceof SampleContentError || error instanceof Error;
    console.error(known ? error.message : String(error));
    process.exit(1);
  }
}
