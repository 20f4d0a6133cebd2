/**
 * The Studio document actions and badge, rendered with fake dependencies: each action is
 * enabled or disabled — with the reason as its tooltip — in the states an editor meets, a
 * click runs the transition as the current user and reports the outcome in a toast, and the
 * create-interpretation action links a new interpretation in one request.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps, DocumentBadgeDescription } from 'sanity';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import type { ActionName } from '../../core/workflow/availability.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';
import { WorkflowError } from '../../core/workflow/units.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { createCreateInterpretationAction, createInterpretationActions } from '../../studio/actions/createInterpretation.ts';
import type { Notice, UnitStatusResult, WorkflowActionDeps } from '../../studio/actions/deps.ts';
import { guardDelete } from '../../studio/actions/guardDelete.ts';
import { createUnitBadge } from '../../studio/actions/unitBadge.ts';
import { ThemeProvider } from '@sanity/ui';
import { buildTheme } from '@sanity/ui/theme';
import { ConfirmationDialog, type ConfirmationDialogProps } from '../../studio/actions/ConfirmationDialog.tsx';
import { confirmationDialogFor, createWorkflowActions, textDialogFor } from '../../studio/actions/workflowActions.tsx';
import { deterministic, workflowDataset } from '../workflow/fixtures.ts';

const AUTHOR = '王编辑';
const REVIEWER = '李审核';
const RETURN_COMMENT = '第二条的依据写错了，请改正';
const NAMES: ActionName[] = ['submit', 'signoff', 'return', 'release', 'withdraw'];

/** Unit statuses produced by the real workflow, by state, and the snapshots they come from. */
const statuses: Record<string, UnitStatus> = {};
const snapshots: Record<string, Snapshot> = {};

beforeAll(async () => {
  const at = async (state: string, id: string, steps: (w: Workflow) => Promise<unknown>) => {
    const store = new MemoryStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    await steps(workflow);
    statuses[state] = await workflow.status(id);
    snapshots[state] = new Snapshot(store.documents);
  };
  await at('draft', 'policy-b', async () => undefined);
  await at('submitted', 'policy-b', (w) => w.run('submit', 'policy-b', AUTHOR));
  await at('signed', 'policy-b', async (w) => {
    await w.run('submit', 'policy-b', AUTHOR);
    await w.run('signoff', 'policy-b', REVIEWER, { confidentialityChecked: true });
  });
  await at('stale', 'policy-b', async (w) => {
    await w.run('submit', 'policy-b', AUTHOR);
    await w.run('signoff', 'policy-b', REVIEWER, { confidentialityChecked: true });
    await w.edit('interpretation-b', AUTHOR, { summary: '审签后修改' });
  });
  await at('released', 'policy-a', async () => undefined);
  await at('returned', 'policy-b', async (w) => {
    await w.run('submit', 'policy-b', AUTHOR);
    await w.run('return', 'policy-b', REVIEWER, { comment: RETURN_COMMENT });
  });
  await at('returnedThenEdited', 'policy-b', async (w) => {
    await w.run('submit', 'policy-b', AUTHOR);
    await w.run('return', 'policy-b', REVIEWER, { comment: RETURN_COMMENT });
    await w.edit('interpretation-b', AUTHOR, { summary: '按意见修改' });
  });
});

interface Fakes {
  unit: UnitStatusResult;
  user: string | undefined;
  run?: WorkflowActionDeps['useRun'] extends () => infer R ? R : never;
  notices?: Notice[];
}

function fakeDeps(fakes: Fakes): WorkflowActionDeps {
  return {
    useUnitStatus: () => fakes.unit,
    useCurrentUserName: () => fakes.user,
    useRun: () => fakes.run ?? vi.fn().mockResolvedValue({ operations: [], at: '', transactionId: 't' }),
    useNotify: () => (notice) => void fakes.notices?.push(notice),
  };
}

function editState(
  id: string,
  draft: Record<string, unknown> | null = { _id: `drafts.${id}`, _rev: 'r1' },
  published: Record<string, unknown> | null = null,
) {
  return { id, type: 'policy', draft, published, onComplete: vi.fn() } as unknown as DocumentActionProps;
}

