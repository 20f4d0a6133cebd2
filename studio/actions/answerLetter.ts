/**
 * 「打印告知书」 on a 政府信息公开申请: opens its answer letter (core/disclosure/requests/letter.ts) as a printable page in a
 * new window — the same letter as `npm run requests -- --letter <id> --html`. Offered once the request is
 * answered; before that the button says why it is disabled.
 */
import type { DocumentActionComponent } from 'sanity';
import { publishedId } from '../../core/model/documentTypes.ts';
import { letterHtml } from '../../core/disclosure/requests/letter.ts';
import type { RequestRecord } from '../../core/disclosure/requests/record.ts';
import { REQUEST_DESK } from '../i18n.ts';

export const AnswerLetterAction: DocumentActionComponent = (props) => {
  const doc = (props.draft ?? props.published) as RequestRecord | null;
  const answered = Boolean(doc?.answeredOn && doc.outcome);
  return {
    label: REQUEST_DESK.letter,
    disabled: !answered,
    title: answered ? undefined : REQUEST_DESK.letterNeedsAnswer,
    onHandle: () => {
      if (doc && answered) {
        try {
          const html = letterHtml({ ...doc, _id: publishedId(doc._id) });
          const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
          window.open(url, '_blank', 'noopener');
        } catch (error) {
          window.alert((error as Error).message);
        }
      }
      props.onComplete();
    },
  };
};
AnswerLetterAction.displayName = 'AnswerLetterAction';
