/**
 * Enterprise names and 统一社会信用代码 for inspection notices, from a seeded combination of
 * place + 字号 + industry + organisational form. Codes follow GB 32100-2015: 9 (registered by
 * market regulation) + 1 (enterprise) or 2 (个体工商户) + the administrative division + a
 * 9-character organisation code (its own GB 11714 check character) + the check character.
 */
import { withCheckCharacter } from '../../core/model/creditCode.ts';
import { pick, weighted, type Random } from './random.ts';

export interface Place {
  /** As written in an individual business's name: 株洲市芦淞区, 醴陵市. */
  fullName: string;
  /** Prefix of a company name registered there: 株洲 for the city districts, the county's own name otherwise. */
  companyPrefix: string;
  /** GB/T 2260 administrative division code. */
  division: string;
}

export const PLACES = {
  tianyuan: { fullName: '株洲市天元区', companyPrefix: '株洲', division: '430211' },
  lusong: { fullName: '株洲市芦淞区', companyPrefix: '株洲', division: '430203' },
  hetang: { fullName: '株洲市荷塘区', companyPrefix: '株洲', division: '430202' },
  shifeng: { fullName: '株洲市石峰区', companyPrefix: '株洲', division: '430204' },
  lukou: { fullName: '株洲市渌口区', companyPrefix: '株洲', division: '430212' },
  liling: { fullName: '醴陵市', companyPrefix: '醴陵市', division: '430281' },
  youxian: { fullName: '攸县', companyPrefix: '攸县', division: '430223' },
  chaling: { fullName: '茶陵县', companyPrefix: '茶陵县', division: '430224' },
  yanling: { fullName: '炎陵县', companyPrefix: '炎陵县', division: '430225' },
} as const satisfies Record<string, Place>;

export type PlaceKey = keyof typeof PLACES;

const TRADE_NAMES = [
  '鑫达', '华瑞', '鸿福', '天盛', '宏源', '金湘', '湘韵', '瑞丰', '恒昌', '聚源', '兴旺', '永盛', '顺达', '福满',
  '嘉禾', '德盛', '锦程', '和美', '佳和', '众诚', '新湘', '海川', '明辉', '远航', '凯达', '长青', '博雅', '同创',
  '君安', '弘泰', '立信', '益康', '康源', '湘江', '神农', '渌江', '洣水', '鼎盛', '星辰', '荣兴', '泰和', '润丰',
  '安达', '振华', '创新', '诚信', '万家', '百佳', '利民', '宏图', '腾飞', '华兴', '德润', '致远', '九华', '云龙',
  '天易', '晨光', '丰源', '银海', '盛世', '正大', '仁和', '亿佳', '联众', '汇鑫', '金穗', '惠民', '湘泰', '鹏程',
];

const SURNAMES = ['刘', '王', '李', '陈', '张', '谭', '周', '罗', '彭', '易', '贺', '文', '龙', '谢', '胡', '曾', '邓', '黄'];

/**
 * An industry word of a name (食品, 烟花制造, 粉店), optionally bound to the places where such
 * businesses are (烟花 in 醴陵, 硬质合金 in 荷塘) and to 字号 that suit it.
 */
export type IndustryWord = string | { word: string; places?: readonly PlaceKey[]; names?: readonly string[] };

export interface IndustryProfile {
  /** Industry words of companies, e.g. 食品, 餐饮管理. */
  company: readonly IndustryWord[];
  /** Industry words and forms of individual businesses, e.g. 副食店, 粉店. */
  individual: readonly IndustryWord[];
  /** Probability that a record is a 个体工商户. */
  individualShare: number;
  places: readonly (readonly [PlaceKey, number])[];
  /** Extra 字号 that fit the industry (mixed with the general ones). */
  tradeNames?: readonly string[];
}

const ALL_PLACES: readonly (readonly [PlaceKey, number])[] = [
  ['tianyuan', 16], ['lusong', 14], ['hetang', 12], ['shifeng', 10], ['lukou', 6],
  ['liling', 14], ['youxian', 10], ['chaling', 8], ['yanling', 6],
];

const CERAMIC_NAMES = ['瓷韵', '釉彩', '华窑', '陶源', '瓷源', '玉瓷', '东堡', '五彩', '窑都', '青瓷'];
const FIREWORK_NAMES = ['焰舞', '礼花', '金焰', '星火', '彩虹', '红叶', '银焰', '烟雨', '花火', '满天星'];
const RAIL_NAMES = ['中湘', '湘轨', '联诚', '天力', '恒拓', '精工', '宏达', '动力', '轨联'];
const ceramics = (word: string): IndustryWord => ({ word, places: ['liling'], names: CERAMIC_NAMES });
const fireworks = (word: string): IndustryWord => ({ word, places: ['liling', 'liling', 'liling', 'youxian'], names: FIREWORK_NAMES });
const rail = (word: string): IndustryWord => ({ word, places: ['shifeng', 'shifeng', 'tianyuan'], names: RAIL_NAMES });
const carbide: IndustryWord = { word: '硬质合金', places: ['hetang', 'hetang', 'tianyuan'] };
const clothing = (word: string): IndustryWord => ({ word, places: ['lusong', 'lusong', 'lusong', 'hetang'] });

