/**
 * The 政府信息公开 section's content (content/sample/xxgk/): the guide, the rules, 机构职能 with the
 * 内设机构's 职责 (set on the department documents), 领导信息 and the 主动公开基本目录.
 */
import { z } from 'zod';
import { COMMITMENT_CATEGORIES, DISCLOSURE_CHANNELS, valuesOf } from '../../core/model/vocabulary.ts';
import { date, paragraphs, prose, readContentFile, slugKey, workingDays } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { pick, randomFor } from './random.ts';
import { portableText } from './portableText.ts';

/** The section's content was written before the sample's first release year's documents were updated. */
const CREATED = '2022-01-04T02:10:00Z';

/** What the guide and each rule carry as released documents: when formed, released how much later, and a summary. */
const released = { key: slugKey, title: z.string().min(4), formedAt: date, delay: workingDays, summary: z.string().min(10) };
const guideFile = z.strictObject({ ...released, body: prose, requestBody: prose });
const rulesFile = z.strictObject({ rules: z.array(z.strictObject({ ...released, body: prose })).min(1) });
const leadersFile = z.strictObject({
  leaders: z.array(z.strictObject({ name: z.string().min(2), post: z.string().min(2), responsibilities: z.string().min(10) })).min(1),
});

function organisationFile(departments: Departments) {
  return z.strictObject({
    title: z.string().min(4),
    updatedOn: date,
    duties: prose,
    units: z.array(z.strictObject({ department: departments.key, functions: z.string().min(10) })).min(1),
  });
}

function commitmentsFile(departments: Departments) {
  return z.strictObject({
    commitments: z
      .array(
        z.strictObject({
          category: z.enum(valuesOf(COMMITMENT_CATEGORIES)),
          item: z.string().min(2),
          scope: z.string().min(4),
          department: departments.key,
          timeLimit: z.string().min(2),
          channels: z.array(z.enum(valuesOf(DISCLOSURE_CHANNELS))).min(1),
        }),
      )
      .min(1),
  });
}

/** A day's document as last saved at 10:00 Beijing time that day. */
const savedOn = (day: string) => `${day}T02:00:00Z`;

/** The office that keeps the guide and the rules (政务公开办 is part of 办公室). */
const OFFICE = 'bgs';

/** A released disclosure document of the section: its catalogue metadata, as the sign-off and release leave it. */
function releasedDocument(type: string, id: string, entry: z.output<z.ZodObject<typeof released>>, departments: Departments): Doc {
  const release = releaseAfter(entry.formedAt, entry.delay, id);
  return {
    _id: id,
    _type: type,
    title: entry.title,
    slug: slug(entry.key),
    publisher: ref(departments.id(OFFICE)),
    topic: '综合政务\\政务公开',
    summary: entry.summary,
    formedAt: release.formedAt,
    publishedAt: release.publishedAt,
    disclosure: PROACTIVE,
    responsibleEditor: pick(randomFor(`editor:${id}`), departments.editors),
    source: departments.source(OFFICE),
  };
}

export function xxgkDocuments(directory: string, departments: Departments): Doc[] {
  const guide = readContentFile(directory, 'xxgk/guide.yaml', guideFile);
  const { rules } = readContentFile(directory, 'xxgk/rules.yaml', rulesFile);
  const organisation = readContentFile(directory, 'xxgk/organisation.yaml', organisationFile(departments));
  const { leaders } = readContentFile(directory, 'xxgk/leaders.yaml', leadersFile);
  const { commitments } = readContentFile(directory, 'xxgk/commitments.yaml', commitmentsFile(departments));
  return [
    {
      ...releasedDocument('disclosureGuide', `guide-${guide.key}`, guide, departments),
      body: portableText(paragraphs(guide.body)),
      requestBody: portableText(paragraphs(guide.requestBody)),
    },
    ...rules.map((rule, index) => ({
      ...releasedDocument('disclosureRule', `rule-${rule.key}`, rule, departments),
      order: index + 1,
      body: portableText(paragraphs(rule.body)),
    })),
    {
      _id: 'org-function',
      _type: 'orgFunction',
      _createdAt: CREATED,
      _updatedAt: savedOn(organisation.updatedOn),
      title: organisation.title,
      updatedOn: organisation.updatedOn,
      duties: portableText(paragraphs(organisation.duties)),
    },
    ...leaders.map((leader, index) => ({
      _id: `leader-${index + 1}`,
      _type: 'leader',
      _createdAt: CREATED,
      _updatedAt: savedOn(organisation.updatedOn),
      name: leader.name,
      post: leader.post,
      responsibilities: leader.responsibilities,
      order: index + 1,
    })),
    ...commitments.map((commitment, index) => ({
      _id: `commitment-${String(index + 1).padStart(3, '0')}`,
      _type: 'disclosureCommitment',
      _createdAt: CREATED,
      _updatedAt: savedOn(guide.formedAt),
      category: commitment.category,
      item: commitment.item,
      scope: commitment.scope,
      department: ref(departments.id(commitment.department)),
      timeLimit: commitment.timeLimit,
      channels: commitment.channels,
      order: index + 1,
    })),
  ];
}

/** The department documents with the 职责 and order of the 内设机构 that organisation.yaml lists. */
export function withUnitFunctions(directory: string, departments: Departments, documents: Doc[]): Doc[] {
  const { units } = readContentFile(directory, 'xxgk/organisation.yaml', organisationFile(departments));
  const byId = new Map(units.map((unit, index) => [departments.id(unit.department), { functions: unit.functions, order: index + 1 }]));
  return documents.map((doc) => ({ ...doc, ...byId.get(doc._id) }));
}
