import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../core/preview/fieldChanges.ts';
import { diffParagraphs, diffWithin } from '../../core/preview/textDiff.ts';

describe('paragraph diff', () => {
  it('keeps common paragraphs, marks the changed words of a changed paragraph and the added ones in reading order', () => {
    expect(
      diffParagraphs(
        ['一、总则', '第一条 旧的规定。', '第二条 不变。'],
        ['一、总则', '第一条 新的规定。', '第二条 不变。', '第三条 新增。'],
      ),
    ).toEqual([
      { kind: 'same', text: '一、总则' },
      {
        kind: 'changed',
        text: '第一条 新的规定。',
        before: '第一条 旧的规定。',
        parts: [
          { kind: 'same', text: '第一条 ' },
          { kind: 'removed', text: '旧' },
          { kind: 'added', text: '新' },
          { kind: 'same', text: '的规定。' },
        ],
      },
      { kind: 'same', text: '第二条 不变。' },
      { kind: 'added', text: '第三条 新增。' },
    ]);
  });

  it('shows everything as added for a new document', () => {
    expect(diffParagraphs([], ['甲', '乙']).map((l) => l.kind)).toEqual(['added', 'added']);
  });

  it('shows a clause renumbered by an inserted one as its number and the word changed in it, not as 删除 + 新增', () => {
    const before = ['（五）加强日常监管。', '（六）鼓励经营者建立先行赔付制度，及时处理消费纠纷。', '三、附则'];
    const after = [
      '（五）加强日常监管。',
      '（六）平台服务站应当配备专职食品安全管理人员。',
      '（七）应当经营者建立先行赔付制度，及时处理消费纠纷。',
      '三、附则',
    ];
    const lines = diffParagraphs(before, after);
    expect(lines.map((line) => line.kind)).toEqual(['same', 'added', 'changed', 'same']);
    expect(lines[1]).toEqual({ kind: 'added', text: '（六）平台服务站应当配备专职食品安全管理人员。' });
    const changed = lines[2]!;
    expect(changed.kind === 'changed' && changed.parts).toEqual([
      { kind: 'same', text: '（' },
      { kind: 'removed', text: '六' },
      { kind: 'added', text: '七' },
      { kind: 'same', text: '）' },
      { kind: 'removed', text: '鼓励' },
      { kind: 'added', text: '应当' },
      { kind: 'same', text: '经营者建立先行赔付制度，及时处理消费纠纷。' },
    ]);
  });

  it('keeps a paragraph replaced by an unrelated one as 删除 + 新增', () => {
    expect(diffParagraphs(['甲', '第三条 本办法自发布之日起施行。', '乙'], ['甲', '附件：申请表样式', '乙']).map((l) => l.kind)).toEqual([
      'same',
      'removed',
      'added',
      'same',
    ]);
  });

  it('reads every word of both versions from a changed paragraph', () => {
    const before = '对配送食品鼓励使用食品安全封签。';
    const after = '对配送食品应当使用食品安全封签，破损的不得继续配送。';
    const parts = diffWithin(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('folds a single unchanged character between two changes into them', () => {
    expect(diffWithin('甲鼓励的引导乙', '甲应当的落实乙')).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '鼓励的引导' },
      { kind: 'added', text: '应当的落实' },
      { kind: 'same', text: '乙' },
    ]);
  });
});

describe('metadata changes', () => {
  const nameOf = (id: string) => ({ 'dept-a': '政策法规科', 'dept-b': '办公室' })[id];
  const base = {
    _id: 'p',
    _type: 'policy',
    _rev: 'a',
    title: '旧标题',
    validity: 'valid',
    publisher: { _type: 'reference', _ref: 'dept-a' },
    disclosure: { mode: 'proactive' },
  };

  it('lists changed fields with their labels and readable values, and nothing else', () => {
    const changes = fieldChanges(
      base,
      { ...base, _rev: 'b', title: '新标题', validity: 'repealed', publisher: { _type: 'reference', _ref: 'dept-b' } },
      nameOf,
    );
    expect(changes).toEqual([
      { field: 'title', label: '标题', before: '旧标题', after: '新标题' },
      { field: 'validity', label: '有效性', before: '有效', after: '已废止' },
      { field: 'publisher', label: '发布机构', before: '政策法规科', after: '办公室' },
    ]);
  });

  it('does not count a reference that only became weak or strong as a change', () => {
    const weak = { ...base, publisher: { _type: 'reference', _ref: 'dept-a', _weak: true, _strengthenOnPublish: { type: 'department' } } };
    expect(fieldChanges(base, weak, nameOf)).toEqual([]);
  });

  it('describes a new value against an empty one', () => {
    expect(fieldChanges(undefined, base, nameOf).find((c) => c.field === 'title')).toEqual({
      field: 'title',
      label: '标题',
      before: '（空）',
      after: '旧标题',
    });
  });
});