export const INDUSTRIES = {
  food: {
    company: ['食品', '餐饮管理', '商贸', '超市', '食品贸易', '农产品', { word: '豆制品', places: ['youxian'] }],
    individual: [
      '食品商行', '副食店', '餐馆', '粉店', '小吃店', '生鲜超市', '便利店', '饭庄', '米粉店', '卤味店',
      { word: '香干坊', places: ['youxian'] },
      { word: '黄桃果品店', places: ['yanling'] },
    ],
    individualShare: 0.6,
    places: ALL_PLACES,
  },
  general: {
    company: [
      '商贸', '科技', '建材', '物流', '机械设备', '电子科技', '建筑工程', '贸易', '信息技术', '农业开发', '汽车服务', '装饰工程', '新材料', '劳务',
      clothing('服饰'), ceramics('陶瓷'), carbide, rail('轨道交通设备'),
    ],
    individual: ['五金店', '建材经营部', '日用品商行', '电器商行', '汽车修理店', '手机店', '家具店', clothing('服饰商行'), ceramics('瓷器商行')],
    individualShare: 0.3,
    places: ALL_PLACES,
  },
  equipment: {
    company: ['物业管理', '房地产开发', '酒店管理', '机械制造', '商业管理', '热力', ceramics('陶瓷'), rail('轨道交通装备'), { word: '冶金设备', places: ['hetang', 'shifeng'] }, carbide],
    individual: ['宾馆'],
    individualShare: 0.08,
    places: ALL_PLACES,
  },
  priceAdvertising: {
    company: ['商贸', '广告传媒', '文化传媒', '超市', '停车场管理', '石油销售', '大药房连锁', '汽车销售服务', '眼镜', '健身服务'],
    individual: ['商行', '眼镜店', '美容美发店', '大药房', '停车场', '水果店', clothing('服装店')],
    individualShare: 0.4,
    places: ALL_PLACES,
  },
  fireworksCeramics: {
    company: [fireworks('烟花制造'), fireworks('花炮制造'), fireworks('烟花爆竹'), ceramics('陶瓷'), ceramics('瓷业'), ceramics('陶瓷艺术'), ceramics('日用瓷')],
    individual: [ceramics('陶瓷经营部'), ceramics('瓷器商行')],
    individualShare: 0.1,
    places: [['liling', 1]],
  },
  online: {
    company: ['电子商务', '网络科技', '农业科技', '电商', '供应链管理', '文化传播'],
    individual: ['电子商务商行', '网店', '农产品经营部', '直播电商工作室', { word: '黄桃电商商行', places: ['yanling'] }],
    individualShare: 0.45,
    places: ALL_PLACES,
    tradeNames: ['桃源', '金桃', '云上', '优品', '乐购', '好物', '湘品', '鲜果', '山里'],
  },
  railTransit: {
    company: ['轨道交通装备', '电气', '精密制造', '机车配件', '齿轮', '绝缘材料', '电力电子', '复合材料'].map(rail),
    individual: [],
    individualShare: 0,
    places: [['shifeng', 1]],
  },
} as const satisfies Record<string, IndustryProfile>;

export type IndustryKey = keyof typeof INDUSTRIES;

const CHARSET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

/** GB 11714 check character of an 8-character organisation code body. */
function organisationCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function creditCode(random: Random, individual: boolean, division: string): string {
  let body = pick(random, ['MA4', 'MA4', 'MA7']);
  for (let i = 0; i < 5; i++) body += pick(random, CHARSET);
  return withCheckCharacter(`9${individual ? '2' : '1'}${division}${body}${organisationCheck(body)}`);
}

export interface Enterprise {
  enterpriseName: string;
  creditCode: string;
  individual: boolean;
}

/** Draws enterprises that are unique by name and code across everything one generator makes. */
export class EnterpriseGenerator {
  private readonly names = new Set<string>();
  private readonly codes = new Set<string>();
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  next(industry: IndustryKey): Enterprise {
    const profile: IndustryProfile = INDUSTRIES[industry];
    for (let attempt = 0; attempt < 1000; attempt++) {
      const enterprise = this.draw(profile);
      if (this.names.has(enterprise.enterpriseName) || this.codes.has(enterprise.creditCode)) continue;
      this.names.add(enterprise.enterpriseName);
      this.codes.add(enterprise.creditCode);
      return enterprise;
    }
    throw new Error(`cannot find a new ${industry} enterprise name`);
  }

  private draw(profile: IndustryProfile): Enterprise {
    const random = this.random;
    const individual = profile.individual.length > 0 && random() < profile.individualShare;
    const entry = pick(random, individual ? profile.individual : profile.company);
    const industry = typeof entry === 'string' ? { word: entry } : entry;
    const place: Place = PLACES[industry.places ? pick(random, industry.places) : weighted(random, profile.places)];
    const names = industry.names ?? (profile.tradeNames && random() < 0.6 ? profile.tradeNames : TRADE_NAMES);
    if (individual) {
      const trade = random() < 0.2 ? `${pick(random, SURNAMES)}记` : pick(random, names);
      return {
        enterpriseName: `${place.fullName}${trade}${industry.word}`,
        creditCode: creditCode(random, true, place.division),
        individual,
      };
    }
    const prefix = random() < 0.18 ? '湖南' : place.companyPrefix;
    const form = weighted(random, [['有限公司', 8], ['有限责任公司', 2]] as const);
    return {
      enterpriseName: `${prefix}${pick(random, names)}${industry.word}${form}`,
      creditCode: creditCode(random, false, prefix === '湖南' && random() < 0.5 ? '430200' : place.division),
      individual,
    };
  }
}
