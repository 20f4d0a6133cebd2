/**
 * `npx size-limit`: one page of each template of the built site in dist/ (`npm run build`), its
 * HTML, CSS and JS gzip, and the policy page's budget — the pages and files `npm run bench:build`
 * weighs (scripts/bench/pageWeight.ts).
 */
import { join } from 'node:path';
import { templateChecks } from './scripts/bench/pageWeight.ts';

const root = import.meta.dirname;
const checks = templateChecks(join(root, 'dist'), root);
if (checks.length === 0) throw new Error('dist 中没有构建好的站点：请先运行 npm run build');
export default checks;
