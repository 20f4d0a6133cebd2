/**
 * Builds the sample dataset `content/dataset.ndjson` (Sanity NDJSON export format): the
 * content a new user first sees, written as the 政务公开 website of 株洲市市场监督管理局
 * would publish it in 2022–2026.
 *
 *   npm run sample
 *
 * Deterministic: every run writes the same bytes. The dataset is validated with the
 * project's own loader (and the sample's own checks) before it is written, so an invalid
 * sample never replaces a valid one.
 */
import { fileURLToPath } from 'node:url';
import { parseDataset } from '../../core/content/dataset.ts';
import { writeFileAtomic } from '../../core/content/atomicWrite.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { isDraftId } from '../../core/model/documentTypes.ts';
import { ContentError } from '../../core/model/problems.ts';
import { sampleProblems } from './checks.ts';
import { complaintAnalysisDocuments, internalComplaintBriefing } from './complaints.ts';
import { departmentDocuments } from './departments.ts';
import { assignIndexNumbers, withSystemFields, type Doc } from './documents.ts';
import { inspectionPlanDocuments } from './inspectionPlans.ts';
import { inspectionResultDocuments } from './inspectionResults.ts';
import { POLICIES_2022 } from './policies2022.ts';
import { POLICIES_2023 } from './policies2023.ts';
import { POLICIES_2024 } from './policies2024.ts';
import { POLICIES_2025 } from './policies2025.ts';
import { POLICIES_2026 } from './policies2026.ts';
import { policyDraftDocuments } from './policyDrafts.ts';
import { INTERNAL_CASE_ASSIGNMENT_2025 } from './policyInternal.ts';
import { policyPair } from './policyPairs.ts';
import { trademarkNewsDocuments } from './trademarks.ts';
import { workflowHistory } from './workflowHistory.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url));

/** Every document of the sample, in the order of the file. */
export function sampleDocuments(): Doc[] {
  const policySpecs = [...POLICIES_2022, ...POLICIES_2023, ...POLICIES_2024, ...POLICIES_2025, ...POLICIES_2026, INTERNAL_CASE_ASSIGNMENT_2025]
    .sort((a, b) => a.formedAt.localeCompare(b.formedAt));
  const docs: Doc[] = [
    ...departmentDocuments(),
    ...policySpecs.flatMap((spec) => policyPair(spec)),
    ...policyDraftDocuments(),
    ...complaintAnalysisDocuments(),
    internalComplaintBriefing(),
    ...inspectionPlanDocuments(),
    ...inspectionResultDocuments(),
    ...trademarkNewsDocuments(),
  ];
  assignIndexNumbers(docs);
  const content = docs.map(withSystemFields);
  return [...content, ...workflowHistory(content)];
}

async function main(): Promise<void> {
  const docs = sampleDocuments();
  const problems = sampleProblems(docs);
  if (problems.length > 0) throw new Error(`sample dataset fails its own checks:\n  - ${problems.join('\n  - ')}`);
  const text = toNdjson(docs);
  parseDataset(text, 'sample');
  await writeFileAtomic(SAMPLE_PATH, text);

  const counts = new Map<string, [number, number]>();
  for (const doc of docs) {
    const entry = counts.get(doc._type) ?? [0, 0];
    entry[isDraftId(doc._id) ? 1 : 0]++;
    counts.set(doc._type, entry);
  }
  console.log(`wrote ${SAMPLE_PATH}: ${docs.length} documents`);
  for (const [type, [published, drafts]] of counts) console.log(`  ${type.padEnd(20)} ${published} published, ${drafts} drafts`);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof ContentError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
