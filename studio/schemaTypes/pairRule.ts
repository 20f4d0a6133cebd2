/**
 * Studio validation of the policy ↔ interpretation pair, with the same rule the dataset
 * loader and the workflow apply (core/model/pairRules.ts). It reads the partner as the
 * editor sees it: its draft when there is one, otherwise the published version.
 */
import type { Reference, ValidationContext } from 'sanity';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import { publishedId } from '../../core/model/documentTypes.ts';
import { pairProblems, type InterpretationLinks, type PolicyLinks } from '../../core/model/pairRules.ts';

const PARTNER_QUERY = `coalesce(*[_id == "drafts." + $id][0], *[_id == $id][0]){_id, interpretation, policy, drafter, publisher}`;

async function fetchPartner(context: ValidationContext, id: string) {
  const client = context.getClient({ apiVersion: SANITY_API_VERSION });
  return client.fetch<(PolicyLinks & InterpretationLinks) | null>(PARTNER_QUERY, { id });
}

export async function pairRule(
  side: 'policy' | 'interpretation',
  value: Reference | undefined,
  context: ValidationContext,
): Promise<true | string> {
  const self = context.document;
  if (!self || !value?._ref) return true;
  const partner = await fetchPartner(context, value._ref);
  if (!partner) return true; // a missing target is reported by Studio's own reference check
  const selfLinks = { ...self, _id: publishedId(self._id) } as PolicyLinks & InterpretationLinks;
  const problems =
    side === 'policy'
      ? pairProblems(selfLinks, { ...partner, _id: publishedId(partner._id) })
      : pairProblems({ ...partner, _id: publishedId(partner._id) }, selfLinks);
  return problems.length === 0 ? true : problems.map((p) => p.message).join('；');
}
