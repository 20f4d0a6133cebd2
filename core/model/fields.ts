/**
 * The words a content type is declared in (core/model/types/): one call per field says what
 * the field holds, whether it is required, its allowed values and checks, and how the Studio
 * shows it. Each builder makes the field's zod schema at once; schemas.ts assembles documents
 * from them and studio/schemaTypes/fromDeclaration.ts makes the Studio's fields, so the model
 * and the Studio cannot disagree.
 *
 * Nothing here imports 'sanity' (the site and the scripts read the model too): what only the
 * Studio can do, such as a check that asks the Content Lake, is named here and supplied there.
 */
import { z } from 'zod';
import { CONTENT_TYPES, RECORD_TYPES, REGISTER_TYPES, type ContentType, type RecordType, type RegisterType } from './documentTypes.ts';
import type { GROUP_LABELS } from './labels.ts';
import {
  attachment,
  calendarDate,
  dateTime as dateTimeSchema,
  portableText as portableTextSchema,
  reference as referenceSchema,
  slug as slugSchema,
  slugProblem,
  text,
} from './values.ts';
import { optionList, valuesOf, type Vocabulary } from './vocabulary.ts';

type FieldGroup = keyof typeof GROUP_LABELS;

/** What the Studio gives a `hidden` or `readOnly` condition (the part of Sanity's context the model reads). */
interface FieldState {
  value?: unknown;
  parent?: Record<string, unknown>;
  document?: Record<string, unknown>;
}
type FieldCondition = (state: FieldState) => boolean;

/** Checks that need the Studio's own client: named in a declaration, supplied by studio/schemaTypes/fromDeclaration.ts. */
/** `requiredInStudio`: required of what editors write now, while imported and older documents without it still load. */
export type StudioCheckName = 'pairRule' | 'requiredInStudio';

/** What the Studio shows in a list of documents or of array items: the fields to read title and subtitle from. */
export interface Preview {
  title: string;
  subtitle?: string;
}

/** How the Studio offers an array's items. */
export type ArrayMember =
  | { kind: 'object'; name: string; fields: Fields; preview?: Preview }
  | { kind: 'choice'; list: { value: string; title: string }[] }
  | { kind: 'block' }
  | { kind: 'file'; fields: Fields };

export interface Field<S extends z.ZodType = z.ZodType, R extends boolean = boolean> {
  /** Sanity's type for the field. */
  readonly type: 'string' | 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'slug' | 'reference' | 'object' | 'array';
  /** The value's zod schema; the model makes it optional unless `required`. */
  readonly schema: S;
  readonly required: R;
  /** The Studio's title; FIELD_LABELS (labels.ts) gives it when not set. */
  readonly title?: string;
  readonly description?: string;
  readonly group?: FieldGroup;
  readonly readOnly?: boolean | FieldCondition;
  readonly hidden?: FieldCondition;
  readonly initialValue?: string;
  /** Allowed values the Studio offers (a vocabulary, or numbers). */
  readonly list?: readonly ({ value: string; title: string } | number)[];
  readonly layout?: 'radio';
  readonly columns?: number;
  readonly rows?: number;
  /** Bounds, checked by the model and by the Studio alike. */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly maxLength?: number;
  readonly minItems?: number;
  /** What a broken pattern, length or item count says, in the model and in the Studio (Sanity words number bounds itself). */
  readonly message?: string;
  /** A rule on the value, as a problem or null: the builder puts it in the zod schema, the Studio runs it as a custom rule. */
  readonly check?: (value: never) => string | null;
  /** A rule relating this field to others of its document; the problem is reported at this field. */
  readonly documentCheck?: (doc: Record<string, unknown>) => string | null;
  readonly studioCheck?: StudioCheckName;
  /** References: the target type, and whether the reference is weak (the target may go away). */
  readonly to?: string;
  readonly weak?: boolean;
  readonly fields?: Fields;
  readonly of?: ArrayMember;
  /** Slugs: the text the Studio's 生成 button makes one from. */
  readonly source?: (doc: Record<string, unknown>) => string;
}
export type Fields = Record<string, Field>;

/** The zod shape of some fields: each field's schema, optional unless the field is required. */
export type ShapeOf<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<infer S, true> ? S : F[K] extends Field<infer S, boolean> ? z.ZodOptional<S> : never;
};

export function shapeOf<F extends Fields>(fields: F): ShapeOf<F> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.required ? field.schema : field.schema.optional()]),
  ) as ShapeOf<F>;
}