/** Renders what a component-hook returns the way the tests read it: a button with its tooltip. */
function render(
  action: DocumentActionComponent,
  props: DocumentActionProps,
): { markup: string; description: DocumentActionDescription | null } {
  let description: DocumentActionDescription | null = null;
  const Probe = () => {
    description = action(props);
    if (!description) return null;
    return createElement(
      'button',
      {
        type: 'button',
        disabled: Boolean(description.disabled),
        title: typeof description.title === 'string' ? description.title : undefined,
      },
      description.label,
    );
  };
  return { markup: renderToStaticMarkup(createElement(Probe)), description };
}

/**
 * The description after a click that opens a dialog: the click is made while the action renders,
 * so React renders the action again with the dialog open, as the Studio would.
 */
function clicked(action: DocumentActionComponent, props: DocumentActionProps): DocumentActionDescription {
  let description: DocumentActionDescription | null = null;
  let clickedOnce = false;
  const Probe = () => {
    description = action(props);
    if (!clickedOnce) {
      clickedOnce = true;
      void description?.onHandle?.();
    }
    return null;
  };
  renderToStaticMarkup(createElement(Probe));
  return description!;
}

/** The element a dialog shows, and its props (the dialog's own buttons call them). */
function dialogContent<P>(description: DocumentActionDescription): { type: unknown; props: P } {
  const dialog = description.dialog as { type: string; content: { type: unknown; props: P } };
  expect(dialog.type).toBe('dialog');
  return dialog.content;
}

function buttons(state: string, user: string | undefined, extra: Partial<Fakes> = {}) {
  const actions = createWorkflowActions(
    fakeDeps({ unit: { status: statuses[state], snapshot: snapshots[state], loading: false }, user, ...extra }),
  );
  // The document open in the desk is a member of the unit whose state is shown.
  return Object.fromEntries(NAMES.map((name) => [name, render(actions[name], editState(statuses[state]!.unit.key)).markup])) as Record<
    ActionName,
    string
  >;
}

const enabled = (markup: string) => !/ disabled=""/.test(markup);
const tooltip = (markup: string) => /title="([^"]*)"/.exec(markup)?.[1];

describe('workflow actions in Studio', () => {
  it.each([
    ['draft', AUTHOR, ['submit']],
    ['submitted', AUTHOR, []],
    ['submitted', REVIEWER, ['signoff', 'return']],
    ['signed', REVIEWER, ['return', 'release']],
    ['stale', REVIEWER, ['submit']],
    ['released', REVIEWER, ['withdraw']],
  ] as const)('in state %s, %s may use exactly %j', (state, user, allowed) => {
    const rendered = buttons(state, user);
    for (const name of NAMES) {
      expect(enabled(rendered[name]), `${name} in ${state} for ${user}: ${rendered[name]}`).toBe(
        (allowed as readonly string[]).includes(name),
      );
      // A disabled button always says why; an enabled one has no tooltip.
      expect(Boolean(tooltip(rendered[name])), rendered[name]).toBe(!enabled(rendered[name]));
    }
  });

  it('labels the buttons in Chinese', () => {
    const rendered = buttons('draft', AUTHOR);
    expect(Object.values(rendered).map((markup) => />([^<]*)<\/button>/.exec(markup)?.[1])).toEqual([
      '送审',
      '审签',
      '退回',
      '同步发布',
      '同步撤回',
    ]);
  });

  it('gives the reason as the tooltip of a disabled button', () => {
    expect(tooltip(buttons('submitted', AUTHOR).signoff)).toContain('审签须由作者以外的人进行（四眼原则）');
    expect(tooltip(buttons('stale', REVIEWER).release)).toBe(
      'policy-b 当前状态为「审签已失效」，不能执行此操作。审签后内容又被修改，审签已失效：请重新送审并审签',
    );
    expect(tooltip(buttons('submitted', REVIEWER).release)).toContain('只有已审签的内容可以发布');
    expect(tooltip(buttons('draft', AUTHOR).withdraw)).toContain('未发布，无需撤回');
  });

  it('disables everything while the state is loading, and explains a unit that cannot be formed', () => {
    const loading = createWorkflowActions(fakeDeps({ unit: { loading: true }, user: AUTHOR }));
    expect(enabled(render(loading.submit, editState('policy-b')).markup)).toBe(false);
    const unpaired = createWorkflowActions(
      fakeDeps({
        unit: {
          loading: false,
          error: new WorkflowError('1-paired', '政策文件 policy-c 没有关联的解读', '请先为此政策创建解读（两者必须互相引用）'),
        },
        user: AUTHOR,
      }),
    );
    expect(tooltip(render(unpaired.submit, editState('policy-c')).markup)).toBe(
      '政策文件 policy-c 没有关联的解读。请先为此政策创建解读（两者必须互相引用）',
    );
  });

  it('runs the transition as the current user, reports success and completes', async () => {
    const run = vi.fn().mockResolvedValue({ operations: [], at: '', transactionId: 't' });
    const notices: Notice[] = [];
    const refresh = vi.fn();
    const actions = createWorkflowActions(
      fakeDeps({ unit: { status: statuses.draft, snapshot: snapshots.draft, loading: false, refresh }, user: AUTHOR, run, notices }),
    );
    const props = editState('policy-b');
    await render(actions.submit, props).description!.onHandle!();
    await vi.waitFor(() => expect(props.onComplete).toHaveBeenCalled());
    expect(run).toHaveBeenCalledWith('submit', 'policy-b', AUTHOR, {});
    expect(notices).toEqual([{ status: 'success', title: '已送审' }]);
    expect(refresh).toHaveBeenCalled();
  });

  it('shows a refusal with its hint in an error toast', async () => {
    const run = vi
      .fn()
      .mockRejectedValue(
        new WorkflowError('3-four-eyes', '审签人 李审核 是送审人', '审签须由作者以外的人进行（四眼原则）：请另一位审核人审签'),
      );
    const notices: Notice[] = [];
    const actions = createWorkflowActions(
      fakeDeps({ unit: { status: statuses.submitted, snapshot: snapshots.submitted, loading: false }, user: REVIEWER, run, notices }),
    );
    const props = editState('policy-b');
    // 审签 opens the 保密审查 dialog; the refusal comes once the signer confirms.
    dialogContent<{ onConfirm: () => void }>(clicked(actions.signoff, props)).props.onConfirm();
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toEqual({
      status: 'error',
      title: '审签失败',
      description: '审签人 李审核 是送审人。审签须由作者以外的人进行（四眼原则）：请另一位审核人审签',
    });
  });
});

