/**
 * The sample dataset with script payloads planted in every free-text field of every public
 * document, draft and department: each payload calls `__xss(n)`, and `n` names the field and
 * the payload (`plantOf(n)`), so a script that runs says where it came from. Fields with a
 * format of their own (slugs, dates, 索引号, credit codes, vocabulary values, references) keep
 * their values: validation would refuse the dataset before anything rendered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_TYPES } from '../../core/model/documentTypes.ts';
import type { Fields } from '../../core/model/fields.ts';
import { DECLARATIONS } from '../../core/model/types/index.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { ROOT } from '../helpers/run.ts';

/** Each payload is text a careless template would turn into a running script. */
export const PAYLOADS: ((n: number) => string)[] = [
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `"><svg onload=__xss(${n})>`,
  (n) => `'><svg onload=__xss(${n})>`,
  (n) => `javascript:__xss(${n})`,
  (n) => `</script><script>__xss(${n})</script>`,
  // Breaks out of a template literal or a string in inline script.
  (n) => `\${__xss(${n})}\`;__xss(${n});//'";__xss(${n});//`,
  // Line terminators that end a line inside inline script but not inside JSON.
  (n) => `\u2028__xss(${n})\u2029;__xss(${n})//`,
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `--><svg onload=__xss(${n})><!--`,
  // For a feed or sitemap opened in the browser: CDATA end, then an XHTML script.
  (n) => `]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">__xss(${n})</x:script>`,
];

/** Where plant `n` was put. */
interface Plant {
  id: string;
  type: string;
  path: string;
  value: string;
}

/** Keys whose values have a format of their own, or are machinery rather than text. */
const STRUCTURED = new Set([
  '_id',
  '_type',
  '_key',
  '_ref',
  '_rev',
  '_createdAt',
  '_updatedAt',
  '_weak',
  '_sanityAsset',
  'current',
  'topic',
  'validity',
  'form',
  'level',
  'methods',
  'result',
  'kind',
  'mode',
  'style',
  'listItem',
  'marks',
  'formedAt',
  'publishedAt',
  'inspectedFrom',
  'inspectedTo',
  'indexNumber',
  'creditCode',
  'code',
  'href',
  'url',
  'extension',
  'mimeType',
  'path',
  'lastEditedBy',
  '_strengthenOnPublish',
]);
/**
 * Declared fields whose text has a format (a date, a vocabulary value, a pattern, a rule of its own),
 * read from the declarations, so a field a new type adds is planted or kept without this file knowing it.
 */
function formattedFields(): Set<string> {
  const names = new Set<string>();
  const visit = (fields: Fields) => {
    for (const [name, field] of Object.entries(fields)) {
      const formatted = ['date', 'datetime', 'slug', 'reference', 'number', 'boolean'].includes(field.type);
      if (formatted || field.list || field.pattern || field.check) names.add(name);
      if (field.fields) visit(field.fields);
      if (field.of && 'fields' in field.of) visit(field.of.fields);
      if (field.of?.kind === 'choice') names.add(name);
    }
  };
  for (const declaration of DECLARATIONS) visit(declaration.fields);
  return names;
}
const FORMATTED = formattedFields();
const PLANTED_TYPES = new Set([...Object.keys(PUBLIC_TYPES), 'department']);

const baseId = (id: string) => id.replace(/^drafts\./, '');

export interface PlantedDataset {
  documents: StoredDocument[];
  plants: Plant[];
  /** The plant a payload number came from. */
  plantOf: (n: number) => Plant | undefined;
}

/** Payload numbers are plant × 100 + payload, so one number names both. */
const STRIDE = 100;

export function plantedDataset(): PlantedDataset {
  const documents = readFileSync(join(ROOT, 'content', 'dataset.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as StoredDocument);
  const plants: Plant[] = [];
  const plant = (doc: StoredDocument, path: string): string => {
    const n = plants.length + 1;
    // A summary holds 300 characters: odd and even ones get alternate halves of the payloads.
    const chosen = PAYLOADS.map((payload, k) => [payload, k] as const).filter(([, k]) => path !== 'summary' || k % 2 === n % 2);
    // A label unique to the field opens the text, so every piece of it is unique too.
    const value = `标记${n}号 ${chosen.map(([payload, k]) => payload(n * STRIDE + k)).join(' ')} 尾${n}`;
    plants.push({ id: doc._id, type: doc._type, path, value });
    return value;
  };
  const walk = (doc: StoredDocument, value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => walk(doc, item, `${path}[${index}]`));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => {
        const fieldPath = path ? `${path}.${key}` : key;
        // Objects are walked into whatever their name (a 公开属性's reason is free text).
        if (STRUCTURED.has(key) || (typeof field === 'string' && FORMATTED.has(key))) return [key, field];
        if (typeof field === 'string' && field.trim() !== '') return [key, plant(doc, fieldPath)];
        return [key, walk(doc, field, fieldPath)];
      }),
    );
  };

  const assets: StoredDocument[] = [];
  const planted = documents.map((doc) => {
    if (!PLANTED_TYPES.has(doc._type)) return doc;
    const out = walk(doc, doc, '') as StoredDocument;
    if (Array.isArray(out.body)) linkFirstSpan(out, plant);
    if (['policy', 'interpretation', 'trademarkNews'].includes(doc._type)) {
      // Beside any attachment the document has (its title was planted above), two of the test's own.
      const own = Array.isArray(out.attachments) ? out.attachments : [];
      out.attachments = [...own, ...attachmentsFor(out, plant, assets, own.length)];
    }
    return out;
  });
  const all = [...planted, ...assets];
  return { documents: all, plants, plantOf: (n) => plants[Math.floor(n / STRIDE) - 1] };
}

type PlantFn = (doc: StoredDocument, path: string) => string;

/** A link annotation on the body's first span, to an address that is safe but full of quotes and markup. */
function linkFirstSpan(doc: StoredDocument, plant: PlantFn): void {
  const block = (doc.body as { _type: string; markDefs?: object[]; children?: { marks?: string[] }[] }[]).find(
    (b) => b._type === 'block' && b.children?.length,
  );
  if (!block) return;
  const label = plant(doc, 'body.markDefs.href');
  const href = `https://www.example.gov.cn/p?q=${label}`;
  block.markDefs = [...(block.markDefs ?? []), { _key: 'xsslink', _type: 'link', href }];
  block.children![0]!.marks = [...(block.children![0]!.marks ?? []), 'xsslink'];
}

/** Two attachments: a file on another host and one on this site, titled and named with payloads. */
function attachmentsFor(doc: StoredDocument, plant: PlantFn, assets: StoredDocument[], first: number): object[] {
  // Drafts and their published documents share their assets, as in the Content Lake.
  const id = baseId(doc._id);
  const urls = [`https://files.example.gov.cn/${id}.pdf?name=`, `/files/${id}.pdf?name=`];
  return urls.map((url, index) => {
    const assetId = `file-xss${index}-${id}`;
    if (!assets.some((asset) => asset._id === assetId)) {
      assets.push({
        _id: assetId,
        _type: 'sanity.fileAsset',
        url: `${url}${plant({ _id: assetId, _type: 'sanity.fileAsset' }, 'url')}`,
        originalFilename: plant({ _id: assetId, _type: 'sanity.fileAsset' }, 'originalFilename'),
        extension: 'pdf',
        mimeType: 'application/pdf',
        size: 1024 * (index + 1),
      });
    }
    return {
      _type: 'file',
      _key: `xss${index}`,
      title: plant(doc, `attachments[${first + index}].title`),
      asset: { _type: 'reference', _ref: assetId },
    };
  });
}
