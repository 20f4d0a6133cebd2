/**
 * The Studio's 公开属性复核 action, rendered with fake dependencies: shown only on information that
 * is not proactive, enabled when the review would be recorded (with the rule's refusal as the
 * reason otherwise), and a click asks for the conclusion before the review is recorded as the
 * current user — through the real workflow, the document keeps its state.
 */
import { ThemeProvider } from '@sanity/ui';
import { buildTheme } from '@sanity/ui/theme';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity';
import { describe, expect, it, vi } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import type { Notice, UnitStatusResult } from '../../studio/actions/deps.ts';
import { ReviewDialog, type ReviewDialogProps } from '../../studio/actions/ReviewDialog.tsx';
import { createReviewAction, type RecordReview } from '../../studio/actions/reviewAction.tsx';
import { workflowDataset } from '../workflow/fixtures.ts';

const REVIEWER = '张科长';
const WITHHELD = { mode: 'withheld', ground: 'internalAffairs', reason: '局内部工作安排' };

/** The fixture with news-a 不予公开 (published, formed 2026-03-02, never reviewed). */
function dataset(): StoredDocument[] {
  return workflowDataset().map((doc) => (doc._id === 'news-a' ? { ...doc, disclosure: { ...WITHHELD } } : doc));
}

function setup() {
  const store = new MemoryStore(dataset());
  let minute = 0;
  const workflow = new Workflow(store, { now: () => new Date(Date.UTC(2027, 2, 5, 2, minute++)) });
  return { store, workflow };
}

async function unitOf(workflow: Workflow, store: MemoryStore, id: string): Promise<UnitStatusResult> {
  return { status: await workflow.status(id), snapshot: await store.read(), loading: false };
}

function props(doc: StoredDocument | undefined): DocumentActionProps {
  return { id: doc!._id, type: doc!._type, draft: null, published: doc, onComplete: vi.fn() } as unknown as DocumentActionProps;
}

/** The action's description; `click` makes the click while it renders, so React renders it again with the dialog open. */
function render(action: DocumentActionComponent, actionProps: DocumentActionProps, click = false): DocumentActionDescription | null {
  let description: DocumentActionDescription | null = null;
  let clicked = false;
  const Probe = () => {
    description = action(actionProps);
    if (click && !clicked) {
      clicked = true;
      void description?.onHandle?.();
    }
    return null;
  };
  renderToStaticMarkup(createElement(Probe));
  return description;
}

function action(unit: UnitStatusResult, review: RecordReview = vi.fn(), notices: Notice[] = []) {
  return createReviewAction({
    useUnitStatus: () => unit,
    useCurrentUserName: () => REVIEWER,
    useReview: () => review,
    useNotify: () => (notice) => void notices.push(notice),
  });
}

describe('公开属性复核 in Studio', () => {
  it('is not shown on proactive information', async () => {
    const { store, workflow } = setup();
    const snapshot = await store.read();
    expect(render(action(await unitOf(workflow, store, 'policy-a')), props(snapshot.published('policy-a')))).toBeNull();
  });

  it('is offered on 不予公开 information, and disabled with the rule’s reason while it waits for sign-off', async () => {
    const { store, workflow } = setup();
    const offered = render(action(await unitOf(workflow, store, 'news-a')), props((await store.read()).published('news-a')));
    expect(offered).toMatchObject({ label: '公开属性复核', disabled: false, title: undefined });

    await workflow.edit('news-a', '王编辑', { summary: '补充说明' });
    await workflow.run('submit', 'news-a', '王编辑');
    const waiting = render(action(await unitOf(workflow, store, 'news-a')), props((await store.read()).current('news-a')));
    expect(waiting?.disabled).toBe(true);
    expect(waiting?.title).toContain('当前状态为「待审签」');
  });

  it('asks for the conclusion, says when the review is due, and records it as the current user', async () => {
    const { store, workflow } = setup();
    const review = vi.fn<RecordReview>().mockResolvedValue({ operations: [], at: '', transactionId: 't' });
    const notices: Notice[] = [];
    const actionProps = props((await store.read()).published('news-a'));
    const description = render(action(await unitOf(workflow, store, 'news-a'), review, notices), actionProps, true)!;
    const dialog = description.dialog as { type: string; header: string; content: { type: unknown; props: ReviewDialogProps } };
    expect(dialog).toMatchObject({ type: 'dialog', header: '公开属性年度复核' });
    expect(dialog.content.type).toBe(ReviewDialog);
    expect(dialog.content.props.prompt).toContain('当前公开属性：不予公开。从未复核（生成日期 2026-03-02），应于 2027-03-02 前复核');
    expect(review).not.toHaveBeenCalled();
    const markup = renderToStaticMarkup(
      createElement(ThemeProvider, { theme: buildTheme() }, createElement(ReviewDialog, dialog.content.props)),
    );
    expect(markup).toContain('维持现公开属性');
    expect(markup).toContain('可转为主动公开');
    expect(markup.match(/type="radio"/g)).toHaveLength(2);

    dialog.content.props.onConfirm('proactive', '已无保密必要');
    await vi.waitFor(() => expect(actionProps.onComplete).toHaveBeenCalled());
    expect(review).toHaveBeenCalledWith('news-a', REVIEWER, { outcome: 'proactive', comment: '已无保密必要' });
    expect(notices).toEqual([{ status: 'success', title: '已记录复核', description: '请将公开属性改为「主动公开」后送审、审签、发布' }]);
  });

  it('records the review through the real workflow: today’s date on the document, still released', async () => {
    const { store, workflow } = setup();
    const actionProps = props((await store.read()).published('news-a'));
    const real: RecordReview = (id, by, extra) => workflow.review(id, by, extra);
    const description = render(action(await unitOf(workflow, store, 'news-a'), real), actionProps, true)!;
    (description.dialog as { content: { props: ReviewDialogProps } }).content.props.onConfirm('keep', '');
    await vi.waitFor(() => expect(actionProps.onComplete).toHaveBeenCalled());
    expect((await store.read()).published('news-a')!.disclosure).toEqual({ ...WITHHELD, reviewedAt: '2027-03-05' });
    expect((await workflow.status('news-a')).state).toBe('released');
  });
});
