/**
 * What the Studio made of the declarations: every declared field, as `sanity schema extract
 * --enforce-required-fields` writes it, with the declared kind, required-ness, allowed values
 * and reference target, down through groups of fields and lists of items — and no field the
 * declarations do not have.
 */
import type { Field, Fields, TypeDeclaration } from '../../core/model/fields.ts';

interface Attribute {
  value: ExtractedValue;
  optional?: boolean;
}
type Attributes = Record<string, Attribute>;
interface ExtractedValue {
  type: string;
  name?: string;
  value?: unknown;
  of?: ExtractedValue | ExtractedValue[];
  attributes?: Attributes;
  dereferencesTo?: string;
}
export interface ExtractedType {
  name: string;
  type: string;
  attributes?: Attributes;
  value?: ExtractedValue;
}

/** The value types the extract gives each declared field type (before any list of allowed values). */
const EXTRACTED_AS: Record<Field['type'], string> = {
  string: 'string',
  text: 'string',
  date: 'string',
  datetime: 'string',
  number: 'number',
  boolean: 'boolean',
  slug: 'object',
  reference: 'object',
  object: 'object',
  array: 'array',
};

const allowedValues = (list: readonly ({ value: string } | number)[]) =>
  list.map((entry) => (typeof entry === 'number' ? entry : entry.value)).sort();

class Comparison {
  readonly differences: string[] = [];
  private readonly types: Map<string, ExtractedType>;

  constructor(extracted: ExtractedType[]) {
    this.types = new Map(extracted.map((type) => [type.name, type]));
  }

  /** A named type the extract refers to (`policy.reference`, `slug`), resolved. */
  private resolve(value: ExtractedValue): ExtractedValue {
    const target = value.type === 'inline' && value.name ? this.types.get(value.name) : undefined;
    return target?.value ?? value;
  }

  fields(path: string, attributes: Attributes, fields: Fields): void {
    const extracted = Object.keys(attributes).filter((name) => !name.startsWith('_'));
    for (const name of extracted) if (!(name in fields)) this.differences.push(`${path}.${name}: in the Studio, not declared`);
    for (const [name, field] of Object.entries(fields)) {
      const attribute = attributes[name];
      if (!attribute) {
        this.differences.push(`${path}.${name}: declared, not in the Studio`);
        continue;
      }
      const optional = attribute.optional !== false;
      if (optional === field.required) {
        this.differences.push(
          `${path}.${name}: ${field.required ? 'required' : 'optional'} in the declaration, ${optional ? 'optional' : 'required'} in the Studio`,
        );
      }
      this.field(`${path}.${name}`, this.resolve(attribute.value), field);
    }
  }

  private field(path: string, value: ExtractedValue, field: Field): void {
    if (field.list && field.type !== 'array') {
      this.values(path, value, field.list);
      return;
    }
    if (value.type !== EXTRACTED_AS[field.type]) {
      this.differences.push(`${path}: ${field.type} declared, ${value.type} in the Studio`);
      return;
    }
    if (field.type === 'reference' && value.dereferencesTo !== field.to) {
      this.differences.push(`${path}: refers to ${field.to} in the declaration, to ${value.dereferencesTo} in the Studio`);
    }
    if (field.type === 'object') this.fields(path, value.attributes ?? {}, field.fields ?? {});
    if (field.type === 'array') this.items(`${path}[]`, Array.isArray(value.of) ? value.of[0] : value.of, field);
  }

  private items(path: string, value: ExtractedValue | undefined, field: Field): void {
    const member = field.of;
    if (!value || !member) this.differences.push(`${path}: no items`);
    else if (member.kind === 'choice') this.values(path, value, member.list);
    else if (member.kind === 'object') this.objectItems(path, value, member);
    // Portable Text and files: their structure is Sanity's.
  }

  private objectItems(path: string, value: ExtractedValue, member: { name: string; fields: Fields }): void {
    if (value.type !== 'object') {
      this.differences.push(`${path}: items of ${member.name} declared, ${value.type} in the Studio`);
      return;
    }
    const itemType = value.attributes?._type?.value.value;
    if (itemType !== member.name) this.differences.push(`${path}: items of ${member.name} declared, of ${String(itemType)} in the Studio`);
    this.fields(path, value.attributes ?? {}, member.fields);
  }

  private values(path: string, value: ExtractedValue, list: readonly ({ value: string } | number)[]): void {
    const offered =
      value.type === 'union' && Array.isArray(value.of) ? value.of.map((option) => option.value as string | number).sort() : [];
    if (JSON.stringify(offered) !== JSON.stringify(allowedValues(list))) this.differences.push(`${path}: allowed values differ`);
  }
}

/** Differences between the extracted Studio schema and the declarations; empty when the Studio has every declared field as declared. */
export function extractDifferences(extracted: ExtractedType[], declarations: readonly TypeDeclaration[]): string[] {
  const comparison = new Comparison(extracted);
  const declared = new Set(declarations.map((declaration) => declaration.name));
  for (const type of extracted) {
    if (type.type === 'document' && !type.name.startsWith('sanity.') && !declared.has(type.name)) {
      comparison.differences.push(`${type.name}: a Studio type not declared`);
    }
  }
  for (const declaration of declarations) {
    const type = extracted.find((candidate) => candidate.name === declaration.name && candidate.type === 'document');
    if (!type) comparison.differences.push(`${declaration.name}: declared, not in the Studio`);
    else comparison.fields(declaration.name, type.attributes ?? {}, declaration.fields);
  }
  return comparison.differences;
}
