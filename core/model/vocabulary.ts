/**
 * Fixed vocabularies of the content model, each value with its Chinese label.
 * Studio option lists, zod enums and the site's labels all read from here, so a value
 * is added or renamed in exactly one place.
 */

/** A vocabulary: stored value → Chinese label, in display order. */
export type Vocabulary<V extends string> = Readonly<Record<V, string>>;

export function valuesOf<V extends string>(vocabulary: Vocabulary<V>): [V, ...V[]] {
  return Object.keys(vocabulary) as [V, ...V[]];
}

/** Sanity `options.list` entries for a vocabulary. */
export function optionList<V extends string>(vocabulary: Vocabulary<V>): { title: string; value: V }[] {
  return valuesOf(vocabulary).map((value) => ({ value, title: vocabulary[value] }));
}

/** 公开属性 (disclosure mode). Only `proactive` information is ever public. */
export const DISCLOSURE_MODES = {
  proactive: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
} as const satisfies Vocabulary<string>;
export type DisclosureMode = keyof typeof DISCLOSURE_MODES;

/**
 * The legal grounds (条例 第十四–十六条) on which information is 依申请公开 or 不予公开 — the same eight as the
 * 不予公开 rows of the annual report's 表三, so a document's ground, a request's refusal and the report count alike.
 */
export const WITHHOLDING_GROUNDS = {
  stateSecret: '国家秘密',
  prohibitedByLaw: '法律、行政法规禁止公开',
  threeSecurities: '危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）',
  thirdPartyRights: '涉及第三方合法权益',
  internalAffairs: '内部事务信息',
  processInformation: '过程性信息',
  enforcementFiles: '行政执法案卷信息',
  administrativeQuery: '行政查询事项',
} as const satisfies Vocabulary<string>;
export type WithholdingGround = keyof typeof WITHHOLDING_GROUNDS;

/** 有效性 of a policy document. */
export const VALIDITY = {
  valid: '有效',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
} as const satisfies Vocabulary<string>;
export type Validity = keyof typeof VALIDITY;

/**
 * 文件类别 of a policy: the rows of the annual report's 表二 (规章, 行政规范性文件), or neither. A municipal
 * bureau issues no 规章 of its own; the value is there because the template counts it.
 */
export const POLICY_KINDS = {
  regulation: '规章',
  normative: '行政规范性文件',
  other: '其他文件',
} as const satisfies Vocabulary<string>;

/** 解读形式. */
export const INTERPRETATION_FORMS = {
  text: '文字解读',
  graphic: '图文解读',
  qa: '问答解读',
  video: '视频解读',
} as const satisfies Vocabulary<string>;

/** 商标品牌 news categories. The stored value is the Chinese name itself, as the spec lists it. */
export const TRADEMARK_CATEGORIES = {
  商标注册便利化: '商标注册便利化',
  商标执法: '商标执法',
  品牌建设: '品牌建设',
  地理标志: '地理标志',
  其他: '其他',
} as const satisfies Vocabulary<string>;

/** 建议提案办理复文: whose proposal the reply answers. */
export const PROPOSAL_KINDS = {
  deputySuggestion: '人大代表建议',
  memberProposal: '政协委员提案',
} as const satisfies Vocabulary<string>;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;

/**
 * 办理结果分类 of a reply (A/B/C), as the 人大 and 政协 offices classify them: the letter is
 * what is stored and printed; the label says what it means.
 */
export const PROPOSAL_CATEGORIES = {
  A: 'A类：所提问题已解决或基本解决',
  B: 'B类：所提问题正在解决或已列入计划逐步解决',
  C: 'C类：因条件限制或其他原因暂时无法解决',
} as const satisfies Vocabulary<string>;

/** The categories of the 主动公开基本目录 (disclosureCommitment), in the order the public page lists them. */
export const COMMITMENT_CATEGORIES = {
  organisation: '机构信息',
  policy: '政策文件',
  planning: '规划计划',
  licensing: '行政许可与备案',
  enforcement: '行政处罚与行政强制',
  inspection: '监督检查',
  finance: '财政资金',
  service: '公共服务',
  other: '其他',
} as const satisfies Vocabulary<string>;

/** Where the bureau publishes what it commits to (条例 第二十三条, 第二十四条). */
export const DISCLOSURE_CHANNELS = {
  website: '门户网站',
  newMedia: '政务新媒体',
  gazette: '政府公报',
  serviceCentre: '政务服务中心',
  noticeBoard: '公告栏、电子屏',
  archive: '档案馆、图书馆查阅点',
  press: '新闻发布会、报刊广播电视',
} as const satisfies Vocabulary<string>;

