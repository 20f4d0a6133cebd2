/**
 * Chinese labels of fields, shared by Studio (field titles) and the site (metadata tables),
 * so the public and the editors see the same words for the same field.
 */
export const FIELD_LABELS = {
  title: '标题',
  slug: '网址标识',
  indexNumber: '索引号',
  publisher: '发布机构',
  topic: '主题分类',
  summary: '内容概述',
  formedAt: '生成日期',
  publishedAt: '发布日期',
  disclosure: '公开属性',
  disclosureMode: '公开方式',
  disclosureGround: '不予主动公开的依据',
  disclosureReason: '理由说明',
  reviewedAt: '最近复核日期',
  body: '正文',
  attachments: '附件',
  responsibleEditor: '责任编辑',
  source: '信息来源',
  lastEditedBy: '最后修改人',
  docNumber: '发文字号',
  issuer: '发文机关',
  drafter: '起草科室',
  validity: '有效性',
  interpretation: '相关解读',
  replacedBy: '修改或替代本文件的文件',
  policy: '相关文件',
  interpreter: '第一解读人',
  form: '解读形式',
  placeholder: '占位解读',
  period: '统计期间',
  figures: '受理情况',
  complaintCategories: '投诉分类',
  reportCategories: '举报分类',
  recoveredLoss: '挽回经济损失（万元）',
  completionRate: '按时办结率（%）',
  year: '年度',
  items: '抽查事项',
  plan: '所依据的事项清单',
  taskName: '抽查任务名称',
  inspectedFrom: '检查开始日期',
  inspectedTo: '检查结束日期',
  records: '抽查结果',
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  result: '检查结果',
  note: '备注',
  category: '类别',
  name: '名称',
  code: '代码',
  post: '职务',
  responsibilities: '工作分工',
  order: '排序',
  updatedOn: '修订日期',
  duties: '主要职责',
  functions: '职责',
  requestBody: '依申请公开',
  item: '公开事项',
  scope: '公开内容',
  department: '责任科室',
  timeLimit: '公开时限',
  channels: '公开渠道',
  kind: '类型',
  session: '届次/会次',
  number: '编号',
  proposer: '提出人',
  leadUnit: '主办单位',
  coUnits: '会办单位',
  replyCategory: '办理结果分类',
  repliedAt: '答复日期',
  siteName: '网站名称',
  siteIdCode: '网站标识码',
  icpNumber: 'ICP备案号',
  psbNumber: '公安机关备案号',
  psbUrl: '公安备案查询链接',
  domain: '网站域名',
  sponsor: '主办单位',
  office: '政府信息公开工作机构',
  officeName: '机构名称',
  address: '办公地址',
  postcode: '邮政编码',
  phone: '咨询电话',
  fax: '传真',
  email: '电子邮箱',
  hours: '办公时间',
} as const;

/**
 * Where a type's public page prints a field under another name than the Studio's: government
 * sites print a policy's 生成日期 as 成文日期 (the day the document was signed). The field and its
 * Studio title stay as they are.
 */
const PUBLIC_LABELS: Partial<Record<string, Partial<Record<keyof typeof FIELD_LABELS, string>>>> = {
  policy: { formedAt: '成文日期' },
};

/** The label of `field` on the public page of a `type` document. */
export function publicLabel(type: string, field: keyof typeof FIELD_LABELS): string {
  return PUBLIC_LABELS[type]?.[field] ?? FIELD_LABELS[field];
}

/** The tabs a document's fields are grouped in (the Studio opens the first). */
export const GROUP_LABELS = {
  content: '内容',
  metadata: '公开目录信息',
} as const;
