/**
 * 政府信息公开指南 (条例 第十二条), itself 政府信息 released through the sign-off like any single
 * document: how the bureau's information is classified and arranged and how to obtain it (`body`),
 * and how to apply for information not proactively published (`requestBody`, the page 依申请公开).
 * The office's name, address, hours, phone, fax and e-mail are the 网站设置, shown beside it, never
 * typed here. Its 生成日期 is the revision's date; the site shows the latest released revision.
 */
import { documentType, portableText } from '../fields.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

export const disclosureGuide = documentType('disclosureGuide', {
  fields: {
    ...disclosureMetadata(true),
    requestBody: portableText({ required: true, group: 'content', description: '依申请公开：如何申请、办理时限、收费、救济途径' }),
  },
  preview: { title: 'title', subtitle: 'formedAt' },
});
