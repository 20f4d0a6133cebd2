/**
 * A badge beside the document's actions naming the unit's workflow state (草稿, 待审签, …),
 * so an editor sees where the pair stands without opening the audit log; after a 退回 its
 * tooltip carries the reviewer's comment; a released or withdrawn unit says whether that is
 * online yet (goLive.ts).
 */
import type { DocumentBadgeComponent, DocumentBadgeProps } from 'sanity';
import { UNIT_STATES } from '../../core/workflow/state.ts';
import { BADGE_COLORS, BADGES } from '../i18n.ts';
import { describeError, revisionKey, type UseUnitStatus } from './deps.ts';
import type { UseGoLive } from './goLive.ts';

export function createUnitBadge(deps: { useUnitStatus: UseUnitStatus; useGoLive?: UseGoLive }): DocumentBadgeComponent {
  const UnitBadge: DocumentBadgeComponent = (props: DocumentBadgeProps) => {
    const { status, error } = deps.useUnitStatus(props.id, revisionKey(props));
    const online = deps.useGoLive?.(status);
    // A policy without its interpretation is not a unit yet: say so rather than show nothing.
    if (!status && (error as { rule?: string } | undefined)?.rule === '1-paired') {
      return { label: BADGES.unpaired, title: describeError(error), color: 'danger' };
    }
    if (!status) return null;
    const label = online ? `${UNIT_STATES[status.state]} · ${online}` : UNIT_STATES[status.state];
    // A returned unit keeps the reviewer's comment in sight while the editor works on it.
    const returned = status.last?.action === 'return' ? status.last.reason : undefined;
    const title = returned ? `${BADGES.title(label)}；${BADGES.returnComment(returned)}` : BADGES.title(label);
    return { label, title, ...(BADGE_COLORS[status.state] ? { color: BADGE_COLORS[status.state] } : {}) };
  };
  UnitBadge.displayName = 'UnitBadge';
  return UnitBadge;
}
