/**
 * The document types of the content model (spec §1) and their Chinese names.
 * `_type` values are the contract with Studio, importers and tests: never rename them.
 */

/** Types the public can see (when released and proactive), each with its Chinese name. */
export const PUBLIC_TYPES = {
  policy: '政策文件',
  interpretation: '政策解读',
  complaintAnalysis: '12315 指挥中心工作情况简析',
  inspectionPlan: '双随机抽查事项清单',
  inspectionResult: '抽查结果公告',
  trademarkNews: '商标品牌',
  annualReport: '政府信息公开工作年度报告',
  proposalReply: '建议提案办理复文',
  disclosureGuide: '政府信息公开指南',
  disclosureRule: '政府信息公开制度',
} as const;
export type PublicType = keyof typeof PUBLIC_TYPES;

/** Supporting types referenced by public documents. */
export const SUPPORT_TYPES = {
  department: '科室/单位',
  /** The 政府信息公开 section's registers (site/pages/xxgk/): published from the Studio, all of it public. */
  orgFunction: '机构职能',
  leader: '领导信息',
  disclosureCommitment: '主动公开基本目录事项',
  /** The bureau's site identity (网站标识码, 备案号, contact): one document, `siteSettings`. */
  siteSettings: '网站设置',
} as const;

export const CONTENT_TYPES = { ...PUBLIC_TYPES, ...SUPPORT_TYPES } as const;
export type ContentType = keyof typeof CONTENT_TYPES;

/** Records written by the tools, never typed and never public: the workflow's (审签单, 审计记录) and the publisher's (上线记录). */
export const RECORD_TYPES = {
  signOff: '审签单',
  workflowAudit: '审计记录',
  siteDeployment: '上线记录',
} as const;
export type RecordType = keyof typeof RECORD_TYPES;

export function isRecordType(type: string): type is RecordType {
  return Object.hasOwn(RECORD_TYPES, type);
}

/** The office's registers (政府信息公开申请登记): typed by the office in the Studio, validated, never public. */
export const REGISTER_TYPES = {
  disclosureRequest: '政府信息公开申请',
} as const;
export type RegisterType = keyof typeof REGISTER_TYPES;

export function isRegisterType(type: string): type is RegisterType {
  return Object.hasOwn(REGISTER_TYPES, type);
}

export function isContentType(type: string): type is ContentType {
  return Object.hasOwn(CONTENT_TYPES, type);
}

export function isPublicType(type: string): type is PublicType {
  return Object.hasOwn(PUBLIC_TYPES, type);
}

/**
 * Documents Sanity itself keeps in every dataset (asset metadata, access groups,
 * retention settings). They are read past, never validated as content.
 */
export function isSystemDocument(doc: { _id: string; _type: string }): boolean {
  return doc._id.startsWith('_.') || doc._type.startsWith('sanity.') || doc._type.startsWith('system.');
}

const DRAFT_PREFIX = 'drafts.';

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFT_PREFIX);
}

/** Content releases keep their versions as `versions.<release>.<id>`: never the published document. */
const VERSION_PREFIX = 'versions.';

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSION_PREFIX);
}

/**
 * A published document's id: neither a draft nor a release version. Only these can ever be
 * public; every check of "is this published" goes through here.
 */
export function isPublishedId(id: string): boolean {
  return !isDraftId(id) && !isVersionId(id);
}

/** `drafts.policy-1` → `policy-1`; published ids are returned as they are. */
export function publishedId(id: string): string {
  return isDraftId(id) ? id.slice(DRAFT_PREFIX.length) : id;
}

export function draftId(id: string): string {
  return isDraftId(id) ? id : DRAFT_PREFIX + id;
}
