/**
 * The answer's due date across 调休, against dates worked out by hand on the State Council calendar:
 * 2025 National Day (1–8 October off; Sunday 28 September and Saturday 11 October worked), 2026 Spring
 * Festival (15–23 February off; Saturdays 14 and 28 February worked), 2026 清明 (4–6 April off).
 */
import { describe, expect, it } from 'vitest';
import { answerDueDate, correctionDeadline, receivedOn } from '../../core/disclosure/requests/deadline.ts';
import { answer, endConsultation, extend, receive, startConsultation } from '../../core/disclosure/requests/transitions.ts';
import { inPerson } from './fixtures.ts';

describe('the day a request counts as received (第三十一条)', () => {
  it('in person: the day handed in; otherwise the day signed for or confirmed', () => {
    expect(receivedOn({ channel: 'inPerson', submittedOn: '2026-02-06' })).toBe('2026-02-06');
    expect(receivedOn({ channel: 'registeredMail', submittedOn: '2026-02-06', confirmedOn: '2026-02-09' })).toBe('2026-02-09');
    expect(receivedOn({ channel: 'online', submittedOn: '2026-02-06', confirmedOn: '2026-02-10' })).toBe('2026-02-10');
  });

  it('a request by mail, internet or fax without the date it was signed for or confirmed is refused', () => {
    expect(() => receive(inPerson('2026-02-06', { channel: 'fax' }))).toThrow(/confirmedOn.*签收或确认日期/);
  });
});

describe('the due date across 调休', () => {
  it('2025 National Day: received Friday 26 September, due 30 October (the 调休 Sunday and Saturday count)', () => {
    // 28.9 (调休 Sun) 1, 29.9 2, 30.9 3, 1–8.10 off, 9.10 4, 10.10 5, 11.10 (调休 Sat) 6, 13–17.10 7–11,
    // 20–24.10 12–16, 27–30.10 17–20.
    expect(answerDueDate(receive(inPerson('2025-09-26')))).toBe('2025-10-30');
  });

  it('2026 Spring Festival: online, confirmed Monday 9 February, due 13 March; extended, 13 April (清明 skipped)', () => {
    // 10–13.2 1–4, 14.2 (调休 Sat) 5, 15–23.2 off, 24–27.2 6–9, 28.2 (调休 Sat) 10, 2–6.3 11–15, 9–13.3 16–20.
    const request = receive(inPerson('2026-02-06', { channel: 'online', confirmedOn: '2026-02-09' }));
    expect(answerDueDate(request)).toBe('2026-03-13');
    // 16–20.3 1–5, 23–27.3 6–10, 30.3–3.4 11–15, 4–6.4 off, 7–10.4 16–19, 13.4 20.
    const extended = extend(request, { on: '2026-03-12', approver: '办公室主任 张某' });
    expect(answerDueDate(extended)).toBe('2026-04-13');
  });

  it('补正 may be asked up to the 7th working day after receipt (13 October for 26 September)', () => {
    expect(correctionDeadline('2025-09-26')).toBe('2025-10-13');
  });

  it('third-party consultation: its working days are not counted, at most 15', () => {
    const request = receive(inPerson('2026-03-02'));
    expect(answerDueDate(request)).toBe('2026-03-30');
    const consulting = startConsultation(request, { on: '2026-03-10', thirdParty: '某食品有限公司' });
    // 11–13.3 and 16–17.3: 5 working days not counted; 20 + 5 after 2.3 crosses 清明 to 7 April.
    expect(answerDueDate(endConsultation(consulting, { on: '2026-03-17' }))).toBe('2026-04-07');
    // A month of waiting: only 15 working days are left out (2 March + 35 working days = 21 April).
    expect(answerDueDate(endConsultation(consulting, { on: '2026-04-10' }))).toBe('2026-04-21');
    // While it runs, the days up to today are left out.
    expect(answerDueDate(consulting, '2026-03-12')).toBe('2026-04-01');
  });

  it('a year without a published calendar is refused, never guessed', () => {
    expect(() => answerDueDate(receive(inPerson('2027-01-05')))).toThrow(/2027 年没有国务院公布的节假日安排/);
    // A request received late in 2026 has its due date in 2027: refused as well.
    expect(() => answerDueDate(receive(inPerson('2026-12-21')))).toThrow(/2027 年没有国务院公布的节假日安排/);
  });

  it('an answer after the due date is late (needs a reason), on the due date is not', () => {
    const request = receive(inPerson('2025-09-26'));
    expect(answer(request, { on: '2025-10-30', outcome: 'disclosed' }).answeredOn).toBe('2025-10-30');
    expect(() => answer(request, { on: '2025-10-31', outcome: 'disclosed' })).toThrow(/晚于答复期限 2025-10-30.*超期答复理由/);
  });
});
