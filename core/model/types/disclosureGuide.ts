/**
 * 政府信息公开指南 (条例 第十二条): how the bureau's information is classified and arranged and how
 * to obtain it (`body`), and how to apply for information not proactively published
 * (`requestBody`, the page 依申请公开). The office's name, address, hours, phone, fax and e-mail
 * are the bureau's settings, shown beside it, never typed here. The site shows the latest by `updatedOn`.
 */
import { date, documentType, portableText, string } from '../fields.ts';

export const disclosureGuide = documentType('disclosureGuide', {
  fields: {
    title: string({ required: true, description: '例如：株洲市市场监督管理局政府信息公开指南' }),
    updatedOn: date({ required: true, description: '本指南的修订日期，页面上显示' }),
    body: portableText({ required: true, description: '公开的范围与分类、编排体系、获取方式' }),
    requestBody: portableText({ required: true, description: '依申请公开：如何申请、办理时限、收费、救济途径' }),
  },
  preview: { title: 'title', subtitle: 'updatedOn' },
});
