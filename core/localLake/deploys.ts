/**
 * `GET /publish/deploys/<dataset>`: the publisher's deploy records for this lake's dataset file,
 * so the Studio's badge can say 「已发布 · 已上线 10:32」. The deploy log stays a file beside the
 * site (`dist.deploys.ndjson`, or `PUBLISH_SITE`'s): it is never written into the dataset, so the
 * public build, which reads only the dataset, cannot carry any of it. Not a Sanity endpoint: on a
 * real Content Lake the Studio gets a 404 here and shows the state alone.
 */
import { contentSourceKey, readDeployLog } from '../publish/deployLog.ts';
import type { Handler } from './context.ts';
import { httpError } from './errors.ts';

export const handleDeploys: Handler = async (request, context) => {
  if (request.params[0] !== context.dataset) throw httpError(404, `数据集 ${request.params[0]} 不存在`);
  const source = contentSourceKey({ kind: 'local', path: context.lake.datasetPath });
  const records = (await readDeployLog(process.env.PUBLISH_SITE ?? 'dist')).filter((record) => record.source === source);
  return { body: { source, records } };
};
