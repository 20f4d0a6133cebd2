/** The answer letter (告知书): the decision of each outcome with its article, the steps taken, the remedies of 第五十一条. */
import { describe, expect, it } from 'vitest';
import { letterHtml, letterText } from '../../core/disclosure/requests/letter.ts';
import { answer, askCorrection, corrected, extend, receive } from '../../core/disclosure/requests/transitions.ts';
import { inPerson } from './fixtures.ts';

const received = () => receive(inPerson('2025-09-26'));

describe('the answer letter', () => {
  it('names the applicant, the request, its receipt and the bureau, dated the day of the answer', () => {
    const text = letterText(answer(received(), { on: '2025-10-20', outcome: 'disclosed', answerText: '随本告知书提供名单一份。' }));
    expect(text).toMatch(/^政府信息公开申请答复告知书\n编号：request-test\n\n测试申请人：/);
    expect(text).toContain('本机关于2025年9月26日收到您以当面提交方式提交的政府信息公开申请，申请获取「某区食品经营许可证发放情况」');
    expect(text).toContain('第三十六条的规定，本机关决定予以公开');
    expect(text).toContain('随本告知书提供名单一份。');
    expect(text).toMatch(/株洲市市场监督管理局\n2025年10月20日\n$/);
  });

  it('gives the legal ground of a refusal and its article', () => {
    const text = letterText(answer(received(), { on: '2025-10-20', outcome: 'withheld', withholdingGround: 'processInformation' }));
    expect(text).toContain('属于过程性信息（《中华人民共和国政府信息公开条例》第十六条）。本机关决定不予公开。');
  });

  it('tells the applicant about 补正 and the extension', () => {
    const asked = corrected(askCorrection(received(), { on: '2025-09-29', note: '请明确' }), { on: '2025-10-09' });
    const text = letterText(answer(extend(asked, { on: '2025-10-20', approver: '张某' }), { on: '2025-11-20', outcome: 'disclosed' }));
    expect(text).toContain('于2025年9月29日告知您补正申请，于2025年10月9日收到补正后的申请');
    expect(text).toContain('答复期限延长 20 个工作日，已于2025年10月20日告知您');
  });

  it('always states the remedies of 第五十一条', () => {
    const text = letterText(answer(received(), { on: '2025-10-20', outcome: 'notProcessed', notProcessedReason: 'petition' }));
    expect(text).toContain('属于「信访举报投诉类申请」');
    expect(text).toMatch(/投诉、举报.*60 日内依法申请行政复议.*6 个月内依法向人民法院提起行政诉讼.*第五十一条/);
  });

  it('其他处理: an unpaid fee with its basis; otherwise the words of the answer', () => {
    const unpaid = letterText(answer(received(), { on: '2025-10-20', outcome: 'otherHandling', otherHandlingReason: 'feeUnpaid' }));
    expect(unpaid).toContain('逾期未按本机关的收费通知要求缴纳费用');
    const other = answer(received(), {
      on: '2025-10-20',
      outcome: 'otherHandling',
      otherHandlingReason: 'other',
      answerText: '申请人撤回了申请。',
    });
    expect(letterText(other)).toMatch(/本机关对您的申请作如下处理：\n {4}申请人撤回了申请。/);
  });

  it('HTML escapes what the applicant wrote', () => {
    const request = receive(inPerson('2025-09-26', { applicantName: '<b>某</b>公司' }));
    const html = letterHtml(answer(request, { on: '2025-10-20', outcome: 'disclosed' }));
    expect(html).toContain('<p>&lt;b&gt;某&lt;/b&gt;公司：</p>');
    expect(html).not.toContain('<b>某</b>');
  });

  it('is refused for a request not yet answered', () => {
    expect(() => letterText(received())).toThrow(/request-test 尚未答复/);
  });
});
