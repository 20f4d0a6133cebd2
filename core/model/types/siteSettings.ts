/**
 * 网站设置: the site identity a government site shows on every page (政府网站发展指引), set once by
 * editors in the Studio as a single document with the id `siteSettings`. Everything here is public:
 * it is printed in the footer, the meta tags and the 联系我们 and 指南 pages.
 */
import { documentType, object, string } from '../fields.ts';

/** 网站标识码: 10 characters (a 6-digit administrative division code and 4 digits), as 国办 assigns them. */
const SITE_ID_CODE = /^\d{6}\d{4}$/;
/** ICP 备案号, e.g. 湘ICP备05002018号 or 湘ICP备05002018号-1. */
const ICP_NUMBER = /^[\p{Script=Han}]{1}ICP备\d{6,10}号(-\d{1,3})?$/u;
/** 公安机关备案号, e.g. 湘公网安备 43020202000123号. */
const PSB_NUMBER = /^[\p{Script=Han}]{1}公网安备\s?\d{14}号$/u;

export const siteSettings = documentType('siteSettings', {
  fields: {
    siteName: string({ required: true, description: '例如「株洲市市场监督管理局政务公开」' }),
    sponsor: string({ required: true, description: '主办单位全称，显示在页脚' }),
    domain: string({
      required: true,
      description: '网站域名，不带 https:// 和路径，例如 scjgj.zhuzhou.gov.cn',
      pattern: /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/,
      message: '网站域名只写域名本身（小写），例如 scjgj.zhuzhou.gov.cn',
    }),
    siteIdCode: string({ required: true, pattern: SITE_ID_CODE, message: '网站标识码应为 10 位数字' }),
    icpNumber: string({ required: true, pattern: ICP_NUMBER, message: 'ICP备案号格式应如「湘ICP备05002018号」' }),
    psbNumber: string({ required: true, pattern: PSB_NUMBER, message: '公安机关备案号格式应如「湘公网安备43020202000123号」' }),
    psbUrl: string({
      description: '全国互联网安全管理服务平台上本站备案信息的网址',
      pattern: /^https:\/\/(www\.)?beian\.mps\.gov\.cn\/[^\s]*$/,
      message: '公安备案查询链接应为 https://beian.mps.gov.cn/ 下的网址',
    }),
    office: object(
      {
        officeName: string({ required: true, description: '例如「株洲市市场监督管理局办公室（政务公开办）」' }),
        address: string({ required: true }),
        postcode: string({ required: true, pattern: /^\d{6}$/, message: '邮政编码应为 6 位数字' }),
        phone: string({ required: true, pattern: /^[\d\s()（）-]{7,20}$/, message: '电话号码只含数字、空格、括号和连字符' }),
        fax: string({ pattern: /^[\d\s()（）-]{7,20}$/, message: '传真号码只含数字、空格、括号和连字符' }),
        email: string({ required: true, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: '电子邮箱格式不正确' }),
        hours: string({ required: true, description: '例如「工作日 上午 8:30–12:00，下午 14:30–17:30（法定节假日除外）」' }),
      },
      { required: true, description: '政府信息公开工作机构的联系方式：页脚、「联系我们」和《政府信息公开指南》都显示它' },
    ),
  },
  preview: { title: 'siteName', subtitle: 'domain' },
});
