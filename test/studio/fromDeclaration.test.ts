/**
 * The Studio's types are made from the model's declarations (core/model/types/): each declared
 * field is a Studio field with the declared name, title, group, allowed values and rules, in the
 * declared order, and a field added to a declaration appears in the Studio and in the model alike.
 */
import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from '../../core/model/creditCode.ts';
import { enumOf, shapeOf, string, type Fields } from '../../core/model/fields.ts';
import { FIELD_LABELS } from '../../core/model/labels.ts';
import { DECLARATIONS } from '../../core/model/types/index.ts';
import { policy } from '../../core/model/types/policy.ts';
import { VALIDITY, WITHHOLDING_GROUNDS } from '../../core/model/vocabulary.ts';
import { studioType } from '../../studio/schemaTypes/fromDeclaration.ts';
import { schemaTypes } from '../../studio/schemaTypes/index.ts';

interface StudioField {
  name: string;
  title: string;
  type: string;
  group?: string;
  options?: { list?: ({ value: string } | number)[]; layout?: string };
  fields?: StudioField[];
  of?: { type: string; name?: string; fields?: StudioField[] }[];
  validation?: (rule: Rule) => Rule;
}
type Call = [string, ...unknown[]];
/** Sanity's Rule as a validation sees it: every method returns the rule. */
type Rule = Record<string, (...args: unknown[]) => Rule>;
type Custom = (value: unknown, context: { document?: Record<string, unknown> }) => unknown;

/** The calls a field's validation makes on Sanity's Rule, in order. */
function ruleOf(field: StudioField): Call[] {
  const calls: Call[] = [];
  const rule: Rule = new Proxy({} as Rule, {
    get:
      (_, method) =>
      (...args: unknown[]) => {
        calls.push([String(method), ...args]);
        return rule;
      },
  });
  field.validation?.(rule);
  return calls;
}

const customOf = (field: StudioField) => ruleOf(field).find(([method]) => method === 'custom')![1] as Custom;

const typeNamed = (name: string) =>
  schemaTypes.find((type) => type.name === name) as unknown as { fields: StudioField[]; groups?: { name: string }[] };
const fieldAt = (fields: StudioField[], path: string): StudioField =>
  path
    .split('.')
    .reduce<StudioField>((field, name) => (field.fields ?? field.of?.[0]?.fields ?? []).find((candidate) => candidate.name === name)!, {
      fields,
    } as StudioField);

/** Every declared field beside its Studio field, down through groups of fields and list items. */
function* pairs(declared: Fields, studio: StudioField[], path: string): Generator<[string, Fields[string], StudioField | undefined]> {
  for (const [name, field] of Object.entries(declared)) {
    const counterpart = studio.find((candidate) => candidate.name === name);
    yield [`${path}.${name}`, field, counterpart];
    if (field.fields) yield* pairs(field.fields, counterpart?.fields ?? [], `${path}.${name}`);
    if (field.of?.kind === 'object') yield* pairs(field.of.fields, counterpart?.of?.[0]?.fields ?? [], `${path}.${name}[]`);
  }
}

