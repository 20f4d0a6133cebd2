/**
 * 索引号: `<orgCode>/<year>-<5-digit serial>`, assigned once at first release and never reused.
 * The organisation code is the publishing body's code (e.g. gov.cn's `000014349`).
 */

export const INDEX_NUMBER_PATTERN = /^([0-9A-Z-]{1,18})\/(\d{4})-(\d{5})$/;

export interface IndexNumberParts {
  orgCode: string;
  year: number;
  serial: number;
}

export function parseIndexNumber(value: string): IndexNumberParts | null {
  const match = INDEX_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  return { orgCode: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
}

export function formatIndexNumber({ orgCode, year, serial }: IndexNumberParts): string {
  if (serial < 1 || serial > 99999) throw new Error(`索引号 serial ${serial} is outside 1–99999`);
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}
