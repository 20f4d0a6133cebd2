/**
 * Starts the local Content Lake: an HTTP server over a dataset file that the Studio and
 * @sanity/client talk to as they talk to Sanity's Content Lake (see http.ts for the endpoints).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assetsDirFor } from './assets.ts';
import { createRequestHandler } from './http.ts';
import { LocalLake } from './lake.ts';

export interface LocalLakeServerOptions {
  datasetPath: string;
  projectId?: string;
  dataset?: string;
  /** 127.0.0.1 unless said otherwise: drafts are not for the network. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  transactionLogPath?: string;
  assetsDir?: string;
  watchIntervalMs?: number;
  log?: (line: string) => void;
}

export interface LocalLakeServer {
  lake: LocalLake;
  server: Server;
  /** `http://127.0.0.1:<port>`: the `apiHost` for clients. */
  url: string;
  port: number;
  projectId: string;
  dataset: string;
  close(): Promise<void>;
}

export async function startLocalLake(options: LocalLakeServerOptions): Promise<LocalLakeServer> {
  const projectId = options.projectId ?? 'localdev';
  const dataset = options.dataset ?? 'production';
  const lake = await LocalLake.open({
    datasetPath: options.datasetPath,
    transactionLogPath: options.transactionLogPath,
    watchIntervalMs: options.watchIntervalMs,
  });
  const handler = createRequestHandler(
    { lake, projectId, dataset, assetsDir: options.assetsDir ?? assetsDirFor(options.datasetPath) },
    options.log,
  );
  const server = createServer((req, res) => void handler(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    lake,
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    projectId,
    dataset,
    close: () =>
      new Promise<void>((resolve) => {
        lake.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
