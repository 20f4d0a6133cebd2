/**
 * The bureau this deployment serves. Index numbers, document numbers and page titles
 * take their names from here.
 */
export const BUREAU = {
  name: '株洲市市场监督管理局',
  shortName: '株洲市市场监管局',
  /** Organisation code written in front of every 索引号 (the 9-character 组织机构代码). */
  orgCode: 'MB1D50237',
  /** Prefix of the bureau's own document numbers, e.g. 株市监发〔2026〕3号. */
  docNumberPrefix: '株市监',
  city: '株洲市',
} as const;
