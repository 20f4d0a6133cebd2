/**
 * 「预览」: opens the document's page on the reviewers' draft preview (npm run preview), so an
 * editor or reviewer sees it exactly as it will be released. The preview site's address comes
 * from SANITY_STUDIO_PREVIEW_URL (default: the local preview server).
 */
import type { DocumentActionComponent } from 'sanity';
import { previewUrl } from '../../core/sections.ts';
import { PREVIEW_LABELS } from '../i18n.ts';
import { studioProject } from '../studioProject.ts';

const PREVIEW_BASE_URL = studioProject.previewUrl;

export const PreviewLinkAction: DocumentActionComponent = (props) => {
  const doc = (props.draft ?? props.published) as { _type: string; slug?: { current?: string } } | null;
  const url = doc ? previewUrl(PREVIEW_BASE_URL, doc) : null;
  return {
    label: PREVIEW_LABELS.label,
    disabled: url === null,
    title: url === null ? PREVIEW_LABELS.needsSlug : url,
    onHandle: () => {
      if (url) window.open(url, '_blank', 'noopener');
      props.onComplete();
    },
  };
};
PreviewLinkAction.displayName = 'PreviewLinkAction';
