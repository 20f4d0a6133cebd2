/**
 * The Content Lake adapter, tested at its HTTP boundary: a local server stands in for the
 * Sanity API, records the exact request @sanity/client sends and answers with a recorded
 * response.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chooseSource } from '../../core/content/fromEnvironment.ts';
import { createLakeSource, SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import { departmentsQuery, policiesQuery } from '../../core/content/queries.ts';
import { ContentError } from '../../core/model/problems.ts';

let server: Server;
let apiHost: string;
let requests: { method: string; url: URL; headers: IncomingMessage['headers'] }[] = [];
let nextResponse: { status: number; body: unknown };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: new URL(req.url ?? '/', 'http://recorder'), headers: req.headers });
    res.writeHead(nextResponse.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(nextResponse.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
});

async function recorded(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`../fixtures/lake/${name}`, import.meta.url), 'utf8'));
}

describe('Content Lake source', () => {
  it('sends the shared GROQ text as a GET query on the published perspective, without credentials', async () => {
    nextResponse = { status: 200, body: await recorded('departments.json') };
    const source = createLakeSource({ projectId: 'abc123xy', dataset: 'production', apiHost }, 'published');
    const departments = await source.fetch(departmentsQuery);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe('GET');
    expect(request!.url.pathname).toBe(`/v${SANITY_API_VERSION}/data/query/production`);
    expect(request!.url.searchParams.get('query')).toBe(departmentsQuery.groq);
    expect(request!.url.searchParams.get('perspective')).toBe('published');
    expect(request!.headers['x-sanity-project-id']).toBe('abc123xy');
    expect(request!.headers.authorization).toBeUndefined();
    expect(departments.map((d) => d.name)).toEqual(['办公室', '政策法规科']);
  });

  it('passes parameters as $-prefixed JSON and the read token as a bearer token for drafts', async () => {
    nextResponse = { status: 200, body: { query: '', result: [], ms: 1 } };
    const source = createLakeSource({ projectId: 'abc123xy', dataset: 'staging', token: 'sk-secret-token', apiHost }, 'drafts');
    await source.fetch(policiesQuery, { year: 2026 });

    const [request] = requests;
    expect(request!.url.pathname).toBe(`/v${SANITY_API_VERSION}/data/query/staging`);
    expect(request!.url.searchParams.get('perspective')).toBe('drafts');
    expect(request!.url.searchParams.get('$year')).toBe('2026');
    expect(request!.headers.authorization).toBe('Bearer sk-secret-token');
  });

  it('validates the response with the model and names the bad document', async () => {
    const body = (await recorded('policies.json')) as { result: Record<string, unknown>[] };
    delete body.result[0]!.issuer;
    nextResponse = { status: 200, body };
    const source = createLakeSource({ projectId: 'abc123xy', dataset: 'production', apiHost }, 'published');
    const error = await source.fetch(policiesQuery).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([expect.objectContaining({ id: 'policy-a', field: 'issuer' })]);
  });

  it('accepts the recorded policies response as it is', async () => {
    nextResponse = { status: 200, body: await recorded('policies.json') };
    const source = createLakeSource({ projectId: 'abc123xy', dataset: 'production', apiHost }, 'published');
    const [policy] = await source.fetch(policiesQuery);
    expect(policy!.interpretation?.title).toBe('《关于优化营业执照办理流程的通知》政策解读');
    expect(policy!.drafter?.name).toBe('政策法规科');
  });

  it('surfaces an API error', async () => {
    nextResponse = { status: 401, body: { error: 'Unauthorized', message: 'Session not found', statusCode: 401 } };
    const source = createLakeSource({ projectId: 'abc123xy', dataset: 'production', apiHost }, 'published');
    await expect(source.fetch(departmentsQuery)).rejects.toThrow(/Session not found/);
  });

  it('refuses the drafts perspective without a read token before sending anything', () => {
    expect(() => createLakeSource({ projectId: 'abc123xy', dataset: 'production', apiHost }, 'drafts')).toThrow('SANITY_API_READ_TOKEN');
    expect(requests).toHaveLength(0);
  });
});

describe('choosing the source from the environment', () => {
  it('defaults to the bundled sample dataset', () => {
    expect(chooseSource({})).toEqual({ kind: 'local', path: 'content/dataset.ndjson' });
  });
  it('takes CONTENT_DATASET first', () => {
    expect(chooseSource({ CONTENT_DATASET: 'x.tar.gz', SANITY_PROJECT_ID: 'p' })).toEqual({ kind: 'local', path: 'x.tar.gz' });
  });
  it('uses the Content Lake when a project is configured', () => {
    expect(chooseSource({ SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'production', SANITY_API_READ_TOKEN: 't' })).toEqual({
      kind: 'lake',
      projectId: 'p',
      dataset: 'production',
      token: 't',
    });
  });
  it('says what is missing when the dataset name is not set', () => {
    expect(() => chooseSource({ SANITY_PROJECT_ID: 'p' })).toThrow('SANITY_DATASET');
  });
});