describe('the Studio types made from the declarations', () => {
  it('are one per declaration, each with the declared fields in the declared order', () => {
    expect(schemaTypes.map((type) => type.name)).toEqual(DECLARATIONS.map((declaration) => declaration.name));
    for (const declaration of DECLARATIONS) {
      expect(
        typeNamed(declaration.name).fields.map((field) => field.name),
        declaration.name,
      ).toEqual(Object.keys(declaration.fields));
    }
    expect(typeNamed('policy').groups?.map((group) => group.name)).toEqual(['content', 'metadata']);
    expect(typeNamed('department').groups).toBeUndefined();
  });

  it('give every field its declared title or its label, its group, and a required rule exactly when declared required', () => {
    for (const declaration of DECLARATIONS) {
      for (const [path, field, studio] of pairs(declaration.fields, typeNamed(declaration.name).fields, declaration.name)) {
        expect(studio, path).toBeDefined();
        const name = path.split('.').at(-1)!;
        expect(studio!.title, path).toBe(field.title ?? FIELD_LABELS[name as keyof typeof FIELD_LABELS]);
        expect(studio!.group, path).toBe(field.group);
        expect(
          ruleOf(studio!).some(([method]) => method === 'required'),
          path,
        ).toBe(field.required);
      }
    }
    expect(fieldAt(typeNamed('policy').fields, 'issuer').title).toBe('发文机关');
    expect(fieldAt(typeNamed('complaintAnalysis').fields, 'complaintCategories.name').title).toBe('类别');
  });

  it('offer the vocabulary of a field with a list of allowed values', () => {
    const validity = fieldAt(typeNamed('policy').fields, 'validity');
    expect(validity.options).toEqual({ list: Object.entries(VALIDITY).map(([value, title]) => ({ value, title })), layout: 'radio' });
    expect(fieldAt(typeNamed('complaintAnalysis').fields, 'period.quarter').options).toEqual({ list: [1, 2, 3, 4] });
  });

  it('offer the legal grounds beside the 公开属性, with 最近复核日期 read-only, both hidden for proactive information', () => {
    const ground = fieldAt(typeNamed('policy').fields, 'disclosure.ground') as StudioField & { hidden: (state: object) => boolean };
    expect(ground.title).toBe('不予主动公开的依据');
    expect(ground.options?.list).toEqual(Object.entries(WITHHOLDING_GROUNDS).map(([value, title]) => ({ value, title })));
    expect(ground.options?.list).toHaveLength(8);
    const reviewedAt = fieldAt(typeNamed('trademarkNews').fields, 'disclosure.reviewedAt') as StudioField & {
      readOnly: unknown;
      hidden: (state: object) => boolean;
    };
    expect(reviewedAt).toMatchObject({ type: 'date', title: '最近复核日期', readOnly: true });
    for (const field of [ground, reviewedAt]) {
      expect(field.hidden({ parent: { mode: 'proactive' } })).toBe(true);
      expect(field.hidden({ parent: { mode: 'onRequest' } })).toBe(false);
    }
  });

  it("run the model's checks with the model's words", () => {
    const code = fieldAt(typeNamed('department').fields, 'code');
    expect(ruleOf(code)).toEqual([['required'], ['regex', /^[0-9A-Z-]{1,18}$/], ['error', '代码只能由数字、大写字母和连字符组成']]);
    expect(ruleOf(fieldAt(typeNamed('policy').fields, 'summary'))).toEqual([
      ['max', 300],
      ['error', '内容概述不能超过 300 字'],
    ]);
    expect(ruleOf(fieldAt(typeNamed('inspectionPlan').fields, 'year'))).toEqual([['required'], ['integer'], ['min', 1990], ['max', 2100]]);

    const creditCode = customOf(fieldAt(typeNamed('inspectionResult').fields, 'records.creditCode'));
    expect(creditCode('91350100M000100Y44', {})).toBe(creditCodeProblem('91350100M000100Y44'));
    expect(creditCode(undefined, {})).toBe(true);

    const disclosure = customOf(fieldAt(typeNamed('policy').fields, 'disclosure'));
    expect(disclosure({ mode: 'withheld' }, {})).toBe('公开属性为「不予公开」时必须选择不予主动公开的依据（条例第十四至十六条）');
    expect(disclosure({ mode: 'withheld', reason: '第十四条' }, {})).toBe(
      '公开属性为「不予公开」时必须选择不予主动公开的依据（条例第十四至十六条）',
    );
    expect(disclosure({ mode: 'withheld', ground: 'stateSecret' }, {})).toBe(true);

    const inspectedTo = customOf(fieldAt(typeNamed('inspectionResult').fields, 'inspectedTo'));
    expect(inspectedTo('2026-03-01', { document: { inspectedFrom: '2026-03-02', inspectedTo: '2026-03-01' } })).toBe(
      '检查结束日期 2026-03-01 早于开始日期 2026-03-02',
    );
    expect(customOf(fieldAt(typeNamed('policy').fields, 'slug'))({ current: 'Bad Slug' }, {})).toMatch(/^网址标识只能/);
  });

  it('show a field added to a declaration in the Studio and in the model alike', () => {
    const fields = {
      ...policy.fields,
      reviewedBy: string({ required: true, title: '复核人', group: 'metadata' }),
      reviewVerdict: enumOf(VALIDITY, { title: '复核结论', group: 'metadata', layout: 'radio' }),
    };
    const studio = studioType({ ...policy, fields }) as unknown as { fields: StudioField[] };
    const [reviewedBy, reviewVerdict] = studio.fields.slice(-2);
    expect(reviewedBy).toMatchObject({ name: 'reviewedBy', title: '复核人', type: 'string', group: 'metadata' });
    expect(ruleOf(reviewedBy!)).toEqual([['required']]);
    expect(reviewVerdict).toMatchObject({ name: 'reviewVerdict', title: '复核结论', type: 'string', options: { layout: 'radio' } });
    expect(reviewVerdict!.options!.list!.map((entry) => (entry as { value: string }).value)).toEqual(Object.keys(VALIDITY));
    expect(ruleOf(reviewVerdict!)).toEqual([]);

    const shape = shapeOf(fields);
    expect(shape.reviewedBy.safeParse(undefined).success).toBe(false);
    expect(shape.reviewVerdict.safeParse(undefined).success).toBe(true);
    expect(shape.reviewVerdict.safeParse('expired').success).toBe(true);
    expect(shape.reviewVerdict.safeParse('unknown').success).toBe(false);
  });
});
