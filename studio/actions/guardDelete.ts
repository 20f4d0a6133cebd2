/**
 * Studio's stock 删除 on a published policy or interpretation would take one half of a pair off
 * the public site alone — an unpublish that bypasses 同步撤回 and its audit entry. It stays
 * available for documents that were never published (or were withdrawn) and is disabled,
 * with the reason, otherwise.
 */
import type { DocumentActionComponent, DocumentActionProps } from 'sanity';
import { DELETE_GUARD } from '../i18n.ts';

export function guardDelete(original: DocumentActionComponent): DocumentActionComponent {
  const GuardedDelete: DocumentActionComponent = (props: DocumentActionProps) => {
    // Called unconditionally, so the stock action's hooks run in the same order every render.
    const description = original(props);
    if (!description || !props.published) return description;
    return { ...description, disabled: true, title: DELETE_GUARD };
  };
  GuardedDelete.action = original.action;
  GuardedDelete.displayName = 'GuardedDelete';
  return GuardedDelete;
}
