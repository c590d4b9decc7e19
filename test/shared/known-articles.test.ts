import { beforeEach, describe, expect, it } from 'vitest';
import { SHOWN_MATCHES } from '../../src/shared/catalogue-search';
import { showKnownArticles } from '../../src/shared/known-articles';
import type { CatalogueListing } from '../../src/shared/package-files';
import { putinXi } from '../support/article-page';
import { echo } from '../support/fake-browser';
import { listingOf } from './fake-catalogue';

const others: CatalogueListing[] = Array.from({ length: 60 }, (_, index) => ({
  id: `other-${index}`,
  title: { ar: `خبر آخر رقم ${index}`, en: `Another report ${index}` },
  date: `2025-0${1 + (index % 9)}-1${index % 10}`,
}));
const catalogue = [listingOf(putinXi), ...others];

let container: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  const heading = document.createElement('h2');
  heading.id = 'known-heading';
  container = document.createElement('div');
  document.body.append(heading, container);
});

const byId = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`no #${id}`);
  return found;
};
const input = (): HTMLInputElement => byId('known-search') as HTMLInputElement;
const titles = (): string[] => [...byId('known-list').querySelectorAll('.known-title')].map((node) => node.textContent);

function search(query: string): void {
  input().value = query;
  input().dispatchEvent(new Event('input'));
}

describe('showKnownArticles', () => {
  it('says how many articles Isnad knows, and lists the newest first, up to the cap', () => {
    showKnownArticles(container, catalogue, { lang: 'en', message: echo, labelledBy: 'known-heading' });
    expect(byId('known-count').textContent).toBe('catalogueKnownOther:[61]');
    expect(titles()).toHaveLength(SHOWN_MATCHES);
    expect(titles()[0]).toBe(putinXi.title.en);
    expect(byId('known-matches').textContent).toBe('catalogueMoreArticles:[11]');
  });

  it('is accessible: a labelled search box, a named list, and a live region for what the search found', () => {
    showKnownArticles(container, catalogue, { lang: 'en', message: echo, labelledBy: 'known-heading' });
    const label = container.querySelector('label');
    expect([label?.htmlFor, label?.textContent]).toEqual(['known-search', 'catalogueSearchLabel']);
    expect([input().type, input().placeholder, input().dir, input().getAttribute('aria-controls')]).toEqual([
      'search',
      'catalogueSearchPlaceholder',
      'auto',
      'known-list',
    ]);
    expect([byId('known-matches').getAttribute('role'), byId('known-matches').getAttribute('aria-live')]).toEqual(['status', 'polite']);
    const list = byId('known-list');
    expect([list.tagName, list.getAttribute('aria-labelledby'), list.tabIndex]).toEqual(['UL', 'known-heading', 0]);
  });

  it('filters as the reader types: by a word of the Arabic title spelled otherwise, by the English title, by date', () => {
    showKnownArticles(container, catalogue, { lang: 'en', message: echo, labelledBy: 'known-heading' });
    search('بُوتين');
    expect(titles()).toEqual([putinXi.title.en]);
    expect(byId('known-matches').textContent).toBe('catalogueMatches:[1]');
    search('XI');
    expect(titles()).toEqual([putinXi.title.en]);
    search(putinXi.date);
    expect(titles()).toEqual([putinXi.title.en]);
    search('another');
    expect(titles()).toHaveLength(SHOWN_MATCHES);
    expect(byId('known-matches').textContent).toBe('catalogueMatches:[60] catalogueMoreMatches:[10]');
    search('nothing like this');
    expect(titles()).toEqual([]);
    expect(byId('known-list').hidden).toBe(true);
    expect(byId('known-matches').textContent).toBe('catalogueNoMatch');
    search('');
    expect(titles()).toHaveLength(SHOWN_MATCHES);
    expect(byId('known-list').hidden).toBe(false);
  });

  it('writes each title and date in the UI language, with the date machine-readable', () => {
    showKnownArticles(container, [listingOf(putinXi)], { lang: 'ar', message: echo, labelledBy: 'known-heading' });
    const item = byId('known-list').querySelector('li');
    expect(item?.querySelector('.known-title')?.textContent).toBe(putinXi.title.ar);
    const date = item?.querySelector('time');
    expect(date?.dateTime).toBe(putinXi.date);
    expect(date?.textContent).toBe(
      new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${putinXi.date}T00:00:00Z`)),
    );
    expect(byId('known-count').textContent).toBe(`catalogueKnownOne:[${new Intl.NumberFormat('ar').format(1)}]`);
    expect(byId('known-matches').textContent).toBe('');
  });

  it('builds with DOM nodes only: markup in a title stays text', () => {
    const hostile = { id: 'hostile', title: { ar: '<img src=x onerror=alert(1)>', en: '<b>bold</b>' }, date: '2026-01-01' };
    showKnownArticles(container, [hostile], { lang: 'en', message: echo, labelledBy: 'known-heading' });
    expect(titles()).toEqual(['<b>bold</b>']);
    expect(container.querySelector('b, img')).toBeNull();
  });
});