/** What every builder accepts. */
interface Options<R extends boolean> {
  required?: R;
  title?: string;
  description?: string;
  group?: FieldGroup;
  readOnly?: boolean | FieldCondition;
  hidden?: FieldCondition;
  documentCheck?: (doc: Record<string, unknown>) => string | null;
  studioCheck?: StudioCheckName;
}

type Extra = Omit<Field, 'type' | 'schema' | 'required' | keyof Options<boolean>>;

/**
 * A field of `type` holding `schema`. `NoInfer`: whether a field is required is read from its
 * options only, never from where the field is used (a declaration's `Fields` would say "boolean").
 */
function field<S extends z.ZodType, R extends boolean>(
  type: Field['type'],
  schema: S,
  options: Options<R>,
  extra: Extra = {},
): Field<S, NoInfer<R>> {
  const { required = false, ...rest } = options;
  return { type, schema, required: required as R, ...rest, ...extra };
}

interface StringOptions<R extends boolean> extends Options<R> {
  pattern?: RegExp;
  maxLength?: number;
  message?: string;
  check?: (value: string) => string | null;
  /** The value's zod schema as it is, for records the workflow writes (the Studio then checks only required-ness). */
  schema?: z.ZodString;
}

/**
 * A required string holds text: trimmed, never empty — unless a pattern or a check says what
 * it must look like.
 */
function stringSchema<R extends boolean>({ required, pattern, maxLength, message, check, schema }: StringOptions<R>): z.ZodString {
  if (schema) return schema;
  let value = pattern || check || !required ? z.string() : text;
  if (pattern) value = value.regex(pattern, message);
  if (maxLength !== undefined) value = value.max(maxLength, message);
  if (check) value = value.superRefine(addProblem(check));
  return value;
}

function stringField<R extends boolean>(type: 'string' | 'text', options: StringOptions<R>, rows?: number): Field<z.ZodString, NoInfer<R>> {
  const { pattern, maxLength, message, check, schema: _schema, ...common } = options;
  return field(type, stringSchema(options), common, { pattern, maxLength, message, check, rows });
}

/** A line of text. */
export function string<R extends boolean = false>(options: StringOptions<R> = {}): Field<z.ZodString, NoInfer<R>> {
  return stringField('string', options);
}

/** Text of several lines (a text area of `rows` lines in the Studio). */
export function longText<R extends boolean = false>(options: StringOptions<R> & { rows?: number } = {}): Field<z.ZodString, NoInfer<R>> {
  const { rows, ...rest } = options;
  return stringField('text', rest, rows);
}

/** One value of a vocabulary (vocabulary.ts), offered as a list of its labels. */
export function enumOf<V extends string, R extends boolean = false>(
  vocabulary: Vocabulary<V>,
  options: Options<R> & { layout?: 'radio'; initialValue?: NoInfer<V> } = {},
) {
  const { layout, initialValue, ...common } = options;
  return field('string', z.enum(valuesOf(vocabulary)), common, { list: optionList(vocabulary), layout, initialValue });
}

interface NumberOptions<R extends boolean> extends Options<R> {
  integer?: boolean;
  min?: number;
  max?: number;
  /** The model's words for a value out of bounds (the Studio uses Sanity's, which name the bound). */
  message?: string;
  integerMessage?: string;
  /** Offer every integer from min to max as a list (the list is then the Studio's only check). */
  listed?: boolean;
  /** The value's zod schema as it is, for records the workflow writes (the Studio then checks only required-ness). */
  schema?: z.ZodNumber;
}

export function number<R extends boolean = false>(options: NumberOptions<R> = {}): Field<z.ZodNumber, NoInfer<R>> {
  const { integer, min, max, message, integerMessage, listed, schema, ...common } = options;
  let value = schema ?? z.number();
  if (!schema) {
    if (integer) value = value.int(integerMessage);
    if (min !== undefined) value = value.min(min, message);
    if (max !== undefined) value = value.max(max, message);
  }
  const list = listed && min !== undefined && max !== undefined ? Array.from({ length: max - min + 1 }, (_, i) => min + i) : undefined;
  return field('number', value, common, { integer, min, max, list });
}

export function boolean<R extends boolean = false>(options: Options<R> = {}) {
  return field('boolean', z.boolean(), options);
}

/** A calendar day, YYYY-MM-DD. */
export function date<R extends boolean = false>(options: Options<R> = {}) {
  return field('date', calendarDate, options);
}

