/**
 * 双随机抽查事项清单 for 2024–2026. Every item cites the article that empowers the check.
 */
import { BUREAU } from '../../core/bureau.ts';
import { departmentId, EDITORS, sourceOf } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { TOPIC } from './topics.ts';

type Method = '书面检查' | '实地核查' | '网络监测' | '抽样检测' | '委托专业机构' | '其他方式';

interface ItemSpec {
  id: string;
  category: string;
  item: string;
  target: string;
  level: 'general' | 'key';
  methods: Method[];
  basis: string;
}

const CATALOG: readonly ItemSpec[] = [
  { id: 'annual-report', category: '企业公示信息', item: '企业年度报告公示信息的检查', target: '企业', level: 'general', methods: ['书面检查', '实地核查'], basis: '《企业信息公示暂行条例》第十四条' },
  { id: 'instant-info', category: '企业公示信息', item: '企业即时公示信息的检查', target: '企业', level: 'general', methods: ['书面检查', '实地核查'], basis: '《企业信息公示暂行条例》第十四条' },
  { id: 'registration', category: '登记事项', item: '经营主体登记事项的检查', target: '企业、个体工商户、农民专业合作社', level: 'general', methods: ['书面检查', '实地核查'], basis: '《中华人民共和国市场主体登记管理条例实施细则》第六十六条' },
  { id: 'food-sales', category: '食品经营', item: '食品销售者的监督检查', target: '食品销售者（含商场超市、农贸市场开办者）', level: 'key', methods: ['实地核查', '抽样检测'], basis: '《中华人民共和国食品安全法》第一百一十条' },
  { id: 'catering', category: '食品经营', item: '餐饮服务提供者的监督检查', target: '餐饮服务提供者（含学校、养老机构食堂）', level: 'key', methods: ['实地核查'], basis: '《食品生产经营监督检查管理办法》第二十条' },
  { id: 'food-production', category: '食品生产', item: '食品生产者的监督检查', target: '食品生产企业', level: 'key', methods: ['实地核查', '抽样检测'], basis: '《食品生产经营监督检查管理办法》第十五条' },
  { id: 'food-workshop', category: '食品生产', item: '食品生产加工小作坊的监督检查', target: '食品生产加工小作坊', level: 'general', methods: ['实地核查', '抽样检测'], basis: '《中华人民共和国食品安全法》第三十六条' },
  { id: 'equipment-users', category: '特种设备', item: '特种设备使用单位的监督检查', target: '电梯、锅炉、压力容器、起重机械等特种设备使用单位', level: 'key', methods: ['实地核查'], basis: '《中华人民共和国特种设备安全法》第五十七条' },
  { id: 'elevator-maintenance', category: '特种设备', item: '电梯维护保养单位的监督检查', target: '电梯维护保养单位', level: 'key', methods: ['实地核查', '书面检查'], basis: '《特种设备安全监督检查办法》第八条' },
  { id: 'gas-cylinders', category: '特种设备', item: '气瓶充装单位的证后监督检查', target: '气瓶充装单位', level: 'key', methods: ['实地核查'], basis: '《特种设备安全监督检查办法》第十五条' },
  { id: 'industrial-products', category: '工业产品质量', item: '工业产品生产企业产品质量监督抽查', target: '工业产品生产企业', level: 'key', methods: ['抽样检测', '委托专业机构'], basis: '《中华人民共和国产品质量法》第十五条' },
  { id: 'fireworks', category: '工业产品质量', item: '烟花爆竹生产企业产品质量监督抽查', target: '烟花爆竹生产企业', level: 'key', methods: ['抽样检测', '实地核查'], basis: '《中华人民共和国产品质量法》第十五条' },
  { id: 'ceramics', category: '工业产品质量', item: '日用陶瓷（食品接触用）产品质量监督抽查', target: '日用陶瓷生产企业', level: 'general', methods: ['抽样检测', '委托专业机构'], basis: '《中华人民共和国产品质量法》第十五条' },
  { id: 'advertising', category: '广告', item: '广告发布行为的检查', target: '广告主、广告经营者、广告发布者', level: 'general', methods: ['网络监测', '书面检查'], basis: '《中华人民共和国广告法》第四十九条' },
  { id: 'pricing', category: '价格', item: '明码标价和价格收费行为的检查', target: '商品经营者和服务提供者', level: 'general', methods: ['实地核查', '网络监测'], basis: '《中华人民共和国价格法》第三十四条' },
  { id: 'meters', category: '计量', item: '重点计量器具使用情况的检查', target: '加油站、集贸市场等计量器具使用单位', level: 'general', methods: ['实地核查', '抽样检测'], basis: '《中华人民共和国计量法》第十八条' },
  { id: 'online-disclosure', category: '网络交易', item: '网络交易经营者亮照亮证情况的检查', target: '网络交易经营者', level: 'general', methods: ['网络监测'], basis: '《中华人民共和国电子商务法》第十五条' },
  { id: 'online-information', category: '网络交易', item: '网络交易经营者商品和服务信息披露的检查', target: '网络交易经营者（含直播间运营者）', level: 'general', methods: ['网络监测'], basis: '《中华人民共和国电子商务法》第十七条' },
  { id: 'returns', category: '消费者权益保护', item: '网络交易经营者七日无理由退货义务履行情况的检查', target: '网络交易经营者', level: 'general', methods: ['网络监测', '书面检查'], basis: '《中华人民共和国消费者权益保护法》第二十五条' },
  { id: 'trademark-use', category: '商标', item: '注册商标使用行为的检查', target: '商标注册人', level: 'general', methods: ['实地核查', '书面检查'], basis: '《中华人民共和国商标法》第四十九条' },
];

