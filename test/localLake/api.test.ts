/**
 * The local Content Lake driven by @sanity/client, as the Studio and the workflow drive the
 * real one: queries with perspectives, documents by id, mutations and their revision guards,
 * the Actions API, the listener, the History API and uploads — over a copy of the sample.
 */
import { readFile } from 'node:fs/promises';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from './lakeServer.ts';

let lake: TestLake;
beforeEach(async () => {
  lake = await startTestLake();
});
afterEach(() => lake.stop());

const DRAFT_POLICY = 'drafts.policy-2024-food-delivery';

describe('queries and documents', () => {
  it('answers a GROQ query in each perspective: raw sees drafts, published hides them, drafts overlays them', async () => {
    const client = lake.client();
    const query = '*[_type == "policy" && _id match "*policy-2024-food-delivery"]{_id, _originalId, title}';
    const raw = await client.fetch(query, {}, { perspective: 'raw' });
    expect(raw.map((d: { _id: string }) => d._id).sort()).toEqual([DRAFT_POLICY, 'policy-2024-food-delivery']);
    const [draft, published] = [
      raw.find((d: { _id: string }) => d._id === DRAFT_POLICY),
      raw.find((d: { _id: string }) => d._id !== DRAFT_POLICY),
    ];
    expect(draft.title).not.toBe(published.title);
    expect(await client.fetch(query, {}, { perspective: 'published' })).toEqual([
      { _id: published._id, _originalId: null, title: published.title },
    ]);
    const drafts = await client.fetch(query, {}, { perspective: 'drafts' });
    expect(drafts).toEqual([{ _id: 'policy-2024-food-delivery', _originalId: DRAFT_POLICY, title: draft.title }]);
  });

  it('returns {result, ms, query} and takes parameters, by GET and by POST', async () => {
    const client = lake.client();
    const answer = await client.fetch(
      'count(*[_type == $type])',
      { type: 'department' },
      { filterResponse: false, perspective: 'published' },
    );
    expect(answer).toMatchObject({ result: 16, query: 'count(*[_type == $type])' });
    expect(typeof answer.ms).toBe('number');
    const long = `*[_type == $type && !(_id in ${JSON.stringify(Array.from({ length: 800 }, (_, i) => `x${i}`))})]._id`;
    expect(await client.fetch(long, { type: 'department' }, { perspective: 'published' })).toHaveLength(16);
  });

  it('answers the Studio’s document-list and search queries (text::query, which groq-js lacks) with a substring search', async () => {
    const client = lake.client();
    const list = '*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery))]._id';
    const all = await client.fetch(list, { __types: ['department'], __query: '*', __rawQuery: '' }, { perspective: 'drafts' });
    expect(all).toHaveLength(16);
    const title = (await client.fetch('*[_id == $id][0].title', { id: DRAFT_POLICY }, { perspective: 'raw' })) as string;
    const found = await client.fetch(
      list,
      { __types: ['policy'], __query: `${title.slice(2, 6)}*`, __rawQuery: title.slice(2, 6) },
      { perspective: 'drafts' },
    );
    expect(found).toContain('policy-2024-food-delivery');
    expect(
      await client.fetch(list, { __types: ['policy'], __query: '没有这样的文字*', __rawQuery: '' }, { perspective: 'drafts' }),
    ).toEqual([]);
  });

  it('answers the Studio’s type lookup for a clicked list entry (sanity::versionOf) with the document’s own type', async () => {
    const client = lake.client();
    const typeOf = (id: string) => client.fetch('*[sanity::versionOf($publishedId)][0]._type', { publishedId: id }, { perspective: 'raw' });
    // A unit with an audit entry (audit.<unit>.1): the entry is not a version of the unit.
    expect(
      await client.fetch(
        'count(*[_type == "workflowAudit" && unit == $id])',
        { id: 'policy-2026-changzhutan-consumer' },
        { perspective: 'raw' },
      ),
    ).toBeGreaterThan(0);
    expect(await typeOf('policy-2026-changzhutan-consumer')).toBe('policy');
    // A new document that exists only as its draft.
    await client.create({ _id: 'drafts.journey-new-policy', _type: 'policy', title: '新建的政策' });
    expect(await typeOf('journey-new-policy')).toBe('policy');
    expect(await typeOf('no-such-document')).toBeNull();
  });

  it('answers a broken query with a 400 queryParseError', async () => {
    const error = await lake
      .client()
      .fetch('*[_type == ')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, response: { body: { error: { type: 'queryParseError' } } } });
  });

  it('gets documents by id, null for one that does not exist', async () => {
    const client = lake.client();
    expect(await client.getDocument(DRAFT_POLICY)).toMatchObject({ _id: DRAFT_POLICY, _type: 'policy' });
    expect(await client.getDocuments(['policy-2022-price-tagging', 'nope'])).toEqual([
      expect.objectContaining({ _id: 'policy-2022-price-tagging' }),
      null,
    ]);
  });
});