describe('unit badge', () => {
  const badge = (unit: UnitStatusResult) => {
    let description: DocumentBadgeDescription | null = null;
    const Badge = createUnitBadge({ useUnitStatus: () => unit });
    renderToStaticMarkup(
      createElement(() => {
        description = Badge(editState('policy-b') as never);
        return null;
      }),
    );
    return description as DocumentBadgeDescription | null;
  };

  it.each([
    ['draft', '草稿', undefined],
    ['submitted', '待审签', 'warning'],
    ['signed', '已审签待发布', 'primary'],
    ['stale', '审签已失效', 'danger'],
    ['released', '已发布', 'success'],
  ])('shows %s as 「%s」', (state, label, color) => {
    const description = badge({ status: statuses[state], loading: false });
    expect(description).toMatchObject({ label, title: `流程状态：${label}` });
    expect(description?.color).toBe(color);
  });

  it('keeps the reviewer’s return comment in its tooltip until the unit is sent again', () => {
    expect(badge({ status: statuses.returned!, loading: false })).toMatchObject({
      label: '已退回',
      title: `流程状态：已退回；退回意见：${RETURN_COMMENT}`,
    });
    // The editor is working on it: still in sight.
    expect(badge({ status: statuses.returnedThenEdited!, loading: false })?.title).toContain(`退回意见：${RETURN_COMMENT}`);
    expect(badge({ status: statuses.submitted!, loading: false })?.title).not.toContain('退回意见');
  });

  it('marks a policy without its interpretation, and shows nothing while loading', () => {
    expect(
      badge({ loading: false, error: new WorkflowError('1-paired', '政策文件 policy-c 没有关联的解读', '请先为此政策创建解读') }),
    ).toMatchObject({ label: '未配对', color: 'danger' });
    expect(badge({ loading: true })).toBeNull();
  });
});