const PLAN_ITEMS: Record<number, readonly string[]> = {
  2024: ['annual-report', 'instant-info', 'registration', 'food-sales', 'catering', 'food-production', 'equipment-users', 'industrial-products', 'fireworks', 'advertising', 'pricing', 'meters'],
  2025: ['annual-report', 'instant-info', 'registration', 'food-sales', 'catering', 'food-production', 'food-workshop', 'equipment-users', 'elevator-maintenance', 'industrial-products', 'fireworks', 'ceramics', 'advertising', 'pricing', 'meters', 'online-disclosure'],
  2026: ['annual-report', 'instant-info', 'registration', 'food-sales', 'catering', 'food-production', 'food-workshop', 'equipment-users', 'elevator-maintenance', 'gas-cylinders', 'industrial-products', 'fireworks', 'ceramics', 'advertising', 'pricing', 'meters', 'online-disclosure', 'online-information', 'returns', 'trademark-use'],
};

const FORMED: Record<number, [string, number]> = {
  2024: ['2024-01-22', 5],
  2025: ['2025-02-17', 6],
  2026: ['2026-02-05', 4],
};

export function planId(year: number): string {
  return `plan-${year}`;
}

function plan(year: number): Doc {
  const ids = PLAN_ITEMS[year];
  const formed = FORMED[year];
  if (!ids || !formed) throw new Error(`no plan for ${year}`);
  const items = ids.map((id, index) => {
    const spec = CATALOG.find((candidate) => candidate.id === id);
    if (!spec) throw new Error(`unknown plan item ${id}`);
    return {
      _key: `i${index + 1}`,
      category: spec.category,
      item: spec.item,
      target: spec.target,
      level: spec.level,
      methods: spec.methods,
      subject: BUREAU.name,
      basis: spec.basis,
    };
  });
  const keyCount = items.filter((item) => item.level === 'key').length;
  const categories = [...new Set(items.map((item) => item.category))];
  const release = releaseAfter(formed[0], formed[1], `plan-${year}`);
  return {
    _id: planId(year),
    _type: 'inspectionPlan',
    title: `株洲市市场监督管理局${year}年度“双随机、一公开”抽查事项清单`,
    slug: slug(`${year}-random-inspection-plan`),
    publisher: ref(departmentId('xyjd')),
    topic: TOPIC.business,
    summary: `公布本局${year}年度“双随机、一公开”抽查事项${items.length}项，其中重点检查事项${keyCount}项、一般检查事项${items.length - keyCount}项，涵盖${categories.join('、')}等类别，明确检查对象、检查方式和检查依据。`,
    formedAt: release.formedAt,
    publishedAt: release.publishedAt,
    disclosure: PROACTIVE,
    year,
    items,
    responsibleEditor: EDITORS[(year - 2024) % EDITORS.length],
    source: sourceOf('xyjd'),
    body: portableText([
      `根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》和湖南省市场监督管理局关于${year}年度“双随机、一公开”监管工作的部署，结合我市实际，制定本局${year}年度随机抽查事项清单。`,
      `本清单共${items.length}项，其中重点检查事项${keyCount}项，抽查比例和频次按照经营主体信用风险分类结果确定；一般检查事项${items.length - keyCount}项。`,
      '抽查结果自检查结束之日起20个工作日内通过国家企业信用信息公示系统和本局政府网站向社会公示。清单执行中因法律法规调整或者上级部署需要增减事项的，将及时调整并公布。',
    ]),
  };
}

export function inspectionPlanDocuments(): Doc[] {
  return [2024, 2025, 2026].map(plan);
}
