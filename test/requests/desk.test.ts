/**
 * The request desk on the sample register, read on Monday 30 November 2026 (the lists the Studio and
 * `npm run requests` show), and the 第四十四条 prompt for information several applicants ask for.
 */
import { describe, expect, it } from 'vitest';
import { requestDesk } from '../../core/disclosure/requests/desk.ts';
import { registerOf } from '../../core/disclosure/requests/register.ts';
import { informationKey, sameInformationPrompts } from '../../core/disclosure/requests/sameInformation.ts';
import { receive } from '../../core/disclosure/requests/transitions.ts';
import { CONTENT_DIR } from '../../scripts/sample/content.ts';
import { disclosureRequests } from '../../scripts/sample/requests.ts';
import { inPerson } from './fixtures.ts';

const register = registerOf(disclosureRequests(CONTENT_DIR));
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('the request desk on 2026-11-30', () => {
  const desk = requestDesk(register, '2026-11-30');

  it('待补正 and 征求第三方意见 list the requests waiting on someone else', () => {
    expect(ids(desk.awaitingCorrection)).toEqual(['request-2026-pharmacy-inspection']);
    expect(ids(desk.consulting)).toEqual(['request-2026-medical-device-registration']);
    // Received 10 November, consulting since 17 November: 17→30 November (9 working days) not counted.
    expect(desk.consulting[0]!.dueDate).toBe('2026-12-21');
  });

  it('即将到期: 2 working days left; 已超期: 11 working days past 13 November; the rest 办理中', () => {
    expect(desk.dueSoon).toMatchObject([{ id: 'request-2026-school-canteens', dueDate: '2026-12-02', workingDaysLeft: 2 }]);
    expect(desk.overdue).toMatchObject([{ id: 'request-2026-price-complaints', dueDate: '2026-11-13', workingDaysOverdue: 11 }]);
    expect(ids(desk.open)).toEqual(['request-2026-trademark-pledges']);
    expect(desk.noCalendar).toEqual([]);
  });

  it('已办结 newest first, the late answers marked', () => {
    expect(desk.answered).toHaveLength(13);
    expect(desk.answered[0]!.id).toBe('request-2026-elevator-maintainers-3');
    const late = desk.answered.filter((item) => item.late).map((item) => item.id);
    expect(late.sort()).toEqual(['request-2025-12315-completion', 'request-2026-restaurant-licences']);
  });

  it('a request whose due date falls in a year without a calendar is listed apart, with the reason', () => {
    const lateInYear = receive(inPerson('2026-12-21'));
    const { noCalendar } = requestDesk([lateInYear], '2026-12-22');
    expect(noCalendar).toHaveLength(1);
    expect(noCalendar[0]!.problem).toMatch(/2027 年没有国务院公布的节假日安排/);
  });
});

describe('the same information asked by several applicants (第四十四条)', () => {
  it('the key ignores framing words, punctuation, spaces, full-width digits and 年度', () => {
    const key = informationKey('2025年全市电梯维护保养单位名单');
    expect(informationKey('申请公开２０２５年度全市电梯维护保养单位名单')).toBe(key);
    expect(informationKey('关于 2025 年全市电梯维护保养单位名单的信息')).toBe(key);
    // Another year is other information.
    expect(informationKey('2024年全市电梯维护保养单位名单')).not.toBe(key);
  });

  it('the sample: three applicants asked for the 2025 elevator maintainers list', () => {
    expect(sameInformationPrompts(register)).toEqual([
      {
        key: informationKey('2025年全市电梯维护保养单位名单'),
        subjects: [
          '2025年度全市电梯维护保养单位名单',
          '申请公开2025年全市电梯维护保养单位名单',
          '关于 2025 年全市电梯维护保养单位名单的信息',
        ],
        requests: ['request-2026-elevator-maintainers-1', 'request-2026-elevator-maintainers-2', 'request-2026-elevator-maintainers-3'],
        applicants: 3,
      },
    ]);
  });

  it('one applicant asking again is a repeated request, not demand: two applicants make no prompt', () => {
    // The sample's penalty statistics were asked twice, by the same applicant.
    const penalty = register.filter((r) => r.subject?.includes('行政处罚案件数量'));
    expect(penalty).toHaveLength(2);
    expect(sameInformationPrompts(penalty)).toEqual([]);
    const third = { ...penalty[0]!, _id: 'request-other', applicantName: '另一申请人' };
    expect(sameInformationPrompts([...penalty, third])).toEqual([]);
    const fourth = { ...penalty[0]!, _id: 'request-another', applicantName: '第三位申请人' };
    expect(sameInformationPrompts([...penalty, third, fourth])[0]!.applicants).toBe(3);
  });
});
