/**
 * 政府信息公开目录 metadata (spec §1), carried by every public document type.
 * `indexNumber` and `publishedAt` are written by the release, never typed by hand.
 */
import { defineField, type FieldDefinition } from 'sanity';
import { FIELD_LABELS as L } from '../../../core/model/labels.ts';
import { disclosureReasonProblem, SUMMARY_MAX_LENGTH } from '../../../core/model/schemas.ts';
import { DISCLOSURE_MODES, optionList, TOPICS } from '../../../core/model/vocabulary.ts';
import { indexNumberRule, slugRule } from './rules.ts';

export const METADATA_GROUP = { name: 'metadata', title: '公开目录信息' };
export const CONTENT_GROUP = { name: 'content', title: '内容', default: true };

/** The metadata fields; `body` is passed in because some types require it and some do not. */
export function disclosureMetadataFields({ bodyRequired }: { bodyRequired: boolean }): FieldDefinition[] {
  return [
    defineField({ name: 'title', title: L.title, type: 'string', group: 'content', validation: (rule) => rule.required() }),
    defineField({
      name: 'slug',
      title: L.slug,
      description: '网址中的一段，只用小写字母、数字和连字符，例如 2026-food-safety',
      type: 'slug',
      group: 'metadata',
      options: { source: (doc) => `${String(doc.formedAt ?? '')}-${String(doc._id).replace(/^drafts\./, '').slice(-6)}`.toLowerCase() },
      validation: (rule) => rule.required().custom(slugRule),
    }),
    defineField({
      name: 'indexNumber',
      title: L.indexNumber,
      description: '首次发布时自动编号，永不重复使用',
      type: 'string',
      group: 'metadata',
      readOnly: true,
      validation: (rule) => rule.custom(indexNumberRule),
    }),
    defineField({
      name: 'publisher',
      title: L.publisher,
      type: 'reference',
      to: [{ type: 'department' }],
      group: 'metadata',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'topic',
      title: L.topic,
      type: 'string',
      group: 'metadata',
      options: { list: optionList(TOPICS) },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'summary',
      title: L.summary,
      type: 'text',
      rows: 4,
      group: 'metadata',
      validation: (rule) => rule.max(SUMMARY_MAX_LENGTH).error(`内容概述不能超过 ${SUMMARY_MAX_LENGTH} 字`),
    }),
    defineField({
      name: 'formedAt',
      title: L.formedAt,
      description: '信息形成或变更之日；自此日起 20 个工作日内应当公开（《政府信息公开条例》第二十六条）',
      type: 'date',
      group: 'metadata',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'publishedAt',
      title: L.publishedAt,
      description: '由发布操作写入',
      type: 'datetime',
      group: 'metadata',
      readOnly: true,
    }),
    defineField({
      name: 'disclosure',
      title: L.disclosure,
      type: 'object',
      group: 'metadata',
      validation: (rule) =>
        rule.required().custom((value: { mode?: string; reason?: string } | undefined) =>
          value ? (disclosureReasonProblem(value) ?? true) : true,
        ),
      fields: [
        defineField({
          name: 'mode',
          title: L.disclosureMode,
          type: 'string',
          options: { list: optionList(DISCLOSURE_MODES), layout: 'radio' },
          initialValue: 'proactive',
          validation: (rule) => rule.required(),
        }),
        defineField({
          name: 'reason',
          title: L.disclosureReason,
          description: '依申请公开或不予公开时必填，例如《中华人民共和国政府信息公开条例》第十五条',
          type: 'text',
          rows: 2,
          hidden: ({ parent }) => (parent as { mode?: string } | undefined)?.mode === 'proactive',
        }),
      ],
    }),
    defineField({
      name: 'body',
      title: L.body,
      type: 'array',
      group: 'content',
      of: [{ type: 'block' }],
      validation: (rule) => (bodyRequired ? rule.required() : rule),
    }),
    defineField({
      name: 'attachments',
      title: L.attachments,
      type: 'array',
      group: 'content',
      of: [{ type: 'file', fields: [defineField({ name: 'title', title: '附件名称', type: 'string' })] }],
    }),
    defineField({ name: 'responsibleEditor', title: L.responsibleEditor, type: 'string', group: 'metadata' }),
    defineField({ name: 'source', title: L.source, type: 'string', group: 'metadata' }),
    defineField({
      name: 'lastEditedBy',
      title: L.lastEditedBy,
      description: '由流程记录，用于四眼原则：审签人不能是最后修改人',
      type: 'string',
      group: 'metadata',
      readOnly: true,
      hidden: ({ value }) => !value,
    }),
  ];
}
