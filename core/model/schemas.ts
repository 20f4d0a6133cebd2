/**
 * The content model as zod schemas: everything the site and the scripts read is validated here.
 *
 * Each type is declared once, in core/model/types/ (in the words of fields.ts); the Studio's
 * fields are made from the same declarations (studio/schemaTypes/fromDeclaration.ts), and
 * test/model/declarations.test.ts proves that both carry every declared field alike.
 *
 * From each declaration come two schemas:
 * - `published`: every required field must be present (what the public build reads);
 * - `draft`: every field optional but still type-checked, because a draft in Sanity is
 *   allowed to be incomplete while an editor is still writing it.
 */
import { z } from 'zod';
import type { ContentType } from './documentTypes.ts';
import { shapeOf, type Fields, type ShapeOf, type TypeDeclaration } from './fields.ts';
import { CONTENT_DECLARATIONS } from './types/index.ts';

export { calendarDate, dateTime, reference, slug, type PortableTextBlock } from './values.ts';

/** Sanity's own fields, present on every stored document. */
export const systemFields = {
  _id: z.string().min(1),
  _rev: z.string().optional(),
  _createdAt: z.string().optional(),
  _updatedAt: z.string().optional(),
};

type Shapes<D> = { [T in keyof D]: D[T] extends TypeDeclaration<string, infer F extends Fields> ? ShapeOf<F> : never };

function shapesOf<D extends Record<string, TypeDeclaration>>(declarations: D): Shapes<D> {
  return Object.fromEntries(Object.entries(declarations).map(([type, declaration]) => [type, shapeOf(declaration.fields)])) as Shapes<D>;
}

/** Field shape of each content type, keyed by `_type`. */
export const fieldShapes = shapesOf(CONTENT_DECLARATIONS) satisfies Record<ContentType, Record<string, z.ZodType>>;

/** 公开属性, as every public type carries it. */
export const disclosure = fieldShapes.policy.disclosure;

/** System fields, `_type` and the type's own fields: the shape query results extend. */
export function documentShape<T extends ContentType>(type: T) {
  return { ...systemFields, _type: z.literal(type), ...fieldShapes[type] };
}

/** Adds the rules that relate two fields of one document of `type` (its fields' `documentCheck`). */
export function withCrossFieldChecks<S extends z.ZodType<Record<string, unknown>>>(type: ContentType, schema: S): S {
  const fields: Fields = CONTENT_DECLARATIONS[type].fields;
  const checks = Object.entries(fields).flatMap(([field, { documentCheck }]) => (documentCheck ? [{ field, documentCheck }] : []));
  if (checks.length === 0) return schema;
  return schema.superRefine((doc, ctx) => {
    for (const { field, documentCheck } of checks) {
      const message = documentCheck(doc);
      if (message) ctx.addIssue({ code: 'custom', path: [field], message });
    }
  }) as unknown as S;
}

function schemasFor<T extends ContentType>(type: T) {
  const shape = documentShape(type);
  const optionalFields = Object.fromEntries(
    Object.entries(fieldShapes[type] as Record<string, z.ZodType>).map(([name, schema]) => [name, schema.optional()]),
  );
  return {
    published: withCrossFieldChecks(type, z.looseObject(shape)),
    draft: withCrossFieldChecks(type, z.looseObject({ ...shape, ...optionalFields })),
  };
}

/** Published (complete) and draft (possibly incomplete) schema of every content type. */
export const documentSchemas = {
  department: schemasFor('department'),
  disclosureGuide: schemasFor('disclosureGuide'),
  disclosureRule: schemasFor('disclosureRule'),
  orgFunction: schemasFor('orgFunction'),
  leader: schemasFor('leader'),
  disclosureCommitment: schemasFor('disclosureCommitment'),
  policy: schemasFor('policy'),
  interpretation: schemasFor('interpretation'),
  complaintAnalysis: schemasFor('complaintAnalysis'),
  inspectionPlan: schemasFor('inspectionPlan'),
  inspectionResult: schemasFor('inspectionResult'),
  trademarkNews: schemasFor('trademarkNews'),
  proposalReply: schemasFor('proposalReply'),
  siteSettings: schemasFor('siteSettings'),
  annualReport: schemasFor('annualReport'),
};
