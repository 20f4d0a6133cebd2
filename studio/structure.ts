/**
 * Desk structure: first the workflow's to-do lists (what waits for 审签, what waits for 发布,
 * what is public, what was withdrawn), then one list per section in the order editors work
 * through them, then the workflow's read-only records.
 */
import type { StructureBuilder, StructureResolver, StructureResolverContext } from 'sanity/structure';
import { SANITY_API_VERSION } from '../core/content/lakeSource.ts';
import { PUBLIC_TYPES, type ContentType, type RecordType } from '../core/model/documentTypes.ts';
import { DEADLINE_LIST_FILTER, readDeadlineDesk, type DeadlineListId } from './deadlineDesk.ts';
import { STRUCTURE } from './i18n.ts';
import { requestDeskItem } from './requestDesk.ts';
import { SITE_SETTINGS_ID } from '../core/bureau/settings.ts';

const SECTIONS: ContentType[] = [
  'policy',
  'interpretation',
  'complaintAnalysis',
  'inspectionPlan',
  'inspectionResult',
  'trademarkNews',
  'annualReport',
  'proposalReply',
  'department',
  'disclosureGuide',
  'disclosureRule',
  'orgFunction',
  'leader',
  'disclosureCommitment',
];
const RECORDS: RecordType[] = ['signOff', 'workflowAudit', 'siteDeployment'];
export const WORKFLOW_TYPES = Object.keys(PUBLIC_TYPES);

/**
 * The audit entries of the listed document's unit. A unit is keyed by the policy (or the single
 * document); an interpretation finds it through its `policy` reference. `_id` is the published
 * id in Studio's drafts perspective and may be the draft id in the raw one: both match.
 *
 * Entries are picked by their id (`audit.<unit>.<seq>`, core/workflow/transitions.ts), never by
 * a `_type == "…"` test: the Studio reads a list's document type from the first such test in its
 * filter text (getTypeNamesFromFilter), took `workflowAudit` from this subquery, and opened every
 * policy listed in 待审签 as an empty 审计记录 form.
 */
const UNIT_AUDIT = `*[_id in path("audit.**") && (unit == ^._id || "drafts." + unit == ^._id || unit == ^.policy._ref)]`;
/** The action of the unit's latest audit entry (an approximation of the derived state: a later edit is not seen). */
const LAST_ACTION = `(${UNIT_AUDIT} | order(seq desc))[0].action`;
/** The latest release or withdrawal: whether what was once published is still public. */
const LAST_RELEASE_OR_WITHDRAWAL = `(${UNIT_AUDIT}[action in ["release", "withdraw"]] | order(seq desc))[0].action`;

/** GROQ filters of the workflow lists; `$types` are the public types. */
export const WORKFLOW_LISTS = [
  { id: 'pending', title: STRUCTURE.pending, filter: `_type in $types && ${LAST_ACTION} == "submit"` },
  { id: 'signed', title: STRUCTURE.signed, filter: `_type in $types && ${LAST_ACTION} == "signoff"` },
  // Released by the workflow, or imported as published (no release in the log, but 发布日期 set).
  {
    id: 'released',
    title: STRUCTURE.released,
    filter: `_type in $types && defined(publishedAt) && !(${LAST_RELEASE_OR_WITHDRAWAL} == "withdraw")`,
  },
  { id: 'withdrawn', title: STRUCTURE.withdrawn, filter: `_type in $types && ${LAST_ACTION} == "withdraw"` },
] as const;

function workflowList(S: StructureBuilder, list: (typeof WORKFLOW_LISTS)[number]) {
  return S.listItem()
    .id(list.id)
    .title(list.title)
    .child(
      S.documentList()
        .id(list.id)
        .title(list.title)
        .apiVersion(SANITY_API_VERSION)
        .filter(list.filter)
        .params({ types: WORKFLOW_TYPES })
        // A to-do list of several types: nothing is created here.
        .initialValueTemplates([])
        .defaultOrdering([{ field: '_updatedAt', direction: 'desc' }]),
    );
}

/**
 * 即将到期 and 已超期 (20 working days from 生成日期): computed when opened, since GROQ cannot
 * count working days (studio/deadlineDesk.ts). A calendar that cannot count today is shown as
 * the list's title rather than guessed.
 */
function deadlineList(S: StructureBuilder, context: StructureResolverContext, id: DeadlineListId) {
  const title = STRUCTURE[id];
  return S.listItem()
    .id(id)
    .title(title)
    .child(async () => {
      let ids: string[] = [];
      let heading = title;
      try {
        const desk = await readDeadlineDesk(context.getClient({ apiVersion: SANITY_API_VERSION }), id);
        ids = desk.ids;
        if (desk.awaitingLive > 0) heading = STRUCTURE.awaitingLive(title, desk.awaitingLive);
      } catch (error) {
        heading = `${title}：${(error as Error).message}`;
      }
      return S.documentList()
        .id(id)
        .title(heading)
        .apiVersion(SANITY_API_VERSION)
        .filter(DEADLINE_LIST_FILTER)
        .params({ ids })
        .initialValueTemplates([]);
    });
}

/** Records are written only by the workflow: listed and opened, never created here. */
function recordList(S: StructureBuilder, type: RecordType) {
  return S.listItem()
    .id(type)
    .title(STRUCTURE[type])
    .schemaType(type)
    .child(
      S.documentTypeList(type)
        .title(STRUCTURE[type])
        .initialValueTemplates([])
        .menuItems(S.orderingMenuItemsForType(type))
        .canHandleIntent((intent) => intent === 'edit'),
    );
}

export const structure: StructureResolver = (S, context) =>
  S.list()
    // Every list needs an id: without one the desk shows only "`id` is required for lists".
    .id('root')
    .title(STRUCTURE.root)
    .items([
      ...WORKFLOW_LISTS.map((list) => workflowList(S, list)),
      deadlineList(S, context, 'dueSoon'),
      deadlineList(S, context, 'overdue'),
      deadlineList(S, context, 'reviewDueSoon'),
      deadlineList(S, context, 'reviewOverdue'),
      requestDeskItem(S, context),
      S.divider(),
      ...SECTIONS.map((type) => S.documentTypeListItem(type).title(STRUCTURE.sections[type as keyof typeof STRUCTURE.sections])),
      // 网站设置 is one document with a fixed id: opened directly, never listed or created anew.
      S.listItem()
        .id(SITE_SETTINGS_ID)
        .title(STRUCTURE.siteSettings)
        .schemaType('siteSettings')
        .child(S.document().schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title(STRUCTURE.siteSettings)),
      S.divider(),
      ...RECORDS.map((type) => recordList(S, type)),
    ]);
