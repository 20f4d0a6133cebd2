/**
 * Every step of a 政府信息公开申请: what it records when allowed, and its refusals (the wrong state, a rule
 * of 条例 broken), each naming the request and saying why in Chinese. The record refused is left as it was.
 */
import { describe, expect, it } from 'vitest';
import { answerDueDate } from '../../core/disclosure/requests/deadline.ts';
import { requestState } from '../../core/disclosure/requests/state.ts';
import {
  answer,
  askCorrection,
  corrected,
  endConsultation,
  extend,
  receive,
  RequestRuleError,
  startConsultation,
} from '../../core/disclosure/requests/transitions.ts';
import { inPerson } from './fixtures.ts';

const received = () => receive(inPerson('2025-09-26'));

describe('receive', () => {
  it('registers a complete request, open, due 20 working days later', () => {
    const request = received();
    expect(requestState(request)).toBe('open');
    expect(answerDueDate(request)).toBe('2025-10-30');
  });

  it('refuses a request without what was asked, naming the request and the field', () => {
    expect(() => receive(inPerson('2025-09-26', { description: ' ' }))).toThrow(/request-test.*description/);
  });

  it('refuses a signed-for date before the letter was sent', () => {
    expect(() => receive(inPerson('2025-09-26', { channel: 'registeredMail', confirmedOn: '2025-09-25' }))).toThrow(
      /签收或确认日期不能早于提交或送达日期/,
    );
  });
});

describe('askCorrection and corrected', () => {
  it('补正 on the 7th working day is accepted and stops the clock; the corrected request restarts it', () => {
    const asked = askCorrection(received(), { on: '2025-10-13', note: '请明确所需许可证的发证期间' });
    expect(requestState(asked)).toBe('awaitingCorrection');
    expect(answerDueDate(asked)).toBeUndefined();
    const again = corrected(asked, { on: '2025-10-20' });
    expect(requestState(again)).toBe('open');
    // 20 working days after 20 October, not after 26 September.
    expect(answerDueDate(again)).toBe('2025-11-17');
  });

  it('补正 after the 7th working day is refused', () => {
    expect(() => askCorrection(received(), { on: '2025-10-14', note: '请明确' })).toThrow(/7 个工作日内.*最晚 2025-10-13/);
  });

  it('补正 is asked once, with what to correct', () => {
    const asked = askCorrection(received(), { on: '2025-09-29', note: '请明确' });
    expect(() => askCorrection(asked, { on: '2025-09-30', note: '再补充' })).toThrow(/补正只能一次性告知/);
    expect(() => askCorrection(received(), { on: '2025-09-29', note: '' })).toThrow(/需要补正的事项/);
  });

  it('an answer is not dated before the corrected request arrived', () => {
    const again = corrected(askCorrection(received(), { on: '2025-09-29', note: '请明确' }), { on: '2025-10-20' });
    expect(() => answer(again, { on: '2025-10-17', outcome: 'disclosed' })).toThrow(/不能早于收到补正申请之日 2025-10-20/);
  });

  it('a corrected request only after 补正 was asked, and not before it', () => {
    expect(() => corrected(received(), { on: '2025-10-20' })).toThrow(/当前为「办理中」.*只有「待补正」/);
    const asked = askCorrection(received(), { on: '2025-10-09', note: '请明确' });
    expect(() => corrected(asked, { on: '2025-10-08' })).toThrow(/不能早于告知补正日期 2025-10-09/);
  });
});

describe('startConsultation and endConsultation', () => {
  it('records the third party and the dates', () => {
    const consulting = startConsultation(received(), { on: '2025-10-09', thirdParty: '某餐饮管理有限公司' });
    expect(requestState(consulting)).toBe('consulting');
    const ended = endConsultation(consulting, { on: '2025-10-15' });
    expect(requestState(ended)).toBe('open');
    // 10, 11 (调休), 13, 14, 15 October: 5 working days not counted.
    expect(answerDueDate(ended)).toBe('2025-11-06');
  });

  it('refuses a consultation without the third party, a second one, or one while 补正 is awaited', () => {
    expect(() => startConsultation(received(), { on: '2025-10-09', thirdParty: '' })).toThrow(/须写明第三方/);
    const done = endConsultation(startConsultation(received(), { on: '2025-10-09', thirdParty: '甲公司' }), { on: '2025-10-10' });
    expect(() => startConsultation(done, { on: '2025-10-13', thirdParty: '乙公司' })).toThrow(/已于 2025-10-09 征求过第三方意见/);
    const asked = askCorrection(received(), { on: '2025-09-29', note: '请明确' });
    expect(() => startConsultation(asked, { on: '2025-09-30', thirdParty: '甲公司' })).toThrow(/当前为「待补正」/);
  });

  it('refuses a consultation begun after the due date', () => {
    expect(() => startConsultation(received(), { on: '2025-10-31', thirdParty: '甲公司' })).toThrow(/须在答复期限 2025-10-30 内进行/);
  });

  it('refuses an answer dated before the consultation ended', () => {
    const ended = endConsultation(startConsultation(received(), { on: '2025-10-09', thirdParty: '甲公司' }), { on: '2025-10-20' });
    expect(() => answer(ended, { on: '2025-10-17', outcome: 'disclosed' })).toThrow(/不能早于征求意见结束日期 2025-10-20/);
  });

  it('refuses an end before the start, or without a consultation', () => {
    const consulting = startConsultation(received(), { on: '2025-10-09', thirdParty: '甲公司' });
    expect(() => endConsultation(consulting, { on: '2025-10-01' })).toThrow(/不能早于开始日期 2025-10-09/);
    expect(() => endConsultation(received(), { on: '2025-10-10' })).toThrow(/只有「征求第三方意见」/);
  });

  it('refuses an answer while the consultation runs', () => {
    const consulting = startConsultation(received(), { on: '2025-10-09', thirdParty: '甲公司' });
    expect(() => answer(consulting, { on: '2025-10-20', outcome: 'disclosed' })).toThrow(/当前为「征求第三方意见」/);
  });
});

