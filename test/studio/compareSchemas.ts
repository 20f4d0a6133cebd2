/**
 * Compares the Studio schema, as `sanity schema extract --enforce-required-fields` writes
 * it, with the zod model: the same types, the same field names, the same required-ness
 * and the same allowed values, down through nested objects and arrays of objects.
 */
import type { z } from 'zod';

export interface ExtractedType {
  name: string;
  type: string;
  attributes?: Record<string, { value: ExtractedValue; optional?: boolean }>;
  value?: ExtractedValue;
}
type ExtractedValue = {
  type: string;
  name?: string;
  value?: unknown;
  of?: ExtractedValue | ExtractedValue[];
  attributes?: Record<string, { value: ExtractedValue; optional?: boolean }>;
};

/** Fields whose inner structure belongs to Sanity (Portable Text, file assets), not to the model. */
const OPAQUE_FIELDS = new Set(['body', 'attachments', 'slug', 'publisher', 'drafter', 'interpretation', 'policy', 'plan', 'replacedBy']);

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      optional ||= def.type !== 'nullable';
      current = def.innerType!;
    } else if (def.type === 'pipe') {
      current = def.in!;
    } else {
      return { schema: current, optional };
    }
  }
}

function resolve(value: ExtractedValue, types: Map<string, ExtractedType>): ExtractedValue {
  if (value.type === 'inline' && value.name && types.has(value.name)) {
    const target = types.get(value.name)!;
    return target.value ?? { type: target.type, ...(target.attributes ? { attributes: target.attributes } : {}) };
  }
  return value;
}

function compareObject(
  path: string,
  attributes: Record<string, { value: ExtractedValue; optional?: boolean }>,
  shape: Record<string, z.ZodType>,
  types: Map<string, ExtractedType>,
  out: string[],
): void {
  const sanityFields = Object.keys(attributes).filter((name) => !name.startsWith('_'));
  const zodFields = Object.keys(shape).filter((name) => !name.startsWith('_'));
  for (const name of sanityFields) if (!zodFields.includes(name)) out.push(`${path}.${name}: in Studio, not in the zod model`);
  for (const name of zodFields) if (!sanityFields.includes(name)) out.push(`${path}.${name}: in the zod model, not in Studio`);
  for (const name of sanityFields.filter((n) => zodFields.includes(n))) {
    const attribute = attributes[name]!;
    const { schema, optional } = unwrap(shape[name]!);
    const sanityOptional = attribute.optional !== false;
    if (sanityOptional !== optional) {
      out.push(`${path}.${name}: ${optional ? 'optional' : 'required'} in zod, ${sanityOptional ? 'optional' : 'required'} in Studio`);
    }
    if (!OPAQUE_FIELDS.has(name)) compareValue(`${path}.${name}`, resolve(attribute.value, types), schema, types, out);
  }
}

function compareValue(path: string, value: ExtractedValue, schema: z.ZodType, types: Map<string, ExtractedType>, out: string[]): void {
  const def = defOf(schema);
  if (def.type === 'enum') {
    const allowed = Object.values(def.entries!).sort();
    const options = value.type === 'union' && Array.isArray(value.of) ? value.of.map((v) => v.value).sort() : [];
    if (JSON.stringify(allowed) !== JSON.stringify(options)) out.push(`${path}: allowed values differ`);
  } else if (def.type === 'object') {
    if (value.type !== 'object' || !value.attributes) return void out.push(`${path}: an object in zod, ${value.type} in Studio`);
    compareObject(path, value.attributes, def.shape!, types, out);
  } else if (def.type === 'array') {
    if (value.type !== 'array') return void out.push(`${path}: an array in zod, ${value.type} in Studio`);
    const element = Array.isArray(value.of) ? value.of[0] : value.of;
    if (element) compareValue(`${path}[]`, resolve(element, types), unwrap(def.element!).schema, types, out);
  } else if (value.type === 'union' && Array.isArray(value.of) && (def.type === 'number' || def.type === 'string')) {
    // A Studio option list on a free zod field: every option must be a value the model accepts.
    const rejected = value.of.filter((option) => !schema.safeParse(option.value).success);
    if (rejected.length > 0) out.push(`${path}: Studio offers ${rejected.map((o) => String(o.value)).join(', ')}, which zod rejects`);
  } else if (def.type === 'string' || def.type === 'number' || def.type === 'boolean') {
    if (value.type !== def.type) out.push(`${path}: ${def.type} in zod, ${value.type} in Studio`);
  }
}

/** Differences between the extracted Studio schema and the zod shapes; empty when they agree. */
export function schemaDifferences(extracted: ExtractedType[], shapes: Record<string, Record<string, z.ZodType>>): string[] {
  const out: string[] = [];
  const types = new Map(extracted.map((t) => [t.name, t]));
  const documentTypes = extracted.filter((t) => t.type === 'document' && !t.name.startsWith('sanity.')).map((t) => t.name);
  for (const name of documentTypes) if (!(name in shapes)) out.push(`${name}: a Studio type the zod model lacks`);
  for (const name of Object.keys(shapes)) {
    const type = types.get(name);
    if (!type || type.type !== 'document') {
      out.push(`${name}: a zod type the Studio lacks`);
      continue;
    }
    compareObject(name, type.attributes ?? {}, shapes[name]!, types, out);
  }
  return out;
}
