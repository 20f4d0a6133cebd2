/**
 * The Studio's document types, made from the model's declarations (core/model/types/): each
 * field's name, title, description, group, allowed values, initial value, conditions and
 * validation come from there, so the Studio checks what the model checks, in the same words.
 * Supplied here is only what needs the Studio itself: the checks that ask the Content Lake.
 */
import { defineArrayMember, defineField, defineType, type CustomValidator, type FieldDefinition, type Reference, type Rule } from 'sanity';
import type { ArrayMember, Field, Fields, StudioCheckName, TypeDeclaration } from '../../core/model/fields.ts';
import { FIELD_LABELS, GROUP_LABELS } from '../../core/model/labels.ts';
import { pairRule } from './pairRule.ts';

/** The checks a declaration names by `studioCheck`, for a document of `type`. */
const STUDIO_CHECKS: Record<StudioCheckName, (type: string) => CustomValidator> = {
  pairRule: (type) => (value, context) => pairRule(type as 'policy' | 'interpretation', value as Reference | undefined, context),
  requiredInStudio: () => (value) => (value === undefined || value === null || value === '' ? '新建或修改时必须填写此项' : true),
};

/** Tabs, in order; the first is open when a document is. */
const GROUPS = [
  { name: 'content', title: GROUP_LABELS.content, default: true },
  { name: 'metadata', title: GROUP_LABELS.metadata },
];

/** The object without its undefined properties: the Studio's definitions carry only what is set. */
function defined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function titleOf(name: string, field: Field): string {
  const title = field.title ?? (FIELD_LABELS as Record<string, string>)[name];
  if (!title) throw new Error(`字段 ${name} 没有标题：在声明中写 title，或在 core/model/labels.ts 中加上它`);
  return title;
}

/** The field's rules as a chain on Sanity's Rule, in the order the declaration's words imply. */
function validationOf(field: Field, type: string): ((rule: Rule) => Rule) | undefined {
  const steps: ((rule: Rule) => Rule)[] = [];
  if (field.required) steps.push((rule) => rule.required());
  // A number offered as a list is checked by its list.
  if (field.type === 'number' && !field.list) {
    if (field.integer) steps.push((rule) => rule.integer());
    if (field.min !== undefined) steps.push((rule) => rule.min(field.min!));
    if (field.max !== undefined) steps.push((rule) => rule.max(field.max!));
  }
  if (field.pattern) steps.push((rule) => rule.regex(field.pattern!));
  if (field.maxLength !== undefined) steps.push((rule) => rule.max(field.maxLength!));
  if (field.minItems !== undefined) steps.push((rule) => rule.min(field.minItems!));
  const { check, documentCheck, studioCheck } = field;
  if (check) steps.push((rule) => rule.custom((value) => (value === undefined ? true : (check(value as never) ?? true))));
  if (documentCheck)
    steps.push((rule) => rule.custom((_, context) => (context.document ? (documentCheck(context.document) ?? true) : true)));
  if (studioCheck) steps.push((rule) => rule.custom(STUDIO_CHECKS[studioCheck](type)));
  // Sanity words number bounds itself; a pattern, a length or a count says the declaration's words.
  const message = field.message;
  if (message && (field.pattern || field.maxLength !== undefined || field.minItems !== undefined))
    steps.push((rule) => rule.error(message));
  if (steps.length === 0) return undefined;
  return (rule) => steps.reduce((chain, step) => step(chain), rule);
}

function optionsOf(field: Field) {
  const options = defined({ list: field.list, layout: field.layout, columns: field.columns, source: field.source });
  return Object.keys(options).length > 0 ? options : undefined;
}

function memberOf(member: ArrayMember, type: string) {
  switch (member.kind) {
    case 'object':
      return defineArrayMember(
        defined({
          type: 'object',
          name: member.name,
          fields: studioFields(member.fields, type),
          preview: member.preview && { select: { ...member.preview } },
        }),
      );
    case 'choice':
      return defineArrayMember({ type: 'string', options: { list: member.list } });
    case 'block':
      return defineArrayMember({ type: 'block' });
    case 'file':
      return defineArrayMember({ type: 'file', fields: studioFields(member.fields, type) });
  }
}

function studioField(name: string, field: Field, type: string): FieldDefinition {
  return defineField(
    defined({
      name,
      title: titleOf(name, field),
      description: field.description,
      type: field.type,
      group: field.group,
      readOnly: field.readOnly,
      hidden: field.hidden,
      initialValue: field.initialValue,
      rows: field.rows,
      to: field.to && [{ type: field.to }],
      weak: field.weak,
      options: optionsOf(field),
      fields: field.fields && studioFields(field.fields, type),
      of: field.of && [memberOf(field.of, type)],
      validation: validationOf(field, type),
    }) as FieldDefinition,
  );
}

function studioFields(fields: Fields, type: string): FieldDefinition[] {
  return Object.entries(fields).map(([name, field]) => studioField(name, field, type));
}

/** The Studio's document type of a declaration. */
export function studioType({ name, title, fields, preview, orderings, readOnly }: TypeDeclaration) {
  const grouped = Object.values(fields).some((field) => field.group);
  return defineType({
    name,
    title,
    type: 'document',
    ...(readOnly && { readOnly }),
    ...(grouped && { groups: GROUPS }),
    fields: studioFields(fields, name),
    preview: { select: { ...preview } },
    ...(orderings && { orderings }),
  });
}