/** 抽查结果 of one enterprise in a random-inspection result notice. */
export const INSPECTION_RESULTS = {
  no_issue: '未发现问题',
  corrected: '发现问题已责令改正',
  pending: '发现问题待后续处理',
  no_activity: '未发现本次抽查涉及的生产经营活动',
  not_disclosed: '未按规定公示应当公示的信息',
  false_disclosure: '公示信息隐瞒真实情况弄虚作假',
  unreachable: '通过登记的住所（经营场所）无法联系',
  uncooperative: '不配合检查情节严重',
  closed: '已注销或吊销',
} as const satisfies Vocabulary<string>;
export type InspectionResultCode = keyof typeof INSPECTION_RESULTS;

/** 抽查事项 level: 一般检查事项 or 重点检查事项. */
export const INSPECTION_LEVELS = {
  general: '一般检查事项',
  key: '重点检查事项',
} as const satisfies Vocabulary<string>;
export type InspectionLevel = keyof typeof INSPECTION_LEVELS;

/** 检查方式. Stored as the Chinese names used in 事项清单. */
export const INSPECTION_METHODS = {
  书面检查: '书面检查',
  实地核查: '实地核查',
  网络监测: '网络监测',
  抽样检测: '抽样检测',
  委托专业机构: '委托专业机构',
  其他方式: '其他方式',
} as const satisfies Vocabulary<string>;

/** Complaint categories are split into goods (商品类) and services (服务类). */
export const COMPLAINT_KINDS = {
  goods: '商品类',
  services: '服务类',
} as const satisfies Vocabulary<string>;

/** The three 12315 channels whose volumes every analysis reports. */
export const COMPLAINT_FIGURES = {
  consultations: '咨询',
  complaints: '投诉',
  reports: '举报',
} as const satisfies Vocabulary<string>;
export type ComplaintFigure = keyof typeof COMPLAINT_FIGURES;

/** What the workflow does to a unit (审计记录's 操作). */
export const WORKFLOW_ACTIONS = {
  submit: '送审',
  signoff: '审签通过',
  return: '退回修改',
  release: '同步发布',
  withdraw: '同步撤回',
  review: '公开属性复核',
} as const satisfies Vocabulary<string>;
export type WorkflowAction = keyof typeof WORKFLOW_ACTIONS;

/**
 * The conclusion of the yearly 复核 of information that is not proactive (条例 第十八条). The review only
 * records it: turning information proactive is an edit of its 公开属性, signed off and released as usual.
 */
export const REVIEW_OUTCOMES = {
  keep: '维持现公开属性',
  proactive: '可转为主动公开',
} as const satisfies Vocabulary<string>;
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;

/** 审签意见. */
export const SIGN_OFF_DECISIONS = { approve: '同意发布', return: '退回修改' } as const satisfies Vocabulary<string>;

/**
 * 主题分类: the State Council's two-level subject classification used by every
 * 政府信息公开目录 (e.g. gov.cn). Stored as `大类\小类`, or the bare `其他`.
 */
const TOPIC_TREE: Record<string, string[]> = {
  国务院组织机构: [
    '国务院组成部门',
    '国务院直属机构',
    '国务院办事机构',
    '国务院直属事业单位',
    '国务院部委管理的国家局',
    '议事协调机构',
    '其他',
  ],
  综合政务: ['政务公开', '应急管理', '政务督查', '文秘工作', '电子政务', '信访', '行政审批', '其他'],
  '国民经济管理、国有资产监管': ['宏观经济', '经济体制改革', '国有资产监管', '物价', '统计', '其他'],
  '财政、金融、审计': ['财政', '税务', '银行', '证券', '保险', '审计', '其他'],
  '国土资源、能源': ['土地', '矿产', '海洋', '电力', '煤炭', '石油与天然气', '其他'],
  '农业、林业、水利': ['农业、畜牧业、渔业', '林业', '水利', '其他'],
  '工业、交通': ['工业', '信息产业（含电信）', '铁路', '民航', '公路', '水运', '邮政', '其他'],
  '商贸、海关、旅游': ['国内贸易（含供销）', '对外经贸合作', '海关', '旅游', '其他'],
  '市场监管、安全生产监管': ['工商', '质量监督', '食品药品监管', '安全生产监管', '其他'],
  '城乡建设、环境保护': ['城市规划', '城乡建设（含住房）', '节能与资源综合利用', '环境监测、保护与治理', '气象、水文、测绘、地震', '其他'],
  '科技、教育': ['科技', '教育', '知识产权', '其他'],
  '文化、广电、新闻出版': ['文化', '广播影视', '新闻出版', '其他'],
  '卫生、体育': ['卫生', '医药管理', '体育', '其他'],
  '人口与计划生育、妇女儿童工作': ['计划生育与人口', '妇女儿童', '其他'],
  '劳动、人事、监察': ['劳动就业', '社会保障', '人事工作', '监察', '其他'],
  '公安、安全、司法': ['公安', '安全', '司法', '其他'],
  '民政、扶贫、救灾': ['社团管理', '优抚安置', '减灾救灾', '扶贫', '其他'],
  '民族、宗教': ['民族事务', '宗教事务', '其他'],
  对外事务: ['外交、外事', '其他'],
  港澳台侨工作: ['港澳工作', '台湾工作', '侨务工作', '其他'],
  国防: ['国防建设', '国防动员', '其他'],
};

