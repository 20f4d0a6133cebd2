/**
 * 政府信息公开目录 metadata (spec §1), carried by every public document type.
 * `indexNumber` and `publishedAt` are written by the release, never typed by hand.
 */
import { date, dateTime, enumOf, files, longText, object, portableText, reference, slug, string } from '../fields.ts';
import { INDEX_NUMBER_PATTERN } from '../indexNumber.ts';
import { FIELD_LABELS as L } from '../labels.ts';
import { DISCLOSURE_MODES, TOPICS, WITHHOLDING_GROUNDS } from '../vocabulary.ts';

const SUMMARY_MAX_LENGTH = 300;

/**
 * 不公开要有法律依据: information that is not proactive names the ground it is held back on, chosen from the
 * grounds of 条例 第十四–十六条 (the same as the annual report's 表三 rows), with free text beside it.
 */
function disclosureGroundProblem(value: { mode?: string; ground?: string | undefined }): string | null {
  if (!value.mode || value.mode === 'proactive' || value.ground) return null;
  const label = DISCLOSURE_MODES[value.mode as keyof typeof DISCLOSURE_MODES] ?? value.mode;
  return `公开属性为「${label}」时必须选择不予主动公开的依据（条例第十四至十六条）`;
}

const notProactive = ({ parent }: { parent?: Record<string, unknown> }) => parent?.mode === 'proactive';

/** The metadata fields; `body` is required by some types and not by others. */
export function disclosureMetadata<B extends boolean>(bodyRequired: B) {
  return {
    title: string({ required: true, group: 'content' }),
    slug: slug({
      required: true,
      description: '网址中的一段，只用小写字母、数字和连字符，例如 2026-food-safety',
      group: 'metadata',
      source: (doc) =>
        `${String(doc.formedAt ?? '')}-${String(doc._id)
          .replace(/^drafts\./, '')
          .slice(-6)}`.toLowerCase(),
    }),
    indexNumber: string({
      description: '首次发布时自动编号，永不重复使用',
      group: 'metadata',
      readOnly: true,
      pattern: INDEX_NUMBER_PATTERN,
      message: '索引号格式应为「机构代码/年份-五位流水号」',
    }),
    publisher: reference('department', { required: true, group: 'metadata' }),
    topic: enumOf(TOPICS, { required: true, group: 'metadata' }),
    summary: longText({ rows: 4, group: 'metadata', maxLength: SUMMARY_MAX_LENGTH, message: `内容概述不能超过 ${SUMMARY_MAX_LENGTH} 字` }),
    formedAt: date({
      required: true,
      description: '信息形成或变更之日；自此日起 20 个工作日内应当公开（《政府信息公开条例》第二十六条）',
      group: 'metadata',
    }),
    publishedAt: dateTime({ description: '由发布操作写入', group: 'metadata', readOnly: true }),
    disclosure: object(
      {
        mode: enumOf(DISCLOSURE_MODES, { required: true, title: L.disclosureMode, layout: 'radio', initialValue: 'proactive' }),
        ground: enumOf(WITHHOLDING_GROUNDS, {
          title: L.disclosureGround,
          description: '依申请公开或不予公开时必选（《政府信息公开条例》第十四至十六条）',
          hidden: notProactive,
        }),
        reason: longText({
          title: L.disclosureReason,
          description: '可写明具体情形和条款，例如「载有举报人个人信息，依据条例第十五条」',
          rows: 2,
          hidden: notProactive,
        }),
        /**
         * The last yearly 复核 of information that is not proactive (条例 第十八条), written by the review
         * action, never typed. Never reviewed: the first review is due one year after 生成日期.
         */
        reviewedAt: date({
          title: L.reviewedAt,
          description: '由「公开属性复核」操作写入；从未复核的，自生成日期起算，每年复核一次（条例第十八条）',
          readOnly: true,
          hidden: notProactive,
        }),
      },
      { required: true, group: 'metadata', check: disclosureGroundProblem, checkAt: 'ground' },
    ),
    body: portableText({ required: bodyRequired, group: 'content' }),
    attachments: files({ group: 'content', fileTitle: '附件名称' }),
    responsibleEditor: string({ group: 'metadata' }),
    source: string({ group: 'metadata' }),
    /** Who last changed the document (kept by the workflow tools): the four-eyes rule reads it. */
    lastEditedBy: string({
      description: '由流程记录，用于四眼原则：审签人不能是最后修改人',
      group: 'metadata',
      readOnly: true,
      hidden: ({ value }) => !value,
    }),
  };
}
