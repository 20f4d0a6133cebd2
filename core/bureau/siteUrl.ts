/**
 * `SITE_URL`, the public address of the site: canonical links, sitemap.xml, RSS and robots.txt
 * carry it as their origin. A local build (`npm start`, `npm run build`) may go without it and
 * gets http://localhost:4321; a production build (`npm run build -- --production`, or
 * `SITE_ENV=production`) without a real public address is refused before anything is built —
 * otherwise every canonical link and sitemap entry of the live site would point at localhost.
 */
export const LOCAL_SITE_URL = 'http://localhost:4321';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function isProductionBuild(env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  return flag === true || env.SITE_ENV?.trim().toLowerCase() === 'production';
}

const HOW = 'SITE_URL=https://scjgj.zhuzhou.gov.cn npm run build -- --production';

/** Why a build may not start with this `SITE_URL`, or null when it may. */
export function siteUrlProblem(siteUrl: string | undefined, production: boolean): string | null {
  const value = siteUrl?.trim();
  if (!value) {
    if (!production) return null;
    return (
      '正式构建（--production 或 SITE_ENV=production）必须设置 SITE_URL：网站对外的地址，' +
      `canonical 链接、sitemap.xml、RSS 订阅和 robots.txt 都以它开头。例如：${HOW}` +
      '（本地预览 npm start 不需要设置，默认 http://localhost:4321）'
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `SITE_URL「${value}」不是完整的网址，应写成 https://域名 的形式，例如：${HOW}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `SITE_URL「${value}」应以 https:// 或 http:// 开头`;
  if (url.search || url.hash) return `SITE_URL「${value}」不能带查询参数或 # 片段`;
  if (production && LOCAL_HOSTS.has(url.hostname)) {
    return `正式构建的 SITE_URL 不能是本机地址「${value}」：应为网站对外的地址，例如：${HOW}`;
  }
  return null;
}
