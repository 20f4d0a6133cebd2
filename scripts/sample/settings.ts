/** 网站设置 (content/sample/settings.yaml): the one `siteSettings` document. */
import { z } from 'zod';
import { SITE_SETTINGS_ID } from '../../core/bureau/settings.ts';
import { readContentFile } from './content.ts';
import type { Doc } from './documents.ts';

const settingsSchema = z.strictObject({
  siteName: z.string(),
  sponsor: z.string(),
  domain: z.string(),
  siteIdCode: z.string(),
  icpNumber: z.string(),
  psbNumber: z.string(),
  psbUrl: z.string(),
  office: z.strictObject({
    officeName: z.string(),
    address: z.string(),
    postcode: z.string(),
    phone: z.string(),
    fax: z.string(),
    email: z.string(),
    hours: z.string(),
  }),
});

/** Field formats are the model's to check (core/model/types/siteSettings.ts), when the dataset is loaded. */
export function siteSettings(directory: string): Doc[] {
  const settings = readContentFile(directory, 'settings.yaml', settingsSchema);
  // Saved once when the site went live: fixed times keep the sample's bytes stable.
  return [
    { _id: SITE_SETTINGS_ID, _type: 'siteSettings', _createdAt: '2022-01-04T02:00:00Z', _updatedAt: '2026-01-05T02:00:00Z', ...settings },
  ];
}