describe('为此政策创建解读', () => {
  const policy = {
    _id: 'drafts.policy-c',
    _rev: 'r1',
    _type: 'policy',
    title: '关于加强电梯安全监管的通知',
    drafter: { _type: 'reference', _ref: 'dept-tzsb' },
    disclosure: { mode: 'proactive' },
    topic: '市场监管、安全生产监管\\工商',
  };

  function rendered(draft: Record<string, unknown> | null, create = vi.fn().mockResolvedValue('new-id'), open = vi.fn()) {
    const notices: Notice[] = [];
    const action = createCreateInterpretationAction({
      useCreateInterpretation: () => create,
      useOpenDocument: () => open,
      useNotify: () => (n) => void notices.push(n),
    });
    const props = editState('policy-c', draft);
    return { ...render(action, props), props, notices, create, open };
  }

  it('is disabled, with the reason, when the policy already has an interpretation or is not saved yet', () => {
    const linked = rendered({ ...policy, interpretation: { _type: 'reference', _ref: 'interpretation-c' } });
    expect(enabled(linked.markup)).toBe(false);
    expect(tooltip(linked.markup)).toContain('此政策已有关联的解读');
    expect(tooltip(rendered(null).markup)).toBe('请先保存政策文件');
    expect(rendered(policy).markup).toBe('<button type="button">为此政策创建解读</button>');
  });

  it('creates the interpretation and opens it', async () => {
    const { description, props, create, open, notices } = rendered(policy);
    await description!.onHandle!();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ _id: 'policy-c', title: policy.title }));
    expect(open).toHaveBeenCalledWith('new-id', 'interpretation');
    expect(notices[0]?.status).toBe('success');
    expect(props.onComplete).toHaveBeenCalled();
  });

  it('links both documents in one request: create the interpretation draft, edit the policy draft', () => {
    expect(createInterpretationActions(policy, 'interp-1')).toEqual([
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'interp-1',
        ifExists: 'fail',
        attributes: {
          _id: 'drafts.interp-1',
          _type: 'interpretation',
          title: '关于《关于加强电梯安全监管的通知》的解读',
          policy: { _type: 'reference', _ref: 'policy-c', _weak: true, _strengthenOnPublish: { type: 'policy' } },
          form: 'text',
          publisher: { _type: 'reference', _ref: 'dept-tzsb' },
          disclosure: { mode: 'proactive' },
          topic: policy.topic,
        },
      },
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.policy-c',
        publishedId: 'policy-c',
        patch: {
          set: { interpretation: { _type: 'reference', _ref: 'interp-1', _weak: true, _strengthenOnPublish: { type: 'interpretation' } } },
        },
      },
    ]);
  });

  it('creates documents that the pair rule accepts once written', async () => {
    // Apply the two actions the way the Content Lake would, then ask the workflow about the unit.
    const [create, edit] = createInterpretationActions(policy, 'interp-1') as unknown as [
      { attributes: StoredDocument },
      { patch: { set: Record<string, unknown> } },
    ];
    const documents: StoredDocument[] = [
      { ...(policy as unknown as StoredDocument), ...edit.patch.set },
      { ...create.attributes, _rev: 'r2' },
    ];
    const status = await new Workflow(new MemoryStore(documents)).status('policy-c');
    expect(status.unit).toEqual({ key: 'policy-c', kind: 'pair', members: ['policy-c', 'interp-1'] });
  });
});

describe('stock delete on a workflow document', () => {
  const stockDelete: DocumentActionComponent = () => ({ label: '删除', onHandle: () => undefined });
  stockDelete.action = 'delete';

  it('stays for documents never published and is disabled, with the reason, for published ones', () => {
    const guarded = guardDelete(stockDelete);
    expect(guarded.action).toBe('delete');
    expect(enabled(render(guarded, editState('policy-b')).markup)).toBe(true);
    const published = render(guarded, editState('policy-a', null, { _id: 'policy-a', _rev: 'p1' })).markup;
    expect(enabled(published)).toBe(false);
    expect(tooltip(published)).toContain('请先「同步撤回」');
  });
});