describe('extend', () => {
  it('once, with the approver, within the original due date', () => {
    const extended = extend(received(), { on: '2025-10-30', approver: '办公室主任 张某', reason: '信息量大' });
    expect(extended.extensionApprover).toBe('办公室主任 张某');
    // 20 working days after 30 October.
    expect(answerDueDate(extended)).toBe('2025-11-27');
  });

  it('a second extension is refused', () => {
    const extended = extend(received(), { on: '2025-10-20', approver: '张某' });
    expect(() => extend(extended, { on: '2025-10-21', approver: '李某' })).toThrow(/只能延长一次/);
  });

  it('an extension without an approver, or after the original due date, is refused', () => {
    expect(() => extend(received(), { on: '2025-10-20', approver: ' ' })).toThrow(/填写批准人/);
    expect(() => extend(received(), { on: '2025-10-31', approver: '张某' })).toThrow(/须在原答复期限 2025-10-30 内决定/);
  });
});

describe('answer', () => {
  it('records the outcome and closes the request', () => {
    const answered = answer(received(), { on: '2025-10-20', outcome: 'disclosed', answerText: '见本局网站' });
    expect(requestState(answered)).toBe('answered');
    expect(() => answer(answered, { on: '2025-10-21', outcome: 'disclosed' })).toThrow(/当前为「已办结」/);
  });

  it('不予公开 and 部分公开 need a legal ground', () => {
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'withheld' })).toThrow(/不予公开须选择不予公开的理由/);
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'partlyDisclosed' })).toThrow(/部分公开须选择/);
    const withheld = answer(received(), { on: '2025-10-20', outcome: 'withheld', withholdingGround: 'thirdPartyRights' });
    expect(withheld.withholdingGround).toBe('thirdPartyRights');
  });

  it('无法提供, 不予处理 and 其他处理 need the row of 表三', () => {
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'unavailable' })).toThrow(/unavailableReason.*具体情形/);
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'notProcessed' })).toThrow(/notProcessedReason/);
    expect(answer(received(), { on: '2025-10-20', outcome: 'notProcessed', notProcessedReason: 'repeated' }).outcome).toBe('notProcessed');
  });

  it('after the due date only with a reason', () => {
    expect(() => answer(received(), { on: '2025-11-03', outcome: 'disclosed' })).toThrow(RequestRuleError);
    const late = answer(received(), { on: '2025-11-03', outcome: 'disclosed', lateReason: '档案调阅耗时' });
    expect(late.lateReason).toBe('档案调阅耗时');
  });

  it('while 补正 is awaited, only as 逾期不补正; 逾期不补正 only then; 补正后仍不明确 only after a correction', () => {
    const asked = askCorrection(received(), { on: '2025-09-29', note: '请明确' });
    expect(() => answer(asked, { on: '2025-11-03', outcome: 'disclosed' })).toThrow(/只能按「申请人无正当理由逾期不补正」/);
    expect(answer(asked, { on: '2025-11-03', outcome: 'otherHandling', otherHandlingReason: 'noCorrection' }).answeredOn).toBe(
      '2025-11-03',
    );
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'otherHandling', otherHandlingReason: 'noCorrection' })).toThrow(
      /只适用于告知补正后没有收到补正申请/,
    );
    expect(() => answer(received(), { on: '2025-10-20', outcome: 'unavailable', unavailableReason: 'stillUnclear' })).toThrow(
      /只适用于已收到补正申请/,
    );
  });

  it('an answer before the request was received is refused', () => {
    expect(() => answer(received(), { on: '2025-09-25', outcome: 'disclosed' })).toThrow(/不能早于收到申请之日 2025-09-26/);
  });

  it('a refused step leaves the record as it was', () => {
    const request = received();
    const before = structuredClone(request);
    expect(() => answer(request, { on: '2025-10-20', outcome: 'withheld' })).toThrow();
    expect(request).toEqual(before);
  });
});
