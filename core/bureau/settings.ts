/**
 * The site identity every page shows (政府网站发展指引, 国办发〔2017〕47号): 网站标识码, ICP and 公安
 * 备案号, the sponsor, the 政府信息公开 office's contact details and the domain. Editors set them
 * once, in the Studio's 网站设置 (the `siteSettings` document); the build reads that document
 * from the dataset. Without one — a fresh dataset — the site falls back to the bureau's name from
 * core/bureau/identity.ts and prints no codes it does not have: nothing here is invented or secret.
 */
import { BUREAU } from './identity.ts';

/** The fixed id of the one settings document (the Studio opens it as a singleton). */
export const SITE_SETTINGS_ID = 'siteSettings';

interface OfficeContact {
  officeName: string;
  address: string;
  postcode: string;
  phone: string;
  fax?: string | null;
  email: string;
  hours: string;
}

export interface SiteSettings {
  siteName: string;
  sponsor: string;
  domain?: string | null;
  siteIdCode?: string | null;
  icpNumber?: string | null;
  psbNumber?: string | null;
  psbUrl?: string | null;
  office?: OfficeContact | null;
}

/** What the site shows while no settings document exists: the bureau's name, no codes. */
const FALLBACK_SETTINGS: SiteSettings = {
  siteName: `${BUREAU.name}政务公开`,
  sponsor: BUREAU.name,
};

/** The settings the site uses: the stored document's, else the fallback. */
export function siteSettingsOf(stored: SiteSettings | null | undefined): SiteSettings {
  return stored ?? FALLBACK_SETTINGS;
}

/** The ICP 备案 is looked up on MIIT's register; the footer links its number there. */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';
