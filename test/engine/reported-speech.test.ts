/**
 * The reading of reported speech on plain strings: every quotation of both
 * articles credited as published, sentences generated over the whole table
 * of verbs, participles, prefixes and quotation marks, two speakers in one
 * sentence, unknown where nobody is named, and spelling noise that changes
 * no answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { readReportedSpeech, type SpeakerNames } from '../../src/engine/reported-speech';
import { NAME_PREFIXES, PARTICIPLES, SPEECH_VERBS } from '../../src/engine/speech-words';
import { loadArticle, putinXi } from '../support/article-page';
import type { Article } from '../../src/article/schema';

const second = loadArticle(JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8')));

/** Each quote annotation of an article, as the reading of its paragraphs credits it: speaker and introducing phrase. */
function readArticle(article: Article, spell: (text: string) => string = (text) => text) {
  const text = spell(article.paragraphs.join('\n'));
  const reading = readReportedSpeech(text, article.speakers);
  return { text, reading };
}

const PEOPLE: SpeakerNames[] = [
  { id: 'putin', names: ['فلاديمير بوتين', 'بوتين', 'الرئيس الروسي'] },
  { id: 'xi', names: ['شي جين بينج', 'شي', 'الرئيس الصيني'] },
];

/** The reading of one text, as (speaker or "?", quoted words) pairs. */
const credits = (text: string, speakers: readonly SpeakerNames[] = PEOPLE): [string, string][] =>
  readReportedSpeech(text, speakers).quotations.map(({ credit, start, end }) => [credit?.speaker ?? '?', text.slice(start, end)]);

describe('the bundled articles', () => {
  for (const article of [putinXi, second]) {
    it(`credits every quotation of ${article.id} to its speaker, with its introducing phrase exact`, () => {
      const { text, reading } = readArticle(article);
      const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote');
      const read = quotes.flatMap((quote) => {
        const quotation = reading.quotations.find(({ start, end }) => text.slice(start, end).includes(quote.target.exact));
        return quotation === undefined ? [] : [{ quote, quotation }];
      });
      // The second article's third quote is reported without quotation marks: not a quotation for this reading.
      expect(read.length).toBe(article === putinXi ? 12 : 2);
      for (const { quote, quotation } of read) {
        expect(quotation.credit?.speaker, quote.id).toBe(quote.speaker);
        expect(quotation.phrase && text.slice(quotation.phrase.start, quotation.phrase.end), quote.id).toBe(quote.attribution.exact);
      }
      expect(reading.unbalanced).toEqual([]);
      expect(reading.quotations.every((quotation) => quotation.credit !== undefined)).toBe(true);
    });
  }

  it('reads the same through spelling noise: harakat, tatweel, hamza forms, Arabic-Indic digits, quotation mark styles', () => {
    const plain = readArticle(putinXi);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const noisy = (text: string): string =>
      text
        .replace(/[\u0628-\u064a](?= |$)/g, (letter) => (random() < 0.3 ? `${letter}\u064e` : letter))
        .replace(/([\u0628-\u064a])([\u0628-\u064a])/g, (pair, a: string, b: string) => (random() < 0.1 ? `${a}\u0640${b}` : pair))
        .replace(/ا/g, (alef) => (random() < 0.2 ? 'أ' : alef))
        .replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)))
        .replace(/“/g, '«')
        .replace(/”(?=[،.]|$)/gm, '»');
    const read = readArticle(putinXi, noisy);
    expect(read.reading.quotations.map(({ credit }) => credit?.speaker)).toEqual(
      plain.reading.quotations.map(({ credit }) => credit?.speaker),
    );
    expect(read.reading.quotations.map(({ reading }) => reading)).toEqual(plain.reading.quotations.map(({ reading }) => reading));
  });
});

