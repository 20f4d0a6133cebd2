/**
 * The zod schemas of the office's registers (REGISTER_TYPES), made from their declarations like the content
 * types' (schemas.ts): `published` with every required field, `draft` with every field optional; both run the
 * fields' cross-field rules (documentCheck), so a record that breaks a rule of core/disclosure/requests/ is refused.
 */
import { z } from 'zod';
import type { RegisterType } from './documentTypes.ts';
import { shapeOf, type TypeDeclaration } from './fields.ts';
import { systemFields } from './schemas.ts';
import { REGISTER_DECLARATIONS } from './types/index.ts';

function schemasFor(declaration: TypeDeclaration) {
  const shape = { ...systemFields, _type: z.literal(declaration.name), ...shapeOf(declaration.fields) };
  const optional = Object.fromEntries(Object.entries(shapeOf(declaration.fields)).map(([name, schema]) => [name, schema.optional()]));
  const checks = Object.entries(declaration.fields).flatMap(([field, { documentCheck }]) =>
    documentCheck ? [{ field, documentCheck }] : [],
  );
  const withChecks = (schema: z.ZodType<Record<string, unknown>>) =>
    schema.superRefine((doc, ctx) => {
      for (const { field, documentCheck } of checks) {
        const message = documentCheck(doc);
        if (message) ctx.addIssue({ code: 'custom', path: [field], message });
      }
    });
  return { published: withChecks(z.looseObject(shape)), draft: withChecks(z.looseObject({ ...shape, ...optional })) };
}

export const registerSchemas: Record<RegisterType, ReturnType<typeof schemasFor>> = {
  disclosureRequest: schemasFor(REGISTER_DECLARATIONS.disclosureRequest),
};
