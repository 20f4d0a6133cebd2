/**
 * 商标品牌 news: the builder and the news of 2022–2024 (2025–2026 in trademarkNews2.ts).
 */
import { departmentId, EDITORS, sourceOf, type DepartmentKey } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { pick, randomFor } from './random.ts';
import { TOPIC } from './topics.ts';
import { TRADEMARK_NEWS_2025_2026, TRADEMARK_DRAFT, TRADEMARK_WITHHELD } from './trademarkNews2.ts';

export type TrademarkCategory = '商标注册便利化' | '商标执法' | '品牌建设' | '地理标志' | '其他';

export interface NewsSpec {
  key: string;
  title: string;
  category: TrademarkCategory;
  department: DepartmentKey;
  formedAt: string;
  delay: number;
  summary: string;
  body: string[];
  disclosure?: { mode: 'onRequest' | 'withheld'; reason: string };
}

const NEWS_2022_2024: NewsSpec[] = [
  {
    key: '2022-trademark-window-one-stop',
    title: '株洲商标业务受理窗口推出商标业务“一窗通办”服务',
    category: '商标注册便利化',
    department: 'zscq',
    formedAt: '2022-05-16',
    delay: 3,
    summary: '株洲商标业务受理窗口整合商标注册申请、变更、续展、转让、注销等业务，实行“一窗受理、一次告知、一次办结”，并为小微企业提供免费查询和填报指导。',
    body: [
      '为进一步便利经营主体办理商标业务，设在市政务服务中心的株洲商标业务受理窗口自2022年5月起推出商标业务“一窗通办”服务。',
      '窗口整合了商标注册申请、变更、续展、转让、注销、补发证书以及出具商标注册证明等业务，实行“一窗受理、一次告知、一次办结”，申请人无需往返长沙或者北京即可办理。',
      '针对小微企业和个体工商户对商标注册流程不熟悉的问题，窗口安排专人提供商标近似查询、商品和服务项目分类、申请书填报等免费指导，帮助申请人提高注册成功率。',
      '窗口同时提供电子申请指导服务，申请人可以通过商标网上服务系统提交申请，缴费后即可获得受理通知书。',
      '据统计，2021年株洲商标业务受理窗口共受理各类商标业务3100余件，其中商标注册申请2600余件。',
      '咨询地点：株洲市政务服务中心一楼市场监管服务区。',
    ],
  },
  {
    key: '2023-ip-publicity-week',
    title: '株洲市开展2023年全国知识产权宣传周活动',
    category: '其他',
    department: 'zscq',
    formedAt: '2023-04-26',
    delay: 2,
    summary: '4月20日至26日，我市围绕“加强知识产权法治保障，有力支持全面创新”主题，开展知识产权进企业、进市场、进校园等系列宣传活动。',
    body: [
      '4月20日至26日，株洲市市场监督管理局围绕2023年全国知识产权宣传周“加强知识产权法治保障，有力支持全面创新”主题，组织开展了系列宣传活动。',
      '在芦淞区服装市场群，执法人员向商户发放商标法律知识宣传资料2000余份，现场讲解销售侵犯注册商标专用权商品的法律责任，提醒商户从正规渠道进货、索取合法来源证明。',
      '在株洲高新区轨道交通装备企业，知识产权促进科组织专利、商标专家开展“一对一”诊断服务，帮助企业梳理海外商标布局需求。',
      '在湖南工业大学，举办知识产权公开课，向大学生普及商标、专利、地理标志基础知识。',
      '4月26日，我局发布了2022年度全市知识产权保护典型案例，涉及商标侵权、假冒专利等多个类型。',
    ],
  },
  {
    key: '2023-liling-porcelain-gi',
    title: '醴陵瓷器地理标志专用标志核准使用企业新增12家',
    category: '地理标志',
    department: 'zscq',
    formedAt: '2023-09-18',
    delay: 4,
    summary: '经国家知识产权局核准，醴陵市又有12家陶瓷企业获准使用醴陵瓷器地理标志专用标志，核准使用企业总数达到58家。',
    body: [
      '近日，经国家知识产权局审核公告，醴陵市12家陶瓷企业获准使用醴陵瓷器地理标志专用标志，全市核准使用该专用标志的企业总数达到58家。',
      '醴陵是著名的“瓷城”，醴陵釉下五彩瓷烧制技艺被列入国家级非物质文化遗产名录。使用地理标志专用标志，有助于消费者辨别醴陵瓷器的真伪，提升产品附加值。',
      '今年以来，醴陵市市场监督管理局组织专人上门指导企业对照质量技术要求完善生产工艺和检验制度，帮助企业准备申请材料。',
      '下一步，市市场监督管理局将加强对专用标志使用情况的日常监管，对不符合质量技术要求或者违规使用专用标志的，依法责令整改直至撤销使用资格。',
    ],
  },
  {
    key: '2023-trademark-pledge-financing',
    title: '株洲市商标专用权质押融资额同比增长四成',
    category: '品牌建设',
    department: 'zscq',
    formedAt: '2023-12-20',
    delay: 5,
    summary: '2023年全市办理商标专用权质押登记46笔，帮助中小企业融资7.8亿元，同比增长40.5%，陶瓷、食品和服饰企业成为主要受益群体。',
    body: [
      '2023年，全市共办理商标专用权质押登记46笔，质押融资金额7.8亿元，同比增长40.5%。',
      '为帮助轻资产的中小企业盘活商标品牌价值，市市场监督管理局联合市内多家银行推出知识产权质押融资产品，将商标专用权纳入质押物范围，并建立“银行+评估+担保”合作机制。',
      '醴陵市一家日用陶瓷企业以其注册商标作质押，获得银行贷款1200万元，用于建设新的窑炉生产线。攸县一家豆制品企业以“攸县香干”系列商标质押获得贷款500万元。',
      '市市场监督管理局将继续开展知识产权质押融资“入园惠企”行动，对符合条件的企业给予贴息支持。',
    ],
  },
  {
    key: '2024-lusong-clothing-infringement',
    title: '芦淞区市场监督管理局查处一起销售侵犯注册商标专用权服装案',
    category: '商标执法',
    department: 'zfzd',
    formedAt: '2024-03-25',
    delay: 4,
    summary: '芦淞区市场监督管理局根据权利人投诉，查获某服饰商行销售的侵犯注册商标专用权羽绒服326件，依照《中华人民共和国商标法》第六十条没收侵权商品并处罚款8万元。',
    body: [
      '近日，芦淞区市场监督管理局依法查处一起销售侵犯注册商标专用权服装案。',
      '2024年1月，某运动服饰品牌权利人向芦淞区市场监督管理局投诉，反映芦淞区某服装市场内一商户销售假冒其注册商标的羽绒服。执法人员现场检查，查获标注该注册商标的羽绒服326件，当事人不能提供合法来源证明。',
      '经权利人鉴定，上述商品均为侵犯注册商标专用权的商品，货值金额4.1万元。',
      '当事人的行为违反了《中华人民共和国商标法》第五十七条第（三）项的规定。依照《中华人民共和国商标法》第六十条第二款，芦淞区市场监督管理局责令当事人立即停止侵权行为，没收侵权商品，并处罚款8万元。',
      '执法人员提醒，经营者应当从正规渠道进货，查验供货商的商标授权文件，保存进货凭证。销售不知道是侵犯注册商标专用权的商品，能证明该商品是自己合法取得并说明提供者的，依法不承担赔偿责任，但应当停止销售。',
    ],
  },
  {
    key: '2024-yanling-peach-gi-protection',
    title: '炎陵县开展炎陵黄桃地理标志保护专项行动',
    category: '地理标志',
    department: 'zscq',
    formedAt: '2024-07-15',
    delay: 3,
    summary: '炎陵黄桃上市期间，炎陵县市场监督管理局在果品集散地、快递网点和电商平台开展地理标志保护专项行动，规范专用标志使用，严打外地黄桃冒充炎陵黄桃的行为。',
    body: [
      '7月以来，炎陵黄桃进入集中上市期。为维护炎陵黄桃品牌声誉，炎陵县市场监督管理局开展了为期两个月的地理标志保护专项行动。',
      '执法人员对县内果品集散地、快递收发网点和包装箱生产企业开展拉网式检查，重点检查擅自使用地理标志专用标志、在包装上伪造产地等行为。',
      '同时，依托网络交易监测系统，对电商平台上标注“炎陵黄桃”的店铺进行监测，对销售地址不在产地范围内、涉嫌以外地黄桃冒充炎陵黄桃的网店，及时固定证据并通报平台处置。',
      '专项行动期间，共检查经营主体312户，责令整改包装标识不规范问题17起，立案查处擅自使用专用标志案件2起，收缴不规范包装箱4600余个。',
      '炎陵县市场监督管理局提醒消费者，购买炎陵黄桃时可查看包装上的地理标志专用标志和生产者信息，通过正规渠道购买。',
    ],
  },
  {
    key: '2024-trademark-agency-rectification',
    title: '我局开展商标代理行业专项整治',
    category: '其他',
    department: 'zscq',
    formedAt: '2024-10-21',
    delay: 4,
    summary: '依照《商标代理监督管理规定》，对全市在册商标代理机构开展专项检查，重点整治代理恶意商标注册、以不正当手段招揽业务等行为，约谈代理机构9家。',
    body: [
      '为规范商标代理行为，维护商标注册秩序，我局于2024年8月至10月开展商标代理行业专项整治。',
      '此次整治依照《商标代理监督管理规定》，对全市在国家知识产权局备案的商标代理机构开展全覆盖检查，重点整治代理恶意商标注册申请、以欺诈或者虚假宣传等不正当手段招揽业务、伪造变造法律文书等行为。',
      '专项整治期间，共检查商标代理机构37家，约谈9家，责令整改备案信息不实等问题6起，向国家知识产权局报送涉嫌违法线索2条。',
      '我局提醒广大企业，委托商标代理时应选择已在国家知识产权局备案的代理机构，可通过国家知识产权局商标局网站查询备案信息。',
    ],
  },
];