describe('mutations', () => {
  it('gives every write a transaction id that becomes the revision, and keeps it in the file', async () => {
    const client = lake.client();
    const result = await client.patch(DRAFT_POLICY).set({ title: '新标题' }).commit({ returnDocuments: true });
    expect(result._rev).toMatch(/^[0-9A-Za-z]{22}$/);
    const stored = (await readFile(lake.datasetPath, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((d) => d._id === DRAFT_POLICY);
    expect(stored).toMatchObject({ title: '新标题', _rev: result._rev });
  });

  it('applies patch operations as the Studio sends them (setIfMissing, insert, unset, inc, diffMatchPatch)', async () => {
    const client = lake.client();
    const block = {
      _key: 'new1',
      _type: 'block',
      style: 'normal',
      markDefs: [],
      children: [{ _key: 's1', _type: 'span', text: '新增一段', marks: [] }],
    };
    await client.patch(DRAFT_POLICY).setIfMissing({ body: [] }).insert('after', 'body[-1]', [block]).unset(['summary']).commit();
    await client.patch(DRAFT_POLICY).set({ title: 'abc' }).commit();
    // What the Studio sends when a word is typed into a string: a diff-match-patch of it.
    await client.patch(DRAFT_POLICY).diffMatchPatch({ title: '@@ -1,3 +1,4 @@\n ab\n+X\n c\n' }).commit();
    const doc = await client.getDocument(DRAFT_POLICY);
    expect(doc?.body.at(-1)).toEqual(block);
    expect(doc).not.toHaveProperty('summary');
    expect(doc?.title).toBe('abXc');
  });

  it('answers a stale ifRevisionID with 409 and leaves the file byte-identical', async () => {
    const client = lake.client();
    const before = await readFile(lake.datasetPath);
    const error = await client
      .patch(DRAFT_POLICY)
      .ifRevisionId('not-the-revision')
      .set({ title: '不应写入' })
      .commit()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 409 });
    expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
    expect((await client.getDocument(DRAFT_POLICY))?.title).not.toBe('不应写入');
  });

  it('applies a transaction all or nothing: a failing second mutation undoes the first', async () => {
    const client = lake.client();
    const before = await readFile(lake.datasetPath);
    const error = await client
      .transaction()
      .patch(DRAFT_POLICY, (p) => p.set({ title: '一半' }))
      .create({ _id: 'policy-2022-price-tagging', _type: 'policy' })
      .commit()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      statusCode: 409,
      response: { body: { error: { type: 'mutationError', items: [{ error: { type: 'documentAlreadyExistsError' } }] } } },
    });
    expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
  });

  it('refuses a write that fails the dataset validation, naming the document and field, with nothing written', async () => {
    const client = lake.client();
    const before = await readFile(lake.datasetPath);
    const error = await client
      .patch('policy-2022-price-tagging')
      .unset(['title'])
      .commit()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, response: { body: { error: { type: 'validationError' } } } });
    expect((error as Error).message).toContain('policy-2022-price-tagging');
    expect((error as Error).message).toContain('title');
    expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
  });

  it('accepts an incomplete draft as the Studio creates one, with the transaction id it names', async () => {
    const client = lake.client();
    const result = await client.mutate([{ create: { _id: 'drafts.new-policy', _type: 'policy', title: '草稿' } }], {
      transactionId: 'studio-tx-1',
      returnFirst: false,
      returnDocuments: false,
    });
    expect(result.transactionId).toBe('studio-tx-1');
    expect(await client.getDocument('drafts.new-policy')).toMatchObject({ _rev: 'studio-tx-1', title: '草稿' });
  });

  it('applies a retried transaction once: the same transaction id again is a 409', async () => {
    const client = lake.client();
    await client.mutate([{ patch: { id: DRAFT_POLICY, set: { title: '一次' } } }], { transactionId: 'retried-tx' });
    const again = await client
      .mutate([{ patch: { id: DRAFT_POLICY, set: { title: '两次' } } }], { transactionId: 'retried-tx' })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ statusCode: 409 });
    expect((await client.getDocument(DRAFT_POLICY))?.title).toBe('一次');
  });

  it('keeps both of two concurrent edits of one document (two tabs), each its own revision in one chain', async () => {
    const [first, second] = [lake.client('editor'), lake.client('reviewer')];
    const events = firstValueFrom(
      first.listen('*[_id == $id]', { id: DRAFT_POLICY }, { events: ['mutation'], includeResult: false }).pipe(take(2), toArray()),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = (await first.getDocument(DRAFT_POLICY))!;
    await Promise.all([
      first.patch(DRAFT_POLICY).set({ title: '甲的标题' }).commit(),
      second.patch(DRAFT_POLICY).set({ summary: '乙的摘要' }).commit(),
    ]);
    expect(await first.getDocument(DRAFT_POLICY)).toMatchObject({ title: '甲的标题', summary: '乙的摘要' });
    const [a, b] = (await events) as { previousRev: string; resultRev: string }[];
    expect(a!.previousRev).toBe(before._rev);
    expect(b!.previousRev).toBe(a!.resultRev);
  });

  it('refuses writes without a token', async () => {
    const error = await lake
      .client('nobody')
      .patch(DRAFT_POLICY)
      .set({ title: 'x' })
      .commit()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 401 });
  });
});

