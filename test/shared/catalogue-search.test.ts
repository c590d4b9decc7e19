import { describe, expect, it } from 'vitest';
import arJson from '../../_locales/ar/messages.json';
import enJson from '../../_locales/en/messages.json';
import { CatalogueSearch, knownCountText, resultText, searchText, SHOWN_MATCHES } from '../../src/shared/catalogue-search';
import type { CatalogueListing } from '../../src/shared/package-files';
import type { Messages, UiLanguage } from '../../src/shared/ui-language';
import { echo } from '../support/fake-browser';

interface LocaleMessage {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}
type Locale = Readonly<Record<string, LocaleMessage>>;
const locales: Readonly<Record<UiLanguage, Locale>> = { ar: arJson, en: enJson };

/** browser.i18n.getMessage over a locale file: named placeholders, then $1…$9. */
const i18n =
  (lang: UiLanguage): Messages =>
  (name, substitutions = []) => {
    const entry = locales[lang][name];
    if (entry === undefined) return '';
    return entry.message
      .replace(/\$([A-Za-z0-9_]+)\$/g, (_, placeholder: string) => entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  };

const listing = (id: string, ar: string, en: string, date: string): CatalogueListing => ({ id, title: { ar, en }, date });

const catalogue = [
  listing('summit', 'قمة المناخ في القاهرة', 'Climate summit in Cairo', '2025-11-30'),
  listing('putin-xi', 'بوتين وشي يشيدان بالعلاقات الوثيقة', 'Putin and Xi praise close ties', '2026-02-04'),
  listing('minister', 'الرئيس يلتقي وزير الخارجية الإماراتي في المستشفى', 'The President meets the Emirati Foreign Minister', '2026-01-15'),
];
const ids = (listings: readonly CatalogueListing[]): string[] => listings.map(({ id }) => id);

describe('searchText', () => {
  it('folds harakat, tatweel, alef and hamza forms, taa marbuta, alef maqsura, digits and case, as the engine does', () => {
    expect(searchText('بُوتِين')).toBe('بوتين');
    expect(searchText('بـــوتين')).toBe('بوتين');
    expect(searchText('أإآٱ')).toBe('اااا');
    expect(searchText('القاهرة')).toBe(searchText('القاهره'));
    expect(searchText('المستشفى')).toBe(searchText('المستشفي'));
    expect(searchText('مسؤول رئيس')).toBe(searchText('مسوول رييس'));
    expect(searchText('٢٠٢٦-٠٢')).toBe('2026-02');
    expect(searchText('  PUTIN\u00a0\tand  Xi ')).toBe('putin and xi');
    expect(searchText('ÉLYSÉE')).toBe('élysée');
  });
});

describe('CatalogueSearch', () => {
  const search = new CatalogueSearch(catalogue);

  it('lists every article, newest first, when nothing is searched', () => {
    const result = search.search('   ');
    expect(ids(result.shown)).toEqual(['putin-xi', 'minister', 'summit']);
    expect([result.total, result.searching]).toEqual([3, false]);
  });

  it('finds an article by a word of its Arabic title, however the word is spelled', () => {
    for (const query of ['بوتين', 'بُوتِين', 'بـوتين', 'العلاقات الوثيقه'])
      expect(ids(search.search(query).shown), query).toEqual(['putin-xi']);
    for (const query of ['القاهره', 'قمه المناخ']) expect(ids(search.search(query).shown), query).toEqual(['summit']);
    for (const query of ['الاماراتي', 'المستشفي', 'الخارجيّة']) expect(ids(search.search(query).shown), query).toEqual(['minister']);
  });

  it('finds an article by its English title, in any case', () => {
    expect(ids(search.search('PUTIN').shown)).toEqual(['putin-xi']);
    expect(ids(search.search('foreign minister').shown)).toEqual(['minister']);
  });

  it('finds articles by date, or part of one, in either digit script', () => {
    expect(ids(search.search('2026-02').shown)).toEqual(['putin-xi']);
    expect(ids(search.search('2026').shown)).toEqual(['putin-xi', 'minister']);
    expect(ids(search.search('٢٠٢٥-١١-٣٠').shown)).toEqual(['summit']);
  });

  it('wants every word of the search, in either title or the date', () => {
    expect(ids(search.search('putin 2026-02').shown)).toEqual(['putin-xi']);
    expect(ids(search.search('بوتين praise').shown)).toEqual(['putin-xi']);
    expect(search.search('putin cairo')).toEqual({ shown: [], total: 0, searching: true });
  });

  it(`shows at most ${SHOWN_MATCHES} matches, and counts them all`, () => {
    const many = new CatalogueSearch(
      Array.from({ length: 120 }, (_, day) =>
        listing(`report-${day}`, `تقرير رقم ${day}`, `Report ${day}`, new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10)),
      ),
    );
    const all = many.search('');
    expect([all.shown.length, all.total]).toEqual([SHOWN_MATCHES, 120]);
    expect(all.shown[0]?.id).toBe('report-119');
    const reports = many.search('تقرير');
    expect([reports.shown.length, reports.total, reports.searching]).toEqual([SHOWN_MATCHES, 120, true]);
    expect(many.search('report', 10).shown).toHaveLength(10);
    expect(many.search('2026-01').total).toBe(31);
  });

  it('finds nothing in an empty catalogue, and keeps each article apart whatever its title holds', () => {
    expect(new CatalogueSearch([]).search('putin')).toEqual({ shown: [], total: 0, searching: true });
    const odd = new CatalogueSearch([listing('odd', 'سطر\u2029آخر', '  ', '2026-03-01'), ...catalogue]);
    odd.prepare();
    expect(ids(odd.search('سطر اخر').shown)).toEqual(['odd']);
    expect(ids(odd.search('2026').shown)).toEqual(['odd', 'putin-xi', 'minister']);
    expect(ids(odd.search('putin').shown)).toEqual(['putin-xi']);
  });

  it('leaves the list it was given as it was', () => {
    const given = [...catalogue];
    void new CatalogueSearch(given).search('putin');
    expect(given).toEqual(catalogue);
  });
});

