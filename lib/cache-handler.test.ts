import { describe, expect, it } from 'vitest';
import { cacheGet, cacheSet, createCacheState } from './cache-handler.mjs';

const fetchEntry = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: 60 });
const pageEntry = (html: string, tags: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': tags }, status: 200 });
const read = { kind: 'FETCH', tags: ['article:7'], softTags: ['_N_T_/articles/7'] };
const tick = () => new Promise((r) => setTimeout(r, 2));

describe('cache handler (one instance)', () => {
  it('serves what was stored until one of its tags expires, then renders afresh', async () => {
    const s = createCacheState();
    expect(await cacheGet(s, 'k', read)).toBeNull();
    await cacheSet(s, 'k', fetchEntry('"v1"'), { tags: ['article:7'] });
    expect((await cacheGet(s, 'k', read))?.value).toMatchObject({ data: { body: '"v1"' } });

    await s.expireTags(['column:3']); // not this entry's
    expect(await cacheGet(s, 'k', read)).not.toBeNull();
    await s.expireTags(['article:7']);
    expect(await cacheGet(s, 'k', read)).toBeNull();

    await cacheSet(s, 'k', fetchEntry('"v2"'), { tags: ['article:7'] });
    expect((await cacheGet(s, 'k', read))?.value).toMatchObject({ data: { body: '"v2"' } });
  });

  it('expires a cached page by the tags its render read (x-next-cache-tags)', async () => {
    const s = createCacheState();
    await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' });
    await cacheSet(s, '/articles/7', pageEntry('<h1>旧标题</h1>', 'article:7,column:3,home'), {});
    expect(await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' })).not.toBeNull();
    await s.expireTags(['home']);
    expect(await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('never keeps a render that began before a publish and finished after it (the first reader gets the new page)', async () => {
    const s = createCacheState();
    // A reader's request misses and starts rendering with the old data…
    expect(await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' })).toBeNull();
    await tick();
    // …the article is published meanwhile…
    await s.expireTags(['article:7']);
    await tick();
    // …and the old render is stored afterwards: it must not be served.
    await cacheSet(s, '/articles/7', pageEntry('<h1>旧</h1>', 'article:7'), {});
    expect(await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' })).toBeNull();
    // A render that begins after the publish is kept.
    await tick();
    await cacheSet(s, '/articles/7', pageEntry('<h1>新</h1>', 'article:7'), {});
    expect((await cacheGet(s, '/articles/7', { kind: 'APP_PAGE' }))?.value).toMatchObject({ html: '<h1>新</h1>' });
  });

  it('keeps instances apart: an expiry on one state does not touch another until it is told', async () => {
    const a = createCacheState();
    const b = createCacheState();
    for (const s of [a, b]) {
      await cacheGet(s, 'k', read);
      await cacheSet(s, 'k', fetchEntry('"v1"'), { tags: ['article:7'] });
    }
    await a.expireTags(['article:7']);
    expect(await cacheGet(a, 'k', read)).toBeNull();
    // Without a database link nothing carries the expiry across: that is PostgreSQL's job
    // (NOTIFY), proven with two real instances in e2e-topology/.
    expect(await cacheGet(b, 'k', read)).not.toBeNull();
  });

  it('forgets everything when told invalidations may have been missed', async () => {
    const s = createCacheState();
    await cacheSet(s, 'k', fetchEntry('"v1"'), { tags: [] });
    s.clear();
    expect(await cacheGet(s, 'k', read)).toBeNull();
  });
});