describe('actions', () => {
  it('publishes a draft guarded by ifDraftRevisionId, and refuses a stale one with 409', async () => {
    const client = lake.client();
    const draft = (await client.getDocument('drafts.trademark-2026-brand-cultivation-meeting'))!;
    const stale = await client
      .action({
        actionType: 'sanity.action.document.publish',
        draftId: draft._id,
        publishedId: 'trademark-2026-brand-cultivation-meeting',
        ifDraftRevisionId: 'old',
      })
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ statusCode: 409 });
    // The sample's draft lacks what publishing needs: filling it in first, in the same request.
    const published = await client.fetch('*[_type == "trademarkNews" && !(_id in path("drafts.**"))][0]');
    const { _id, _rev, _createdAt, _updatedAt, indexNumber: _taken, ...complete } = published;
    const answer = await client.action(
      [
        {
          actionType: 'sanity.action.document.edit',
          draftId: draft._id,
          publishedId: 'trademark-2026-brand-cultivation-meeting',
          patch: {
            set: { ...complete, title: draft.title, slug: draft.slug, indexNumber: 'MB1D50237/2026-09999' },
            ifRevisionID: draft._rev,
          },
        },
        {
          actionType: 'sanity.action.document.publish',
          draftId: draft._id,
          publishedId: 'trademark-2026-brand-cultivation-meeting',
          ifDraftRevisionId: 'publish-tx',
        },
      ],
      { transactionId: 'publish-tx' },
    );
    expect(answer).toMatchObject({ transactionId: 'publish-tx' });
    expect(await client.getDocuments([draft._id, 'trademark-2026-brand-cultivation-meeting'])).toEqual([
      null,
      expect.objectContaining({ _rev: 'publish-tx', title: draft.title }),
    ]);
  });

  it('edits a published document by starting its draft from it; discard removes the draft', async () => {
    const client = lake.client();
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.policy-2022-price-tagging',
      publishedId: 'policy-2022-price-tagging',
      patch: { set: { title: '修改中' } },
    });
    const [draft, published] = await client.getDocuments(['drafts.policy-2022-price-tagging', 'policy-2022-price-tagging']);
    expect(draft).toMatchObject({ title: '修改中', docNumber: published?.docNumber });
    await client.action({ actionType: 'sanity.action.document.discard', draftId: 'drafts.policy-2022-price-tagging' });
    expect(await client.getDocument('drafts.policy-2022-price-tagging')).toBeUndefined();
  });

  it('refuses to unpublish one half of a published pair (the pair rule), with nothing written', async () => {
    const client = lake.client();
    const before = await readFile(lake.datasetPath);
    const error = await client
      .action({
        actionType: 'sanity.action.document.unpublish',
        draftId: 'drafts.policy-2022-price-tagging',
        publishedId: 'policy-2022-price-tagging',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400 });
    expect((error as Error).message).toContain('同步发布');
    expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
  });
});