describe('knownCountText', () => {
  it('picks the plural form of the UI language, with the number written as it writes numbers', () => {
    expect(knownCountText(1, 'en', echo)).toBe('catalogueKnownOne:[1]');
    expect(knownCountText(10_000, 'en', echo)).toBe('catalogueKnownOther:[10,000]');
    const ar = (count: number): string => new Intl.NumberFormat('ar').format(count);
    expect([0, 1, 2, 3, 11, 100, 10_000].map((count) => knownCountText(count, 'ar', echo))).toEqual([
      `catalogueKnownZero:[${ar(0)}]`,
      `catalogueKnownOne:[${ar(1)}]`,
      `catalogueKnownTwo:[${ar(2)}]`,
      `catalogueKnownFew:[${ar(3)}]`,
      `catalogueKnownMany:[${ar(11)}]`,
      `catalogueKnownOther:[${ar(100)}]`,
      `catalogueKnownOther:[${ar(10_000)}]`,
    ]);
  });

  it('reads as a sentence in each language', () => {
    expect(knownCountText(10_000, 'en', i18n('en'))).toBe('Isnad knows 10,000 articles.');
    expect(knownCountText(1, 'en', i18n('en'))).toBe('Isnad knows 1 article.');
    expect(knownCountText(10_000, 'ar', i18n('ar'))).toBe(`يعرف إسناد ${new Intl.NumberFormat('ar').format(10_000)} مقال.`);
    expect(knownCountText(1, 'ar', i18n('ar'))).toBe('يعرف إسناد مقالاً واحداً.');
    expect(knownCountText(5, 'ar', i18n('ar'))).toBe(`يعرف إسناد ${new Intl.NumberFormat('ar').format(5)} مقالات.`);
  });

  it.each(['ar', 'en'] as const)('has a message in _locales/%s for each plural form of the language', (lang) => {
    for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
      const name = `catalogueKnown${category.charAt(0).toUpperCase()}${category.slice(1)}`;
      expect(locales[lang][name]?.message.trim(), name).toBeTruthy();
    }
  });
});

describe('resultText', () => {
  const result = (shown: number, total: number, searching: boolean) => ({
    shown: catalogue.slice(0, shown),
    total,
    searching,
  });

  it('says nothing when every article is listed', () => {
    expect(resultText(result(3, 3, false), 'en', echo)).toBe('');
  });

  it('says how many are not listed, before and during a search', () => {
    expect(resultText(result(2, 10_002, false), 'en', echo)).toBe('catalogueMoreArticles:[10,000]');
    expect(resultText(result(2, 312, true), 'en', echo)).toBe('catalogueMatches:[312] catalogueMoreMatches:[310]');
  });

  it('says how many match, or that none does', () => {
    expect(resultText(result(3, 3, true), 'en', echo)).toBe('catalogueMatches:[3]');
    expect(resultText(result(0, 0, true), 'en', echo)).toBe('catalogueNoMatch');
    expect(resultText(result(0, 0, true), 'ar', i18n('ar'))).toBe('لا مقال يطابق هذا البحث.');
    expect(resultText(result(2, 1002, true), 'ar', echo)).toBe(
      `catalogueMatches:[${new Intl.NumberFormat('ar').format(1002)}] catalogueMoreMatches:[${new Intl.NumberFormat('ar').format(1000)}]`,
    );
  });

  it.each(['ar', 'en'] as const)('finds each of its messages in _locales/%s', (lang) => {
    for (const name of [
      'catalogueSearchLabel',
      'catalogueSearchPlaceholder',
      'catalogueMatches',
      'catalogueNoMatch',
      'catalogueMoreMatches',
      'catalogueMoreArticles',
    ]) {
      expect(locales[lang][name]?.message.trim(), name).toBeTruthy();
    }
  });
});
