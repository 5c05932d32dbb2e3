import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

/**
 * /openapi.json is the contract API clients are written against: every route the app answers is
 * in it, nothing in it is a route the app lacks, and each operation says what it does, with
 * typed bodies and examples.
 */
type Operation = {
  summary?: string;
  description?: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
};
type MediaType = { schema?: Schema; example?: unknown; examples?: unknown };
type Schema = { $ref?: string; example?: unknown; examples?: unknown; type?: string; format?: string };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Served by the app but no part of the API: the docs page itself and the player's static files. */
const internal = ['/openapi.json', '/docs', '/docs/init.js', '/docs/assets/{name}', '/assets/{file}'];
const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  /** `METHOD /path` of every handler in the app, paths written the OpenAPI way. */
  let appRoutes: Set<string>;

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    const response = await t.app.request('/openapi.json');
    expect(response.status).toBe(200);
    doc = (await response.json()) as Document;
    appRoutes = new Set();
    for (const route of t.app.routes) {
      // app.use() middleware (`*` paths for every method) is no route of its own.
      if (route.method === 'ALL' && route.path.endsWith('*')) continue;
      const path = route.path.replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{path}');
      // The staff screens (/admin) are pages, not API.
      if (internal.includes(path) || path === '/admin' || path.startsWith('/admin/')) continue;
      appRoutes.add(`${route.method} ${path}`);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const documented = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => methods.includes(key))
        .map((method) => ({ method: method.toUpperCase(), path, operation: item[method] })),
    );

  it('covers the whole API: shows to social drafts, tus uploads and the events stream', () => {
    expect(appRoutes.size).toBeGreaterThan(45);
    expect(appRoutes).toContain('GET /api/v1/episodes/{episodeId}/events');
    expect(appRoutes).toContain('ALL /api/v1/uploads/{uploadId}');
  });

  it('documents every route the app answers', () => {
    const missing = [...appRoutes].filter((route) => {
      const [method, path] = route.split(' ');
      const item = doc.paths[path];
      if (!item) return true;
      // A tus endpoint answers every method @tus/server knows; HEAD comes with GET.
      if (method === 'ALL') return !methods.some((m) => item[m]);
      return !item[method.toLowerCase()] && !(method === 'HEAD' && item.get);
    });
    expect(missing).toEqual([]);
  });

  it('documents no route the app lacks', () => {
    const stale = documented()
      .filter(({ method, path }) => !appRoutes.has(`${method} ${path}`) && !appRoutes.has(`ALL ${path}`))
      .map(({ method, path }) => `${method} ${path}`);
    expect(stale).toEqual([]);
  });

  it('gives every operation a summary and a description', () => {
    const bare = documented()
      .filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim())
      .map(({ method, path }) => `${method} ${path}`);
    expect(bare).toEqual([]);
  });

  it('types every request and answer body, with an example for every JSON or text one', () => {
    const resolve = (schema: Schema | undefined) =>
      schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
    const hasExample = (media: MediaType) => {
      const schema = resolve(media.schema);
      return media.example !== undefined || media.examples !== undefined || schema?.example !== undefined;
    };
    const problems: string[] = [];
    for (const { method, path, operation } of documented()) {
      const bodies = [
        ...Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
          where: 'request',
          type,
          media,
        })),
        ...Object.entries(operation.responses)
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([status, response]) =>
            Object.entries(response.content ?? {}).map(([type, media]) => ({ where: status, type, media })),
          ),
      ];
      for (const { where, type, media } of bodies) {
        const schema = resolve(media.schema);
        if (!schema) problems.push(`${method} ${path} ${where} ${type}: no schema`);
        const binary = schema?.format === 'binary' || /^(image|audio|video)\//.test(type);
        if (!binary && !hasExample(media)) problems.push(`${method} ${path} ${where} ${type}: no example`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives examples that fit their own schemas', () => {
    // The document's JSON Schemas, read back by zod, with the component references made local.
    const local = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replaceAll('#/components/schemas/', '#/$defs/'));
    const defs = local(doc.components.schemas);
    const fits = (schema: Schema, example: unknown) =>
      z.fromJSONSchema({ ...local(schema), $defs: defs }).safeParse(example).success;
    // The check itself can fail: a show whose `explicit` is a word does not fit.
    expect(
      fits(doc.components.schemas.Show, {
        ...(doc.components.schemas.Show.example as object),
        explicit: 'yes',
      }),
    ).toBe(false);
    const misfits: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (schema.example !== undefined && !fits(schema, schema.example)) misfits.push(`schema ${name}`);
    }
    for (const { method, path, operation } of documented()) {
      const contents = [
        ...Object.entries(operation.requestBody?.content ?? {}),
        ...Object.values(operation.responses).flatMap((response) => Object.entries(response.content ?? {})),
      ];
      for (const [type, media] of contents) {
        if (media.example !== undefined && media.schema && !fits(media.schema, media.example))
          misfits.push(`${method} ${path} ${type}`);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('types the chapters body as Podcasting 2.0 JSON chapters, not a bare string', () => {
    const put = doc.paths['/api/v1/episodes/{episodeId}/chapters'].put;
    const json = put.requestBody!.content['application/json'].schema!;
    expect(json.$ref).toBe('#/components/schemas/Chapters');
    const chapters = doc.components.schemas.Chapters as { properties: Record<string, unknown> };
    expect(Object.keys(chapters.properties)).toEqual(expect.arrayContaining(['version', 'chapters']));
  });

  it('answers the documented example of creating a show with what the document promises', async () => {
    const post = doc.paths['/api/v1/shows'].post;
    const example = resolveExample(doc, post.requestBody!.content['application/json']);
    const response = await t.call('POST', '/api/v1/shows', { json: example });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown>;
    const promised = doc.components.schemas.Show as { required: string[] };
    expect(Object.keys(created).sort()).toEqual([...promised.required].sort());
    // The example is complete enough to publish under: it names a category.
    expect(created.categories).toEqual(['Government']);
  });
});

function resolveExample(doc: Document, media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  const name = media.schema?.$ref?.split('/').pop();
  return name ? doc.components.schemas[name].example : undefined;
}
