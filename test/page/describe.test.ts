/**
 * What the tooltip says, with a `message` stand-in that echoes its key and
 * substitutions, so each assertion shows which message is used where; and
 * that every key the module can ask for exists in both locales.
 */
import { describe, expect, it } from 'vitest';
import { ClaimCategory, Verdict, type Annotation, type Claim, type Quote } from '../../src/article/schema';
import { describeAnnotation, type Messages, type PageFindings, type UiLanguage } from '../../src/page/describe';
import arJson from '../../_locales/ar/messages.json';
import enJson from '../../_locales/en/messages.json';
import { putinXi } from '../support/article-page';

interface LocaleMessage {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}
type Locale = Readonly<Record<string, LocaleMessage>>;
const locales: Readonly<Record<UiLanguage, Locale>> = { en: enJson, ar: arJson };

/** Echoes `name` or `name:[a|b]`. */
const echo: Messages = (name, substitutions) => (substitutions === undefined ? name : `${name}:[${substitutions.join('|')}]`);

/** A small browser.i18n.getMessage over a locale file: named placeholders, then $1…$9. */
const i18n =
  (locale: Locale): Messages =>
  (name, substitutions = []) => {
    const entry = locale[name];
    if (entry === undefined) return '';
    return entry.message
      .replace(/\$([A-Za-z0-9_]+)\$/g, (_, placeholder: string) => entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };

function annotation<K extends Annotation['kind']>(id: string, kind: K): Extract<Annotation, { kind: K }> {
  const found = putinXi.annotations.find((a) => a.id === id);
  if (found?.kind !== kind) throw new Error(`no ${kind} ${id} in the article`);
  return found as Extract<Annotation, { kind: K }>;
}

const stabilising = annotation('quote-putin-stabilising-factor', 'quote');
const tradeVolume = annotation('claim-trade-volume', 'claim');

/** A finding of every kind, for one annotation. */
const everyFinding: PageFindings = {
  changes: (['replaced', 'inserted', 'deleted'] as const).flatMap((kind) => [
    { id: 'any', kind, figure: false, pageWords: 'توازن', referenceWords: 'استقرار', pageAt: [0, 5], referenceAt: [0, 7] },
    { id: 'any', kind, figure: true, pageWords: '300', referenceWords: '200', pageAt: [6, 9], referenceAt: [6, 9] },
  ]),
  misattributedTo: 'xi',
  pageText: 'توازن ورد 300',
};

describe('describeAnnotation: what this page changed', () => {
  it('says, first, that the page credits a quote to another speaker, and who spoke it per the report', () => {
    for (const lang of ['en', 'ar'] as const) {
      const content = describeAnnotation(putinXi, stabilising, lang, i18n(locales[lang]), { changes: [], misattributedTo: 'xi' });
      const [first] = content.lines;
      expect(first?.text).toContain(lang === 'en' ? 'Xi Jinping' : 'شي جين بينج');
      expect(first?.text).toContain(lang === 'en' ? 'Vladimir Putin' : 'فلاديمير بوتين');
      expect(content.heading).toBe(lang === 'en' ? 'Vladimir Putin' : 'فلاديمير بوتين');
    }
  });

  it('gives the page wording beside the reference wording, and a changed figure with the verdict about the reference', () => {
    const exact = stabilising.target.exact;
    const pageText = exact.replace('استقرار', 'توازن');
    const at = exact.indexOf('استقرار');
    const replaced = {
      id: stabilising.id,
      kind: 'replaced' as const,
      figure: false,
      pageWords: 'توازن',
      referenceWords: 'استقرار',
      pageAt: [at, at + 5] as const,
      referenceAt: [at, at + 7] as const,
    };
    const quote = describeAnnotation(putinXi, stabilising, 'en', i18n(locales.en), { changes: [replaced], pageText });
    expect(quote.lines.map((line) => line.text).slice(0, 4)).toEqual([
      'This page changed the wording',
      `The report: “\u2068${exact}\u2069”`,
      `This page: “\u2068${pageText}\u2069”`,
      'This page says “توازن”; the report says “استقرار”.',
    ]);
    const marked = (line: { text: string; marks?: readonly (readonly [number, number])[] } | undefined): string[] =>
      (line?.marks ?? []).map(([from, to]) => line?.text.slice(from, to) ?? '');
    expect(marked(quote.lines[1])).toEqual(['استقرار']);
    expect(marked(quote.lines[2])).toEqual(['توازن']);
    const figure = {
      id: tradeVolume.id,
      kind: 'replaced' as const,
      figure: true,
      pageWords: '300',
      referenceWords: '200',
      pageAt: [0, 3] as const,
      referenceAt: [0, 3] as const,
    };
    const claim = describeAnnotation(putinXi, tradeVolume, 'ar', i18n(locales.ar), { changes: [figure] });
    expect(claim.lines.map((line) => line.text)).toContain('تقول هذه الصفحة 300، والتقرير يقول 200. الحكم يخص رقم التقرير.');
    expect(claim.subheading).toBe(i18n(locales.ar)('verdictMissingContext'));
  });

  it('says nothing of the kind where the page changed nothing', () => {
    const content = describeAnnotation(putinXi, stabilising, 'en', i18n(locales.en), { changes: [] });
    expect(content).toEqual(describeAnnotation(putinXi, stabilising, 'en', i18n(locales.en)));
  });
});

describe('describeAnnotation: a quote', () => {
  it('names the speaker, the role and the form in English, and gives the translation', () => {
    expect(describeAnnotation(putinXi, stabilising, 'en', echo)).toEqual({
      lang: 'en',
      accent: '#0072B2',
      heading: 'Vladimir Putin',
      subheading: 'President of Russia · tooltipQuoteDirect',
      lines: [
        { text: 'tooltipTranslation', lang: 'en', kind: 'label' },
        {
          text: 'Relations between Moscow and Beijing are a stabilising factor amid the current global turbulence',
          lang: 'en',
          kind: 'text',
        },
      ],
      announcement: 'announceQuote:[Vladimir Putin]',
    });
  });

  it('says the same in Arabic, the translation still marked English', () => {
    expect(describeAnnotation(putinXi, stabilising, 'ar', echo)).toEqual({
      lang: 'ar',
      accent: '#0072B2',
      heading: 'فلاديمير بوتين',
      subheading: 'رئيس روسيا · tooltipQuoteDirect',
      lines: [
        { text: 'tooltipTranslation', lang: 'ar', kind: 'label' },
        { text: stabilising.translation.en, lang: 'en', kind: 'text' },
      ],
      announcement: 'announceQuote:[فلاديمير بوتين]',
    });
  });

  it('labels reported speech as such', () => {
    const reported: Quote = { ...stabilising, form: 'reported' };
    expect(describeAnnotation(putinXi, reported, 'en', echo).subheading).toBe('President of Russia · tooltipQuoteReported');
    expect(describeAnnotation(putinXi, reported, 'ar', echo).subheading).toBe('رئيس روسيا · tooltipQuoteReported');
  });

  it("takes each speaker's own name and colour", () => {
    const xi = describeAnnotation(putinXi, annotation('quote-xi-grand-plan', 'quote'), 'en', echo);
    expect([xi.heading, xi.accent, xi.announcement]).toEqual(['Xi Jinping', '#D55E00', 'announceQuote:[Xi Jinping]']);
  });

  it('falls back to the speaker id, a neutral edge and no role for an unknown speaker', () => {
    const stray: Quote = { ...stabilising, speaker: 'nobody' };
    const content = describeAnnotation(putinXi, stray, 'en', echo);
    expect(content.heading).toBe('nobody');
    expect(content.subheading).toBe('tooltipQuoteDirect'); // no dangling separator
    expect(content.accent).toBe('#808080');
  });

  it('reads as real English and Arabic with the locale files', () => {
    const en = describeAnnotation(putinXi, stabilising, 'en', i18n(locales.en));
    expect([en.subheading, en.lines[0]?.text, en.announcement]).toEqual([
      'President of Russia · Direct quote',
      'English translation',
      'Quote by Vladimir Putin',
    ]);
    const ar = describeAnnotation(putinXi, stabilising, 'ar', i18n(locales.ar));
    expect(ar.announcement).toBe('اقتباس لـفلاديمير بوتين');
    expect(ar.subheading).toBe('رئيس روسيا · اقتباس مباشر');
  });
});

describe('describeAnnotation: a claim', () => {
  it('gives category and verdict, context, who it is attributed to, and sources, in English', () => {
    expect(describeAnnotation(putinXi, tradeVolume, 'en', echo)).toEqual({
      lang: 'en',
      accent: '#808080',
      heading: 'tooltipClaim · categoryStatistic',
      subheading: 'verdictMissingContext',
      lines: [
        { text: tradeVolume.context.en, lang: 'en', kind: 'text' },
        { text: 'tooltipAttributedTo:[Vladimir Putin]', lang: 'en', kind: 'note' },
        { text: 'tooltipSources', lang: 'en', kind: 'label' },
        { text: "China's General Administration of Customs (2024-01)", lang: 'en', kind: 'note' },
        { text: 'Reuters (2026-01-14)', lang: 'en', kind: 'note' },
      ],
      announcement: 'announceClaim:[categoryStatistic|verdictMissingContext]',
    });
  });

  it('gives the Arabic context and names in Arabic, the sources still marked English', () => {
    const content = describeAnnotation(putinXi, tradeVolume, 'ar', echo);
    expect(content.lang).toBe('ar');
    expect(content.lines).toEqual([
      { text: tradeVolume.context.ar, lang: 'ar', kind: 'text' },
      { text: 'tooltipAttributedTo:[فلاديمير بوتين]', lang: 'ar', kind: 'note' },
      { text: 'tooltipSources', lang: 'ar', kind: 'label' },
      { text: "China's General Administration of Customs (2024-01)", lang: 'en', kind: 'note' },
      { text: 'Reuters (2026-01-14)', lang: 'en', kind: 'note' },
    ]);
  });

  it("adds a source's title after its publisher", () => {
    const content = describeAnnotation(putinXi, annotation('claim-no-limits-partnership', 'claim'), 'en', echo);
    expect(content.heading).toBe('tooltipClaim · categoryHistory');
    expect(content.lines.map((line) => line.text).slice(1)).toEqual([
      'tooltipAttributedTo:[The publishing outlet]',
      'tooltipSources',
      'Russia and China, Joint statement signed in Beijing (2022-02-04)',
    ]);
  });

  it('has no sources label when there are no sources', () => {
    const claim = annotation('claim-last-meeting', 'claim');
    expect(claim.sources).toEqual([]);
    const content = describeAnnotation(putinXi, claim, 'en', echo);
    expect(content.lines.map((line) => line.text)).toEqual([claim.context.en, 'tooltipAttributedTo:[The publishing outlet]']);
  });

  it('lists several speakers with the comma of the UI language, an unknown one by id', () => {
    const shared: Claim = { ...tradeVolume, attributedTo: ['putin', 'xi', 'nobody'] };
    expect(describeAnnotation(putinXi, shared, 'en', echo).lines[1]?.text).toBe('tooltipAttributedTo:[Vladimir Putin, Xi Jinping, nobody]');
    expect(describeAnnotation(putinXi, shared, 'ar', echo).lines[1]?.text).toBe(
      'tooltipAttributedTo:[فلاديمير بوتين، شي جين بينج، nobody]',
    );
  });

  it('gives every category and every verdict a message of its own', () => {
    const categories = ClaimCategory.options.map(
      (category) => describeAnnotation(putinXi, { ...tradeVolume, category }, 'en', echo).heading,
    );
    const verdicts = Verdict.options.map((verdict) => describeAnnotation(putinXi, { ...tradeVolume, verdict }, 'en', echo).subheading);
    expect(new Set(categories).size).toBe(ClaimCategory.options.length);
    expect(new Set(verdicts).size).toBe(Verdict.options.length);
    expect(categories).toContain('tooltipClaim · categoryAccusation');
    expect(verdicts).toContain('verdictMissingContext');
  });

  it('reads as real English and Arabic with the locale files', () => {
    const en = describeAnnotation(putinXi, tradeVolume, 'en', i18n(locales.en));
    expect([en.heading, en.subheading, en.lines[1]?.text, en.lines[2]?.text, en.announcement]).toEqual([
      'Claim · Statistic',
      'Missing context',
      'Attributed to Vladimir Putin',
      'Sources',
      'Claim: Statistic, Missing context',
    ]);
    const ar = describeAnnotation(putinXi, tradeVolume, 'ar', i18n(locales.ar));
    expect([ar.heading, ar.announcement]).toEqual(['ادعاء · إحصاء', 'ادعاء: إحصاء، ينقصه سياق']);
  });
});

describe('the messages describeAnnotation uses', () => {
  /** Every message asked for, with its substitutions, over every annotation, form, category, verdict and language. */
  function requests(): Map<string, number> {
    const asked = new Map<string, number>();
    const recording: Messages = (name, substitutions) => {
      asked.set(name, Math.max(asked.get(name) ?? 0, substitutions?.length ?? 0));
      return name;
    };
    const variants: Annotation[] = [
      ...putinXi.annotations,
      { ...stabilising, form: 'reported' },
      ...ClaimCategory.options.map((category) => ({ ...tradeVolume, category })),
      ...Verdict.options.map((verdict) => ({ ...tradeVolume, verdict })),
    ];
    for (const lang of ['en', 'ar'] as const) {
      for (const variant of variants) {
        describeAnnotation(putinXi, variant, lang, recording);
        describeAnnotation(putinXi, variant, lang, recording, everyFinding);
      }
    }
    return asked;
  }

  it('are the ones expected', () => {
    expect([...requests().keys()].sort()).toEqual(
      [
        'tooltipQuoteDirect',
        'tooltipQuoteReported',
        'tooltipTranslation',
        'announceQuote',
        'tooltipClaim',
        'tooltipAttributedTo',
        'tooltipSources',
        'announceClaim',
        'tooltipChangedHere',
        'tooltipChangeReplaced',
        'tooltipChangeInserted',
        'tooltipChangeDeleted',
        'tooltipFigureChanged',
        'tooltipMisattributed',
        'tooltipReportWording',
        'tooltipPageWording',
        ...['Statistic', 'Event', 'History', 'Accusation', 'Denial', 'Statement'].map((c) => `category${c}`),
        ...['Consistent', 'MissingContext', 'Disputed', 'Contradicted', 'Attributed'].map((v) => `verdict${v}`),
      ].sort(),
    );
  });

  it.each(['en', 'ar'] as const)('all exist in _locales/%s, each with a placeholder for every substitution', (lang) => {
    const locale = locales[lang];
    for (const [name, count] of requests()) {
      const entry = locale[name];
      expect(entry, name).toBeDefined();
      expect(entry?.message.trim(), name).not.toBe('');
      const contents = Object.values(entry?.placeholders ?? {})
        .map((placeholder) => placeholder.content)
        .sort();
      expect(contents, name).toEqual(Array.from({ length: count }, (_, index) => `$${index + 1}`));
    }
  });
});
