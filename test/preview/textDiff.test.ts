import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../core/preview/fieldChanges.ts';
import { diffParagraphs } from '../../core/preview/textDiff.ts';

describe('paragraph diff', () => {
  it('keeps common paragraphs and marks removed and added ones in reading order', () => {
    expect(diffParagraphs(['一、总则', '第一条 旧的规定。', '第二条 不变。'], ['一、总则', '第一条 新的规定。', '第二条 不变。', '第三条 新增。'])).toEqual([
      { kind: 'same', text: '一、总则' },
      { kind: 'removed', text: '第一条 旧的规定。' },
      { kind: 'added', text: '第一条 新的规定。' },
      { kind: 'same', text: '第二条 不变。' },
      { kind: 'added', text: '第三条 新增。' },
    ]);
  });

  it('shows everything as added for a new document', () => {
    expect(diffParagraphs([], ['甲', '乙']).map((l) => l.kind)).toEqual(['added', 'added']);
  });
});

describe('metadata changes', () => {
  const nameOf = (id: string) => ({ 'dept-a': '政策法规科', 'dept-b': '办公室' })[id];
  const base = { _id: 'p', _type: 'policy', _rev: 'a', title: '旧标题', validity: 'valid', publisher: { _type: 'reference', _ref: 'dept-a' }, disclosure: { mode: 'proactive' } };

  it('lists changed fields with their labels and readable values, and nothing else', () => {
    const changes = fieldChanges(base, { ...base, _rev: 'b', title: '新标题', validity: 'repealed', publisher: { _type: 'reference', _ref: 'dept-b' } }, nameOf);
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
    expect(fieldChanges(undefined, base, nameOf).find((c) => c.field === 'title')).toEqual({ field: 'title', label: '标题', before: '（空）', after: '旧标题' });
  });
});