/** Every allowed 主题分类 value, e.g. `市场监管、安全生产监管\工商`. */
export const TOPICS: Vocabulary<string> = Object.fromEntries([
  ...Object.entries(TOPIC_TREE).flatMap(([group, subs]) => subs.map((sub) => [`${group}\\${sub}`, `${group} › ${sub}`] as const)),
  ['其他', '其他'],
]);

/** The top-level group of a topic (`市场监管、安全生产监管\工商` → `市场监管、安全生产监管`). */
export function topicGroup(topic: string): string {
  return topic.split('\\')[0] ?? topic;
}

/**
 * How a 政府信息公开申请 reached the office (条例 第三十一条): the channel decides which date is the day it
 * counts as received — the day handed in, the day a registered letter is signed for, or the day the office and
 * the applicant confirm it (an ordinary letter, the internet channel, e-mail, the office's fax).
 */
export const REQUEST_CHANNELS = {
  inPerson: '当面提交',
  registeredMail: '邮寄（需签收）',
  ordinaryMail: '平常信函（无需签收）',
  online: '互联网渠道（网上申请平台）',
  email: '电子邮件',
  fax: '传真',
} as const satisfies Vocabulary<string>;
export type RequestChannel = keyof typeof REQUEST_CHANNELS;

/** The applicant, as the columns of the annual report's 表三 (自然人; 法人或其他组织 in five kinds). */
export const APPLICANT_KINDS = {
  naturalPerson: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrganisation: '其他法人或其他组织',
} as const satisfies Vocabulary<string>;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

/** The form the applicant wants the information in (条例 第二十九条). */
export const REQUEST_FORMS = {
  paper: '纸质',
  electronic: '电子文档',
  email: '电子邮件发送',
  onSite: '当场阅读、抄录',
  other: '其他形式',
} as const satisfies Vocabulary<string>;
export type RequestForm = keyof typeof REQUEST_FORMS;

/** 办理结果: the six groups of rows of 表三 (条例 第三十六条; 部分公开 第三十七条). */
export const REQUEST_OUTCOMES = {
  disclosed: '予以公开',
  partlyDisclosed: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  otherHandling: '其他处理',
} as const satisfies Vocabulary<string>;
export type RequestOutcome = keyof typeof REQUEST_OUTCOMES;

/** 表三 (四) 无法提供: its three rows. */
export const UNAVAILABLE_REASONS = {
  notHeld: '本机关不掌握相关政府信息',
  needsCreation: '没有现成信息需要另行制作',
  stillUnclear: '补正后申请内容仍不明确',
} as const satisfies Vocabulary<string>;
export type UnavailableReason = keyof typeof UNAVAILABLE_REASONS;

/** 表三 (五) 不予处理: its five rows. */
export const NOT_PROCESSED_REASONS = {
  petition: '信访举报投诉类申请',
  repeated: '重复申请',
  publication: '要求提供公开出版物',
  excessive: '无正当理由大量反复申请',
  confirmation: '要求行政机关确认或重新出具已获取信息',
} as const satisfies Vocabulary<string>;
export type NotProcessedReason = keyof typeof NOT_PROCESSED_REASONS;

/** 表三 (六) 其他处理: its three rows. */
export const OTHER_HANDLING_REASONS = {
  noCorrection: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  feeUnpaid: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '其他',
} as const satisfies Vocabulary<string>;
export type OtherHandlingReason = keyof typeof OTHER_HANDLING_REASONS;
