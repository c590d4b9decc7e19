import { describe, expect, it, vi } from 'vitest';
import { CatalogueCache } from '../../src/popup/catalogue-cache';
import { putinXi } from '../support/article-page';
import { listingOf } from '../shared/fake-catalogue';

function reader() {
  return {
    list: vi.fn(() => Promise.resolve([listingOf(putinXi)])),
    article: vi.fn((id: string) => (id === putinXi.id ? Promise.resolve(putinXi) : Promise.reject(new Error(`${id}: 404`)))),
  };
}

describe('CatalogueCache', () => {
  it('reads the list once, and each article once, when first asked', async () => {
    const files = reader();
    const cache = new CatalogueCache(files);
    expect(files.list).not.toHaveBeenCalled();
    expect(await Promise.all([cache.list(), cache.list()])).toEqual([[listingOf(putinXi)], [listingOf(putinXi)]]);
    expect(await cache.article(putinXi.id)).toBe(putinXi);
    expect(await cache.article(putinXi.id)).toBe(putinXi);
    expect([files.list.mock.calls.length, files.article.mock.calls.length]).toEqual([1, 1]);
  });

  it('tries a failed read again the next time', async () => {
    const files = reader();
    const cache = new CatalogueCache(files);
    await expect(cache.article('missing')).rejects.toThrow('missing: 404');
    await expect(cache.article('missing')).rejects.toThrow('missing: 404');
    expect(files.article).toHaveBeenCalledTimes(2);
    files.list.mockRejectedValueOnce(new Error('list: 500'));
    await expect(cache.list()).rejects.toThrow('list: 500');
    expect(await cache.list()).toEqual([listingOf(putinXi)]);
  });
});