describe('generated sentences', () => {
  it('credits the named speaker after every verb of saying, with the conjunctions it may carry', () => {
    for (const verb of SPEECH_VERBS)
      for (const conjunction of ['', 'و', 'ف']) {
        const text = `${conjunction}${verb} بوتين إن “التعاون مستمر”.`;
        expect(credits(text), text).toEqual([['putin', 'التعاون مستمر']]);
      }
  });

  it('knows the forms of the verbs a report uses most, feminine and plural, with long-vowel stems', () => {
    for (const verb of [
      'قالت',
      'أكدت',
      'أضافت',
      'دعت',
      'رأت',
      'نفت',
      'ادعت',
      'وصفت',
      'قالوا',
      'دعوا',
      'نفوا',
      'أعلنتا',
      'قالا',
      'تقول',
      'يرى',
    ]) {
      const text = `و${verb} الرئيس الروسي إن “التعاون مستمر”.`;
      expect(credits(text), text).toEqual([['putin', 'التعاون مستمر']]);
    }
  });

  it('carries the sentence speaker on through every participle, a relative clause, a bare verb and a bare conjunction', () => {
    for (const participle of PARTICIPLES) {
      const text = `وقال شي إن “الخطة جاهزة”، ${participle} بـ”الشراكة القوية”.`;
      expect(credits(text), text).toEqual([
        ['xi', 'الخطة جاهزة'],
        ['xi', 'الشراكة القوية'],
      ]);
    }
    expect(credits('وقال بوتين إن “العلاقات متينة”، التي اعتبر أنها “نموذجية”، ووصف الشراكة بـ”الاستراتيجية”، و”المتينة”.')).toEqual([
      ['putin', 'العلاقات متينة'],
      ['putin', 'نموذجية'],
      ['putin', 'الاستراتيجية'],
      ['putin', 'المتينة'],
    ]);
  });

  it('reads a name with every prefix, and both spellings of a transliterated name', () => {
    for (const prefix of NAME_PREFIXES.filter((prefix) => !prefix.endsWith('ال'))) {
      const text = `ونقل عن ${prefix}بوتين قوله: “السلام ممكن”.`;
      expect(credits(text)[0]?.[0], text).toBe('putin');
    }
    expect(credits('وفي تصريح للرئيس الروسي قال إن “الاتفاق قريب”.')).toEqual([['putin', 'الاتفاق قريب']]);
    expect(credits('وقال شي جين بينغ إن “الاتفاق قريب”.')).toEqual([['xi', 'الاتفاق قريب']]);
    expect(credits('وقال نظيره الصيني إن “الاتفاق قريب”.')).toEqual([['xi', 'الاتفاق قريب']]);
  });

  it('pairs every style of quotation mark, «…» nested in “…”, and a quotation across a line break', () => {
    for (const [open, close] of [
      ['“', '”'],
      ['”', '”'],
      ['«', '»'],
      ['"', '"'],
      ['″', '″'],
      ['„', '“'],
      ['‹', '›'],
    ])
      expect(credits(`وقال بوتين إن ${open}الحوار مفيد${close}.`), open).toEqual([['putin', 'الحوار مفيد']]);
    expect(credits('وقال شي إن “الشعار «معاً» يجمعنا”.')).toEqual([['xi', 'الشعار «معاً» يجمعنا']]);
    expect(credits('وقال شي إن “الطريق طويل\nلكنه واضح”.')).toEqual([['xi', 'الطريق طويل\nلكنه واضح']]);
  });

  it('credits each quotation of a sentence that names two speakers to its own, and a later bare verb to the last named', () => {
    expect(credits('وقال بوتين إن “الحوار مستمر”، فيما قال شي إن “الثقة متبادلة”، مشيداً بـ”الصداقة”.\nوأضاف أن “الزيارة قريبة”.')).toEqual([
      ['putin', 'الحوار مستمر'],
      ['xi', 'الثقة متبادلة'],
      ['xi', 'الصداقة'],
      ['xi', 'الزيارة قريبة'],
    ]);
    expect(credits('وأوضح بوتين أن التعاون يتوسع.\nوأضاف أن “الطاقة أساس الشراكة”.')).toEqual([['putin', 'الطاقة أساس الشراكة']]);
  });

  it('credits a source named after the quotation, or before it, and a speaker parted from إن by commas', () => {
    expect(credits('وتوصل الطرفان إلى “تفاهم واسع”، بحسب الرئيس الروسي.')).toEqual([['putin', 'تفاهم واسع']]);
    expect(credits('“الحوار مستمر”، قال شي جين بينغ.')).toEqual([['xi', 'الحوار مستمر']]);
    expect(credits('ووفقاً لبوتين، فإن “الحوار مستمر”.')).toEqual([['putin', 'الحوار مستمر']]);
    expect(credits('وقال شي، في مؤتمر صحفي عقده في بكين، إن “الحوار مستمر”.')).toEqual([['xi', 'الحوار مستمر']]);
    expect(credits('الرئيس الروسي: “الحوار مستمر”.')).toEqual([['putin', 'الحوار مستمر']]);
  });

  it('says unknown where no speaker can be told, and names the one it does not know as printed', () => {
    expect(credits('أطلقت الحكومة حملة “الربيع الأخضر” في المدن.')).toEqual([['?', 'الربيع الأخضر']]);
    expect(credits('وأضاف أن “الزيارة قريبة”.')).toEqual([['?', 'الزيارة قريبة']]);
    const text = 'وقال المتحدث باسم الكرملين ديمتري بيسكوف في مؤتمر صحفي إن “اللقاء مثمر”، مؤكداً “أهمية الحوار”.';
    const [first, then] = readReportedSpeech(text, PEOPLE).quotations;
    expect(first?.credit).toEqual({ name: 'المتحدث باسم الكرملين ديمتري بيسكوف' });
    expect(then?.credit).toEqual({ name: 'المتحدث باسم الكرملين ديمتري بيسكوف' });
    expect(then?.reading).toBe('continuing');
  });

  it('never hands a quotation to the last speaker where the sentence names someone else, known or not', () => {
    const after = (sentence: string): string | undefined => credits(`وقال بوتين إن “الحوار مستمر”.\n${sentence}`)[1]?.[0];
    // A speaker Isnad does not know takes over, as printed, after إن / أن or a colon.
    for (const sentence of [
      'وقال المتحدث باسم الكرملين: «لن نتراجع».',
      'وقال بيسكوف للصحفيين: «لن نتراجع».',
      'وقال المتحدث عقب لقائه بوتين إن “لن نتراجع”.',
      'وقال مسؤول أمريكي عن بوتين إن “لن نتراجع”.',
      'ورداً على سؤال حول بوتين قال المتحدث إن “لن نتراجع”.',
      'وبعد لقائه بوتين قال أردوغان إن “لن نتراجع”.',
    ])
      expect(after(sentence), sentence).toBe('?');
    // A source after the quotation is the name right after its word, not one further on.
    expect(credits('وتوصلوا إلى “اتفاق”، بحسب مصادر مقربة من بوتين.')).toEqual([['?', 'اتفاق']]);
    // A bare verb with where it was said carries on.
    expect(after('وأضاف في مؤتمر صحفي إن “الثقة متبادلة”.')).toBe('putin');
  });

  it('reads a known name spelled otherwise by a letter, and a counterpart named after its title', () => {
    const speakers = [
      ...PEOPLE,
      { id: 'netanyahu', names: ['بنيامين نتنياهو', 'نتنياهو'] },
      { id: 'lavrov', names: ['لافروف', 'وزير الخارجية الروسي'] },
    ];
    expect(credits('وقال بوتين إن “الحوار مستمر”.\nوقال نتانياهو: «لن نتراجع».', speakers)[1]).toEqual(['netanyahu', 'لن نتراجع']);
    expect(credits('وقال شي إن “نعم”، فيما قال نظيره الروسي لافروف إن “لا”.', speakers)[1]).toEqual(['lavrov', 'لا']);
  });

  it('keeps its offsets through Windows line breaks', () => {
    const text = 'وقال بوتين إن “الحوار مستمر”.\r\nوقال شي إن “الثقة متبادلة”.';
    expect(credits(text)).toEqual([
      ['putin', 'الحوار مستمر'],
      ['xi', 'الثقة متبادلة'],
    ]);
  });

  it('leaves a guillemet left open to its paragraph, and lists no empty quotation', () => {
    const text = 'وقال بوتين إن «الحوار مستمر.\nوقال شي إن «الثقة متبادلة».\nوقال بوتين إن “”.';
    expect(credits(text)).toEqual([['xi', 'الثقة متبادلة']]);
    expect(readReportedSpeech(text, PEOPLE).unbalanced).toEqual([text.indexOf('«')]);
  });

  it('reports a quotation mark left unpaired, and reads the rest', () => {
    const text = 'وقال بوتين إن “الحوار مستمر.\nوقال شي إن “الثقة متبادلة”.';
    const reading = readReportedSpeech(text, PEOPLE);
    expect(reading.unbalanced).toEqual([text.indexOf('“')]);
    expect(credits(text)).toEqual([['xi', 'الثقة متبادلة']]);
  });
});
