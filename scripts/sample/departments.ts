/**
 * 科室/单位 of 株洲市市场监督管理局, with the head of each (the 第一解读人 of what it drafts).
 * The people are invented; the structure follows a municipal market-regulation bureau.
 */
import type { Doc } from './documents.ts';

export interface DepartmentSpec {
  id: string;
  name: string;
  code: string;
  /** Head of the department, named in interpretations as 第一解读人. */
  head: string;
  /** The head's post as written after the name, e.g. 政策法规科科长. */
  post: string;
}

export const DEPARTMENTS = {
  bgs: { id: 'dept-bgs', name: '办公室', code: 'BGS', head: '彭立新', post: '办公室主任' },
  zcfg: { id: 'dept-zcfg', name: '政策法规科', code: 'ZCFG', head: '王建国', post: '政策法规科科长' },
  djzc: { id: 'dept-djzc', name: '登记注册科', code: 'DJZC', head: '谭晓红', post: '登记注册科科长' },
  xyjd: { id: 'dept-xyjd', name: '信用监督管理科', code: 'XYJD', head: '李卫东', post: '信用监督管理科科长' },
  jgjz: { id: 'dept-jgjz', name: '价格监督检查和反不正当竞争科', code: 'JGJZ', head: '陈志刚', post: '价格监督检查和反不正当竞争科科长' },
  wljy: { id: 'dept-wljy', name: '网络交易监督管理科', code: 'WLJY', head: '周敏', post: '网络交易监督管理科科长' },
  ggjd: { id: 'dept-ggjd', name: '广告监督管理科', code: 'GGJD', head: '刘芳', post: '广告监督管理科科长' },
  zlfz: { id: 'dept-zlfz', name: '质量发展科', code: 'ZLFZ', head: '易文斌', post: '质量发展科科长' },
  cpzl: { id: 'dept-cpzl', name: '产品质量安全监督管理科', code: 'CPZL', head: '罗建华', post: '产品质量安全监督管理科科长' },
  spsc: { id: 'dept-spsc', name: '食品生产安全监督管理科', code: 'SPSC', head: '贺春林', post: '食品生产安全监督管理科科长' },
  spjy: { id: 'dept-spjy', name: '食品经营安全监督管理科', code: 'SPJY', head: '文艳', post: '食品经营安全监督管理科科长' },
  tzsb: { id: 'dept-tzsb', name: '特种设备安全监察科', code: 'TZSB', head: '龙海军', post: '特种设备安全监察科科长' },
  jl: { id: 'dept-jl', name: '计量科', code: 'JL', head: '邓志勇', post: '计量科科长' },
  zscq: { id: 'dept-zscq', name: '知识产权促进科', code: 'ZSCQ', head: '胡湘萍', post: '知识产权促进科科长' },
  xfbh: { id: 'dept-xfbh', name: '消费者权益保护科（12315 指挥中心）', code: 'XFBH', head: '曾丽娟', post: '消费者权益保护科科长、12315指挥中心主任' },
  zfzd: { id: 'dept-zfzd', name: '综合行政执法支队', code: 'ZFZD', head: '谢国平', post: '综合行政执法支队支队长' },
} as const satisfies Record<string, DepartmentSpec>;

export type DepartmentKey = keyof typeof DEPARTMENTS;

export function departmentId(key: DepartmentKey): string {
  return DEPARTMENTS[key].id;
}

/** 信息来源 as the site shows it: the bureau and the department that formed the information. */
export function sourceOf(key: DepartmentKey): string {
  return `株洲市市场监督管理局${DEPARTMENTS[key].name}`;
}

/** 第一解读人, e.g. 王建国（政策法规科科长）. */
export function interpreterOf(key: DepartmentKey): string {
  const { head, post } = DEPARTMENTS[key];
  return `${head}（${post}）`;
}

/** 责任编辑 of the website, who put the information online. */
export const EDITORS = ['黄思琪', '刘晓燕', '杨帆', '蒋文婷', '唐志宏'] as const;

export function departmentDocuments(): Doc[] {
  return Object.values(DEPARTMENTS).map((department) => ({
    _id: department.id,
    _type: 'department',
    _createdAt: '2021-12-20T01:30:00Z',
    _updatedAt: '2022-01-04T02:10:00Z',
    name: department.name,
    code: department.code,
  }));
}