/** An instant, ISO 8601 with a time zone. */
export function dateTime<R extends boolean = false>(options: Options<R> = {}) {
  return field('datetime', dateTimeSchema, options);
}

/** A URL segment (values.ts's `slug`). */
export function slug<R extends boolean = false>(options: Options<R> & { source?: (doc: Record<string, unknown>) => string } = {}) {
  const { source, ...common } = options;
  // The zod schema holds the rule on `current`; the Studio runs it as a check of the whole value.
  return field('slug', slugSchema, common, { source, check: slugProblem });
}

/** A reference to a document of type `to`; a weak one does not keep its target from being withdrawn. */
export function reference<R extends boolean = false>(to: string, options: Options<R> & { weak?: boolean } = {}) {
  const { weak, ...common } = options;
  return field('reference', referenceSchema, common, { to, weak });
}

/** Addition of a problem found by `check` to a zod refinement, at `path` below the value. */
function addProblem<T>(check: (value: T) => string | null, path: string[] = []) {
  return (value: T, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
  };
}

/** A group of fields; `check` relates them (its problem reported at `checkAt`, or at the group). */
export function object<F extends Fields, R extends boolean = false>(
  fields: F,
  options: Options<R> & { columns?: number; check?: (value: z.infer<z.ZodObject<ShapeOf<F>>>) => string | null; checkAt?: string } = {},
) {
  const { columns, check, checkAt, ...common } = options;
  let value = z.looseObject(shapeOf(fields));
  if (check) value = value.superRefine(addProblem(check, checkAt ? [checkAt] : []));
  return field('object', value, common, { fields, columns, check });
}

/** The kind of item a list holds: a named group of fields, shown by `preview`. */
export function item<F extends Fields>(name: string, fields: F, preview?: Preview) {
  // Items of a Sanity array carry a `_key`.
  const schema = z.looseObject({ _key: z.string().optional(), ...shapeOf(fields) });
  return { member: { kind: 'object', name, fields, preview } satisfies ArrayMember, schema };
}

/** A list of items (see `item`). */
export function list<S extends z.ZodType, R extends boolean = false>(
  of: { member: ArrayMember; schema: S },
  options: Options<R> & { minItems?: number; message?: string; schema?: z.ZodArray<S> } = {},
) {
  const { minItems, message, schema, ...common } = options;
  let value = schema ?? z.array(of.schema);
  if (!schema && minItems !== undefined) value = value.min(minItems, message);
  return field('array', value, common, { of: of.member, minItems, message });
}

/** Several values of a vocabulary. */
export function choices<V extends string, R extends boolean = false>(
  vocabulary: Vocabulary<V>,
  options: Options<R> & { minItems?: number; message?: string } = {},
) {
  const { minItems, message, ...common } = options;
  let value = z.array(z.enum(valuesOf(vocabulary)));
  if (minItems !== undefined) value = value.min(minItems, message);
  const offered = optionList(vocabulary);
  return field('array', value, common, { of: { kind: 'choice', list: offered }, list: offered, minItems, message });
}

/** Rich text (Portable Text). */
export function portableText<R extends boolean = false>(options: Options<R> = {}) {
  return field('array', portableTextSchema, options, { of: { kind: 'block' } });
}

/** Attached files, each with a title of its own. */
export function files<R extends boolean = false>(options: Options<R> & { fileTitle: string }) {
  const { fileTitle, ...common } = options;
  return field('array', z.array(attachment), common, { of: { kind: 'file', fields: { title: string({ title: fileTitle }) } } });
}

interface Ordering {
  title: string;
  name: string;
  by: { field: string; direction: 'asc' | 'desc' }[];
}

/** One document type: its fields in the order editors see them, and how the Studio lists it. */
export interface TypeDeclaration<N extends string = string, F extends Fields = Fields> {
  name: N;
  /** The type's Chinese name (documentTypes.ts). */
  title: string;
  fields: F;
  preview: Preview;
  orderings?: Ordering[];
  /** Written only by the workflow: the Studio shows it, nobody edits it. */
  readOnly?: boolean;
}

export function documentType<N extends ContentType | RecordType | RegisterType, F extends Fields>(
  name: N,
  declaration: { fields: F; preview: Preview; orderings?: Ordering[]; readOnly?: boolean },
): TypeDeclaration<N, F> {
  return { name, title: { ...CONTENT_TYPES, ...RECORD_TYPES, ...REGISTER_TYPES }[name], ...declaration };
}
