/** SITE_URL: what a local build may go without, and what a production build must have. */
import { describe, expect, it } from 'vitest';
import { isProductionBuild, siteUrlProblem } from '../../core/bureau/siteUrl.ts';

describe('SITE_URL', () => {
  it('is optional for a local build (npm start) and required, saying how to set it, for a production one', () => {
    expect(siteUrlProblem(undefined, false)).toBeNull();
    expect(siteUrlProblem('  ', false)).toBeNull();
    const refusal = siteUrlProblem(undefined, true)!;
    expect(refusal).toContain('SITE_URL');
    expect(refusal).toContain('SITE_URL=https://');
    expect(refusal).toContain('npm run build -- --production');
    expect(siteUrlProblem('https://scjgj.zhuzhou.gov.cn', true)).toBeNull();
  });

  it('refuses in production an address of this machine, and anywhere an address that is not one', () => {
    expect(siteUrlProblem('http://localhost:4321', true)).toMatch(/本机地址/);
    expect(siteUrlProblem('http://127.0.0.1', true)).toMatch(/本机地址/);
    expect(siteUrlProblem('http://localhost:4321', false)).toBeNull();
    expect(siteUrlProblem('scjgj.zhuzhou.gov.cn', false)).toMatch(/不是完整的网址/);
    expect(siteUrlProblem('ftp://scjgj.zhuzhou.gov.cn', true)).toMatch(/https:\/\//);
    expect(siteUrlProblem('https://scjgj.zhuzhou.gov.cn/?x=1', true)).toMatch(/查询参数/);
  });

  it('calls a build production when --production is given or SITE_ENV=production', () => {
    expect(isProductionBuild({}, undefined)).toBe(false);
    expect(isProductionBuild({}, true)).toBe(true);
    expect(isProductionBuild({ SITE_ENV: 'production' }, undefined)).toBe(true);
    expect(isProductionBuild({ SITE_ENV: ' Production ' }, undefined)).toBe(true);
    expect(isProductionBuild({ SITE_ENV: 'staging' }, undefined)).toBe(false);
  });
});
