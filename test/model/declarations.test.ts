/**
 * The zod model is made from the declarations (core/model/types/): every declared field is in
 * its type's schemas, required exactly when declared so, with the declared allowed values,
 * bounds and messages; a field added to a declaration is in the model with nothing else to do.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { enumOf, number, shapeOf, string, type Field, type Fields } from '../../core/model/fields.ts';
import { documentSchemas, fieldShapes } from '../../core/model/schemas.ts';
import { CONTENT_DECLARATIONS } from '../../core/model/types/index.ts';
import { policy } from '../../core/model/types/policy.ts';
import { signOff } from '../../core/model/types/workflowRecords.ts';
import { VALIDITY } from '../../core/model/vocabulary.ts';
import { signOffSchema } from '../../core/model/workflowRecords.ts';
import { minimalDataset } from '../fixtures/minimalDataset.ts';

/** Every declared field with its path, down through groups of fields and list items. */
function* declaredFields(fields: Fields, path = ''): Generator<[string, Field]> {
  for (const [name, field] of Object.entries(fields)) {
    yield [`${path}${name}`, field];
    if (field.fields) yield* declaredFields(field.fields, `${path}${name}.`);
    if (field.of?.kind === 'object') yield* declaredFields(field.of.fields, `${path}${name}[].`);
  }
}

