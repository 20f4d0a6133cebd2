/**
 * The Studio's 依申请公开 desk (studio/requestDesk.ts) on the sample register: the same groups as
 * `npm run requests`, in order of what is due, a request being typed in (a draft) counted as the editors see
 * it, and the 第四十四条 prompt.
 */
import { describe, expect, it } from 'vitest';
import { registerOf } from '../../core/disclosure/requests/register.ts';
import { CONTENT_DIR } from '../../scripts/sample/content.ts';
import { disclosureRequests } from '../../scripts/sample/requests.ts';
import { requestDeskView } from '../../studio/requestDesk.ts';

const register = registerOf(disclosureRequests(CONTENT_DIR));

describe('the Studio request desk', () => {
  it('lists the groups with their counts on 2026-11-30', () => {
    const view = requestDeskView(register, '2026-11-30');
    expect(view.groups.map((g) => g.title)).toEqual([
      '待补正（1）',
      '征求第三方意见（1）',
      '即将到期（1）',
      '已超期（1）',
      '办理中（1）',
      '已办结（13）',
    ]);
    expect(view.prompts.map((p) => p.requests.length)).toEqual([3]);
  });

  it('orders by due date and counts a draft over its published version', () => {
    // The clerk is recording the answer of the overdue request: the draft is what the desk shows.
    const overdue = register.find((r) => r._id === 'request-2026-price-complaints')!;
    const draft = {
      ...overdue,
      _id: 'drafts.request-2026-price-complaints',
      answeredOn: '2026-11-30',
      outcome: 'disclosed' as const,
      lateReason: '统计口径核对',
    };
    const view = requestDeskView([...register, draft], '2026-12-07');
    const ids = (id: string) => view.groups.find((g) => g.id === id)?.ids;
    expect(ids('overdue')).toEqual(['request-2026-school-canteens']);
    expect(ids('answered')?.[0]).toBe('request-2026-price-complaints');
    expect(ids('answered')).toHaveLength(14);
  });
});