function newsDocument(spec: NewsSpec, draft: boolean): Doc {
  const release = draft ? undefined : releaseAfter(spec.formedAt, spec.delay, `news-${spec.key}`);
  return {
    _id: `${draft ? 'drafts.' : ''}trademark-${spec.key}`,
    _type: 'trademarkNews',
    title: spec.title,
    slug: slug(spec.key),
    publisher: ref(departmentId(spec.department)),
    topic: TOPIC.ip,
    summary: spec.summary,
    formedAt: spec.formedAt,
    ...(release ? { publishedAt: release.publishedAt } : {}),
    disclosure: spec.disclosure ?? PROACTIVE,
    category: spec.category,
    responsibleEditor: pick(randomFor(`editor:${spec.key}`), EDITORS),
    source: sourceOf(spec.department),
    body: portableText(spec.body),
  };
}

export function trademarkNewsDocuments(): Doc[] {
  return [
    ...[...NEWS_2022_2024, ...TRADEMARK_NEWS_2025_2026, TRADEMARK_WITHHELD].map((spec) => newsDocument(spec, false)),
    { ...newsDocument(TRADEMARK_DRAFT, true), _createdAt: '2026-11-25T02:20:14Z', _updatedAt: '2026-11-27T06:58:40Z' },
  ];
}