describe('a release after the due date in Studio', () => {
  // The signed fixture pair was formed on 2026-10-26: due 2026-11-23 (20 working days).
  const signed = () => ({ status: statuses.signed, snapshot: snapshots.signed, loading: false });

  it('asks for the 超期理由 instead of the plain confirmation, and runs the release with it', async () => {
    expect(textDialogFor('release', signed(), 'policy-b', new Date('2026-11-23T08:00:00Z'))).toBeUndefined();
    const dialog = textDialogFor('release', signed(), 'policy-b', new Date('2026-11-24T08:00:00Z'));
    expect(dialog).toMatchObject({ field: 'lateReason', header: '超期发布', confirm: '同步发布' });
    expect(dialog?.prompt).toContain('policy-b 应在 2026-11-23 前公开');
  });

  it('keeps the 退回 and 撤回 dialogs as they were', () => {
    expect(textDialogFor('return', signed(), 'policy-b', new Date('2026-11-24T08:00:00Z'))?.field).toBe('comment');
    expect(textDialogFor('withdraw', signed(), 'policy-b', new Date('2026-11-24T08:00:00Z'))?.field).toBe('reason');
    expect(textDialogFor('signoff', signed(), 'policy-b', new Date('2026-11-24T08:00:00Z'))).toBeUndefined();
  });
});

describe('审签 in Studio asks for the 保密审查 (先审查后公开)', () => {
  const submitted = () => ({ status: statuses.submitted, snapshot: snapshots.submitted, loading: false });

  it('opens a dialog whose confirm button stays disabled until the statement is ticked', () => {
    const actions = createWorkflowActions(fakeDeps({ unit: submitted(), user: REVIEWER }));
    const description = clicked(actions.signoff, editState('policy-b'));
    expect((description.dialog as { header: string }).header).toBe('审签：保密审查');
    const content = dialogContent<ConfirmationDialogProps>(description);
    expect(content.type).toBe(ConfirmationDialog);
    expect(content.props.prompt).toContain('policy-b、interpretation-b');
    const markup = renderToStaticMarkup(
      createElement(ThemeProvider, { theme: buildTheme() }, createElement(ConfirmationDialog, content.props)),
    );
    expect(markup).toContain('我已对拟公开的内容进行保密审查');
    expect(markup).toMatch(/type="checkbox"/);
    expect(markup).not.toMatch(/type="checkbox"[^>]*checked/);
    // The confirm button says why it is not yet available.
    expect(markup).toMatch(
      /<button[^>]*disabled=""[^>]*title="请先勾选保密审查确认"|<button[^>]*title="请先勾选保密审查确认"[^>]*disabled=""/,
    );
  });

  it('runs the sign-off with the confirmation once the signer confirms, never before', async () => {
    const run = vi.fn().mockResolvedValue({ operations: [], at: '', transactionId: 't' });
    const notices: Notice[] = [];
    const actions = createWorkflowActions(fakeDeps({ unit: submitted(), user: REVIEWER, run, notices }));
    const props = editState('policy-b');
    const content = dialogContent<ConfirmationDialogProps>(clicked(actions.signoff, props));
    expect(run).not.toHaveBeenCalled();
    content.props.onConfirm();
    await vi.waitFor(() => expect(props.onComplete).toHaveBeenCalled());
    expect(run).toHaveBeenCalledWith('signoff', 'policy-b', REVIEWER, { confidentialityChecked: true });
    expect(notices).toEqual([{ status: 'success', title: '已审签' }]);
  });

  it('is asked only by 审签', () => {
    for (const name of NAMES.filter((n) => n !== 'signoff')) expect(confirmationDialogFor(name, submitted(), 'policy-b')).toBeUndefined();
    expect(confirmationDialogFor('signoff', submitted(), 'policy-b')?.field).toBe('confidentialityChecked');
  });

  it('writes the confirmation into the 审签单 through the real workflow', async () => {
    const store = new MemoryStore(workflowDataset());
    const workflow = new Workflow(store, deterministic());
    await workflow.run('submit', 'policy-b', AUTHOR);
    const actions = createWorkflowActions(
      fakeDeps({
        unit: { status: await workflow.status('policy-b'), snapshot: await store.read(), loading: false },
        user: REVIEWER,
        run: (name, id, by, extra) => workflow.run(name, id, by, extra),
      }),
    );
    const props = editState('policy-b');
    dialogContent<ConfirmationDialogProps>(clicked(actions.signoff, props)).props.onConfirm();
    await vi.waitFor(() => expect(props.onComplete).toHaveBeenCalled());
    expect((await workflow.status('policy-b')).state).toBe('signed');
    const record = store.documents.find((doc) => doc._type === 'signOff');
    expect(record).toMatchObject({ signer: REVIEWER, decision: 'approve', confidentialityChecked: true });
  });
});