describe('listener', () => {
  it('welcomes, then sends each change with revisions, transition, mutations and mendoza effects', async () => {
    const client = lake.client();
    const events = firstValueFrom(
      client
        .listen(
          '*[_id in $ids]',
          { ids: [DRAFT_POLICY] },
          { events: ['welcome', 'mutation'], effectFormat: 'mendoza', includeResult: false },
        )
        .pipe(take(3), toArray()),
    );
    const before = (await client.getDocument(DRAFT_POLICY))!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = await client.patch(DRAFT_POLICY).set({ title: '第一次' }).commit();
    await client.delete(DRAFT_POLICY);
    const [welcome, update, removal] = (await events) as Record<string, unknown>[];
    expect(welcome).toMatchObject({ type: 'welcome' });
    expect(update).toMatchObject({
      type: 'mutation',
      documentId: DRAFT_POLICY,
      transition: 'update',
      previousRev: before._rev,
      resultRev: first._rev,
      transactionTotalEvents: 1,
      visibility: 'query',
    });
    expect((update!.effects as { apply: unknown[] }).apply).toEqual([0, expect.objectContaining({ title: '第一次' })]);
    expect(update!.mutations).toEqual([{ createOrReplace: expect.objectContaining({ _id: DRAFT_POLICY, title: '第一次' }) }]);
    expect(removal).toMatchObject({ transition: 'disappear', previousRev: first._rev });
  });

  it('tells a listener that comes back with Last-Event-ID what it missed, then welcomeback; an unknown position gets reset', async () => {
    const client = lake.client();
    const first = await client.patch(DRAFT_POLICY).set({ title: '一' }).commit();
    const second = await client.patch(DRAFT_POLICY).set({ title: '二' }).commit();
    const url = `${lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent('*[_id == $id]')}&%24id=${encodeURIComponent(JSON.stringify(DRAFT_POLICY))}&enableResume=true`;
    const read = async (lastEventId: string) => {
      const controller = new AbortController();
      const response = await fetch(url, { headers: { 'last-event-id': lastEventId }, signal: controller.signal });
      const reader = response.body!.getReader();
      let text = '';
      while (!/event: (welcomeback|reset)/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      return text;
    };
    const resumed = await read(`${first._rev}#${DRAFT_POLICY}`);
    expect(resumed).toContain(`id: ${second._rev}#${DRAFT_POLICY}`);
    expect(resumed).not.toContain(`id: ${first._rev}#`);
    expect(resumed.indexOf('event: mutation')).toBeLessThan(resumed.indexOf('event: welcomeback'));
    expect(await read('no-such-transaction#x')).toContain('event: reset');
  });

  it('does not tell a listener about documents its filter does not match', async () => {
    const client = lake.client();
    const seen = firstValueFrom(client.listen('*[_type == "department"]', {}, { events: ['mutation'] }).pipe(take(1)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.patch(DRAFT_POLICY).set({ title: '不相关' }).commit();
    const department = (await client.fetch('*[_type == "department"][0]._id')) as string;
    await client
      .patch(department)
      .set({ title: '办公室（改）' })
      .commit()
      .catch(() => client.patch(department).set({ name: '办公室（改）' }).commit());
    expect(await seen).toMatchObject({ documentId: department });
  });

  it('sees changes that npm run workflow (another process) writes to the file', async () => {
    const client = lake.client();
    const event = firstValueFrom(
      client.listen('*[_id == $id]', { id: DRAFT_POLICY }, { events: ['mutation'] }).pipe(
        filter((e) => e.type === 'mutation'),
        take(1),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = await readFile(lake.datasetPath, 'utf8');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      lake.datasetPath,
      text.replace('"_id":"drafts.policy-2024-food-delivery"', '"_id":"drafts.policy-2024-food-delivery","lastEditedBy":"王编辑"'),
    );
    expect(await client.fetch('*[_id == $id][0].lastEditedBy', { id: DRAFT_POLICY }, { perspective: 'raw' })).toBe('王编辑');
    expect(await event).toMatchObject({ documentId: DRAFT_POLICY, transition: 'update' });
  });
});

describe('history and uploads', () => {
  it('answers the author of a draft’s last transaction, as the workflow asks for it', async () => {
    const editor = lake.client('editor');
    const reviewer = lake.client('reviewer');
    await editor.patch(DRAFT_POLICY).set({ title: '王改' }).commit();
    const last = await reviewer.patch(DRAFT_POLICY).set({ title: '李改' }).commit();
    const body = await editor.request<string>({
      url: `/data/history/production/transactions/${DRAFT_POLICY}?excludeContent=true&reverse=true&limit=1`,
    });
    const lines = String(body)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ id: last._rev, author: 'p-li-reviewer', documentIDs: [DRAFT_POLICY] })]);
    expect(await editor.request({ url: '/users/p-li-reviewer' })).toMatchObject({ displayName: '李审核' });
  });

  it('answers a document as it was at an earlier revision (the history panel)', async () => {
    const client = lake.client();
    const first = await client.patch(DRAFT_POLICY).set({ title: '旧的' }).commit();
    await client.patch(DRAFT_POLICY).set({ title: '新的' }).commit();
    const body = await client.request<{ documents: { title: string }[] }>({
      url: `/data/history/production/documents/${DRAFT_POLICY}?revision=${first._rev}`,
    });
    expect(body.documents).toEqual([expect.objectContaining({ _id: DRAFT_POLICY, title: '旧的', _rev: first._rev })]);
  });

  it('uploads an image with its dimensions', async () => {
    // A 2×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwQZGBgAN/cF+3DKAn0AAAAASUVORK5CYII=',
      'base64',
    );
    const asset = await lake.client().assets.upload('image', png, { filename: 'seal.png' });
    expect(asset).toMatchObject({ _type: 'sanity.imageAsset', metadata: { dimensions: { width: 2, height: 1 } } });
    expect(asset._id).toMatch(/^image-[0-9a-f]{40}-2x1-png$/);
    expect((await fetch(asset.url)).headers.get('content-type')).toBe('image/png');
  });

  it('answers bad requests in Sanity’s shapes', async () => {
    const unknown = await fetch(`${lake.url}/v1/no/such/endpoint`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const broken = await fetch(`${lake.url}/v1/data/mutate/production`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lake.users.editor.token}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
    const noMutations = await lake
      .client()
      .mutate([{ nonsense: {} } as never])
      .catch((e: unknown) => e);
    expect(noMutations).toMatchObject({ statusCode: 400, response: { body: { error: { type: 'validationError' } } } });
  });

  it('uploads a file beside the dataset, creates its asset document and serves it back', async () => {
    const client = lake.client();
    const bytes = Buffer.from('%PDF-1.4 附件内容');
    const asset = await client.assets.upload('file', bytes, { filename: '附件.pdf', contentType: 'application/pdf' });
    expect(asset).toMatchObject({ _type: 'sanity.fileAsset', extension: 'pdf', originalFilename: '附件.pdf', size: bytes.length });
    const served = await fetch(asset.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await client.getDocument(asset._id)).toMatchObject({ _type: 'sanity.fileAsset' });
    // The same bytes again: the same asset, nothing new.
    expect((await client.assets.upload('file', bytes, { filename: '附件.pdf' }))._id).toBe(asset._id);
  });
});
