/**
 * The interpretation an importer gives a policy that came without one: clearly labelled as a
 * placeholder, published by the drafting office (谁起草、谁解读), linked both ways, so the pair
 * rule holds until the drafting office writes the real one.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';

export interface PlaceholderFor {
  id: string;
  slug: string;
  policyId: string;
  policyTitle: string;
  /** 发文字号 or 索引号, to name the policy in the text; omitted when it has neither. */
  reference?: string;
  drafter: string;
  /** Fields shared with the policy: topic, dates, disclosure, source. */
  shared: Record<string, unknown>;
  summary: string;
}

export function placeholderInterpretation(p: PlaceholderFor): StoredDocument {
  return {
    _id: p.id,
    _type: 'interpretation',
    title: `【占位解读】《${p.policyTitle}》（待起草单位补充）`,
    slug: { _type: 'slug', current: p.slug },
    publisher: { _type: 'reference', _ref: p.drafter },
    ...p.shared,
    summary: p.summary,
    body: [
      textBlock(
        'p1',
        `本页为导入《${p.policyTitle}》${p.reference ? `（${p.reference}）` : ''}时自动生成的占位解读。原始数据不包含该文件的政策解读；按照“谁起草、谁解读”的原则，应由起草单位撰写正式解读后替换本页。`,
      ),
    ],
    policy: { _type: 'reference', _ref: p.policyId },
    form: 'text',
    placeholder: true,
  };
}
