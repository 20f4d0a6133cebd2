/**
 * The fields 表二 counts a policy by: its 文件类别 is required of what editors write in the Studio while an
 * imported or older policy without it still loads; the 废止（失效）日期 belongs to a repealed or expired policy
 * and comes after its issue; the counted tables of the annual report are read-only in the Studio.
 */
import { describe, expect, it } from 'vitest';
import { documentSchemas } from '../../core/model/schemas.ts';
import { sampleDocuments } from '../../scripts/sample/build.ts';
import { schemaTypes } from '../../studio/schemaTypes/index.ts';

interface StudioField {
  name: string;
  readOnly?: unknown;
  validation?: (rule: unknown) => unknown;
}
type Custom = (value: unknown, context: { document?: Record<string, unknown> }) => unknown;

const fieldsOf = (type: string) =>
  (schemaTypes.find((candidate) => candidate.name === type) as unknown as { fields: StudioField[] }).fields;

/** The custom checks a Studio field's validation adds, in order. */
function customChecks(field: StudioField): Custom[] {
  const checks: Custom[] = [];
  const rule: Record<string, (...args: unknown[]) => unknown> = new Proxy(
    {},
    {
      get:
        (_, method) =>
        (...args: unknown[]) => {
          if (method === 'custom') checks.push(args[0] as Custom);
          return rule;
        },
    },
  );
  field.validation?.(rule);
  return checks;
}

const policy = sampleDocuments().find((doc) => doc._id === 'policy-2022-food-workshop-registration')!;

describe("a policy's kind and dates", () => {
  it('the Studio requires the kind; the model accepts an older policy without one', () => {
    const [required] = customChecks(fieldsOf('policy').find((field) => field.name === 'kind')!);
    expect(required!(undefined, { document: {} })).toBe('新建或修改时必须填写此项');
    expect(required!('normative', { document: {} })).toBe(true);
    const { kind: _kind, ...older } = policy;
    expect(documentSchemas.policy.published.safeParse(older).success).toBe(true);
    expect(documentSchemas.policy.published.safeParse({ ...policy, kind: '通知' }).success).toBe(false);
  });

  it('a repeal date only on a repealed or expired policy, never before its issue', () => {
    expect(policy.repealedAt).toBe('2025-05-01');
    expect(documentSchemas.policy.published.safeParse(policy).success).toBe(true);
    const problem = (doc: Record<string, unknown>) => documentSchemas.policy.published.safeParse(doc).error?.issues[0];
    expect(problem({ ...policy, validity: 'valid' })).toMatchObject({
      path: ['repealedAt'],
      message: '只有已废止或已失效的文件才有废止（失效）日期',
    });
    expect(problem({ ...policy, repealedAt: '2021-01-01' })).toMatchObject({
      path: ['repealedAt'],
      message: '废止（失效）日期 2021-01-01 早于制发日期 2022-08-15',
    });
  });

  it("the annual report's counted tables are read-only in the Studio; the office's figures are not", () => {
    const fields = fieldsOf('annualReport');
    const readOnly = (name: string) => fields.find((field) => field.name === name)!.readOnly;
    expect(readOnly('tableTwo')).toBe(true);
    expect(readOnly('tableThree')).toBe(true);
    expect(readOnly('licensing')).toBeFalsy();
    expect(readOnly('tableFour')).toBeFalsy();
  });
});
