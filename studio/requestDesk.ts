/**
 * The 依申请公开 desk in the Studio: 全部申请, then the requests in the desk's groups (core/disclosure/requests/desk.ts:
 * 待补正, 征求第三方意见, 即将到期, 已超期, 办理中, 已办结), each in the order of what is due first, and the
 * 第四十四条 prompt when three or more applicants asked for the same information.
 *
 * GROQ cannot count working days, so — like the proactive clock's desk (deadlineDesk.ts) — the lists are
 * computed when the desk is opened, from every request as the editors see it (a draft over its published
 * version: a request being typed in counts), for today in Beijing, with the same function as
 * `npm run requests`. Each list is made of the requests themselves in that order; opening it again recomputes it.
 */
import type { SanityClient } from '@sanity/client';
import type { StructureBuilder, StructureResolverContext } from 'sanity/structure';
import { beijingDay } from '../core/beijingTime.ts';
import { SANITY_API_VERSION } from '../core/content/lakeSource.ts';
import { isDraftId, publishedId } from '../core/model/documentTypes.ts';
import { DESK_GROUPS, type DeskGroup, requestDesk } from '../core/disclosure/requests/desk.ts';
import type { RequestRecord } from '../core/disclosure/requests/record.ts';
import { type SameInformationPrompt, sameInformationPrompts } from '../core/disclosure/requests/sameInformation.ts';
import { REQUEST_DESK } from './i18n.ts';

const REQUESTS_QUERY = '*[_type == "disclosureRequest"]';

interface RequestDeskView {
  today: string;
  groups: { id: DeskGroup; title: string; ids: string[] }[];
  prompts: SameInformationPrompt[];
}

/** Drafts over their published versions, under the published id: the register as the editors see it. */
function asEditorsSee(documents: readonly RequestRecord[]): RequestRecord[] {
  const byId = new Map<string, RequestRecord>();
  for (const doc of documents) if (!isDraftId(doc._id)) byId.set(doc._id, doc);
  for (const doc of documents) if (isDraftId(doc._id)) byId.set(publishedId(doc._id), { ...doc, _id: publishedId(doc._id) });
  return [...byId.values()];
}

/** The desk's lists on `today`: each group's request ids in order, titled with their count. */
export function requestDeskView(documents: readonly RequestRecord[], today: string): RequestDeskView {
  const register = asEditorsSee(documents);
  const desk = requestDesk(register, today);
  const groups = (Object.keys(DESK_GROUPS) as DeskGroup[])
    .filter((id) => id !== 'noCalendar' || desk[id].length > 0)
    .map((id) => ({ id, title: `${DESK_GROUPS[id]}（${desk[id].length}）`, ids: desk[id].map((item) => item.id) }));
  return { today, groups, prompts: sameInformationPrompts(register) };
}

async function readRequestDeskView(client: SanityClient, now: Date = new Date()): Promise<RequestDeskView> {
  return requestDeskView(await client.fetch<RequestRecord[]>(REQUESTS_QUERY, {}, { perspective: 'raw' }), beijingDay(now));
}

/** A list of the given requests in this order (each opens the request's form). */
function requestList(S: StructureBuilder, id: string, title: string, ids: string[]) {
  return S.list()
    .id(id)
    .title(title)
    .items(ids.map((requestId) => S.documentListItem().id(requestId).schemaType('disclosureRequest')));
}

/** The desk's entry: 依申请公开, opening its lists. A calendar that cannot count today is shown as the title, never guessed. */
export function requestDeskItem(S: StructureBuilder, context: StructureResolverContext) {
  return S.listItem()
    .id('requestDesk')
    .title(REQUEST_DESK.root)
    .child(async () => {
      let view: RequestDeskView;
      try {
        view = await readRequestDeskView(context.getClient({ apiVersion: SANITY_API_VERSION }));
      } catch (error) {
        return S.list()
          .id('requestDesk')
          .title(`${REQUEST_DESK.root}：${(error as Error).message}`)
          .items([S.documentTypeListItem('disclosureRequest').title(REQUEST_DESK.all)]);
      }
      const prompt = view.prompts.length
        ? [
            S.listItem()
              .id('sameInformation')
              .title(REQUEST_DESK.prompt(view.prompts.length))
              .child(
                S.list()
                  .id('sameInformation')
                  .title(REQUEST_DESK.promptTitle)
                  .items(
                    view.prompts.map((p, index) =>
                      S.listItem()
                        .id(`same-${index}`)
                        .title(`${p.applicants} 个申请人：${p.subjects[0]}`)
                        .child(requestList(S, `same-${index}`, p.subjects.join('；'), p.requests)),
                    ),
                  ),
              ),
          ]
        : [];
      return S.list()
        .id('requestDesk')
        .title(`${REQUEST_DESK.root}（${view.today}）`)
        .items([
          S.documentTypeListItem('disclosureRequest').title(REQUEST_DESK.all),
          S.divider(),
          ...view.groups.map((group) =>
            S.listItem()
              .id(group.id)
              .title(group.title)
              .child(requestList(S, group.id, group.title, group.ids)),
          ),
          ...prompt,
        ]);
    });
}