const allDeclaredFields = Object.values(CONTENT_DECLARATIONS).flatMap((declaration) =>
  [...declaredFields(declaration.fields)].map(([path, field]) => ({ path: `${declaration.name}.${path}`, field })),
);

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the zod model made from the declarations', () => {
  it('has exactly the declared fields of every content type, each optional unless declared required', () => {
    for (const [type, declaration] of Object.entries(CONTENT_DECLARATIONS)) {
      const shape = fieldShapes[type as keyof typeof fieldShapes] as Record<string, z.ZodType>;
      expect(Object.keys(shape), type).toEqual(Object.keys(declaration.fields));
      for (const [name, field] of Object.entries(declaration.fields as Fields)) {
        expect(shape[name]!.safeParse(undefined).success, `${type}.${name}`).toBe(!field.required);
      }
    }
  });

  it('refuses a published document without a required field, at that field, and keeps the document without an optional one', () => {
    const documents = minimalDataset().filter((doc) => doc._type in CONTENT_DECLARATIONS);
    expect(new Set(documents.map((doc) => doc._type)).size).toBe(Object.keys(CONTENT_DECLARATIONS).length);
    for (const doc of documents) {
      const type = doc._type as keyof typeof CONTENT_DECLARATIONS;
      const { published, draft } = documentSchemas[type];
      expect(published.safeParse(doc).success, doc._id).toBe(true);
      for (const [name, field] of Object.entries(CONTENT_DECLARATIONS[type].fields as Fields)) {
        const without = { ...doc, [name]: undefined };
        const paths = published.safeParse(without).error?.issues.map((issue) => issue.path.join('.')) ?? [];
        expect(paths, `${type}.${name}`).toEqual(field.required ? [name] : []);
        expect(draft.safeParse(without).success, `draft ${type}.${name}`).toBe(true);
      }
    }
  });

  it('accepts exactly the declared values of every field that has a list of them', () => {
    const listed = allDeclaredFields.filter(({ field }) => field.list && field.type !== 'array');
    expect(listed.map(({ path }) => path)).toContain('policy.validity');
    expect(listed.map(({ path }) => path)).toContain('complaintAnalysis.period.quarter');
    for (const { path, field } of listed) {
      for (const entry of field.list!) {
        const value = typeof entry === 'number' ? entry : entry.value;
        expect(field.schema.safeParse(value).success, `${path} = ${value}`).toBe(true);
      }
      const outside = typeof field.list![0] === 'number' ? Math.max(...(field.list as number[])) + 1 : 'not-a-value';
      expect(field.schema.safeParse(outside).success, `${path} = ${outside}`).toBe(false);
    }
  });

  it('checks the declared bounds, with the declared words', () => {
    const fields = allDeclaredFields.filter(({ field }) => field.type === 'number' && field.min !== undefined);
    expect(fields.length).toBeGreaterThan(5);
    for (const { path, field } of fields) {
      expect(field.schema.safeParse(field.min).success, path).toBe(true);
      expect(field.schema.safeParse(field.min! - 1).success, path).toBe(false);
      if (field.max !== undefined) expect(field.schema.safeParse(field.max + 1).success, path).toBe(false);
      if (field.integer) expect(field.schema.safeParse(field.min! + 0.5).success, path).toBe(false);
    }
    const { summary, indexNumber } = CONTENT_DECLARATIONS.policy.fields;
    expect(messagesOf(summary.schema, '字'.repeat(summary.maxLength! + 1))).toEqual([summary.message]);
    expect(messagesOf(indexNumber.schema, 'MB1D50237-2026-1')).toEqual([indexNumber.message]);
    const { items } = CONTENT_DECLARATIONS.inspectionPlan.fields;
    expect(messagesOf(items.schema, [])).toEqual([items.message]);
    expect(messagesOf(CONTENT_DECLARATIONS.complaintAnalysis.fields.completionRate.schema, 101)).toEqual(['应在 0–100 之间']);
  });

  it('reports a check relating two fields of a document at the declared field', () => {
    const result = minimalDataset().find((doc) => doc._type === 'inspectionResult')!;
    const backwards = { ...result, inspectedFrom: '2026-03-02', inspectedTo: '2026-03-01' };
    const issues = documentSchemas.inspectionResult.published.safeParse(backwards).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['inspectedTo', '检查结束日期 2026-03-01 早于开始日期 2026-03-02'],
    ]);
  });

  it('keeps the exact schemas a workflow record declares', () => {
    const shape = shapeOf(signOff.fields);
    expect(shape.unit.safeParse('').success).toBe(false);
    // Records are written, not typed: no trimming.
    expect(shape.unit.parse(' policy-a ')).toBe(' policy-a ');
    expect(shape.revisions.safeParse([]).success).toBe(false);
    const missing = signOffSchema.safeParse({ _id: 'signoff.x', _type: 'signOff' }).error?.issues.map((issue) => issue.path.join('.'));
    expect(missing).toEqual(
      Object.entries(signOff.fields as Fields)
        .filter(([, field]) => field.required)
        .map(([name]) => name),
    );
  });

  it('has a field added to a declaration, as declared, with nothing else to change', () => {
    const fields = {
      ...policy.fields,
      reviewedBy: string({ required: true, title: '复核人' }),
      reviewVerdict: enumOf(VALIDITY, { title: '复核结论' }),
      pages: number({ integer: true, min: 1, title: '页数' }),
    };
    const shape = shapeOf(fields);
    expect(Object.keys(shape).slice(-3)).toEqual(['reviewedBy', 'reviewVerdict', 'pages']);
    expect(shape.reviewedBy.safeParse(undefined).success).toBe(false);
    expect(messagesOf(shape.reviewedBy, '  ')).toEqual(['不能为空']);
    expect(shape.reviewVerdict.safeParse(undefined).success).toBe(true);
    expect(shape.reviewVerdict.safeParse('repealed').success).toBe(true);
    expect(shape.reviewVerdict.safeParse('unknown').success).toBe(false);
    expect(shape.pages.safeParse(0).success).toBe(false);
  });
});

describe('the generated types keep each vocabulary’s values', () => {
  it('an enum field is typed as its vocabulary’s keys, not as any string, so pages index labels safely', () => {
    // Compile-time checks (tsc runs over the tests): a field declared with a default value once
    // widened to `string`, and `VALIDITY[policy.validity]` stopped type-checking in the pages.
    expectTypeOf<z.infer<typeof fieldShapes.policy.validity>>().toEqualTypeOf<keyof typeof VALIDITY>();
    expectTypeOf<z.infer<typeof fieldShapes.policy.disclosure>['mode']>().toEqualTypeOf<'proactive' | 'onRequest' | 'withheld'>();
    expect(fieldShapes.policy.validity.options).toEqual(Object.keys(VALIDITY));
  });
});
