import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, toSourceRange, toNormalizedIndex } from '../../src/engine/normalize';
import type { NormalizedText } from '../../src/engine/normalize';
import { BLOCK_BREAK } from '../../src/engine/arabic';

const text = (source: string): string => normalize(source).text;

/** The source slice behind normalised range [start, end). */
function sourceSlice(source: string, normalized: NormalizedText, start: number, end: number): string {
  const [from, to] = toSourceRange(normalized, start, end);
  return source.slice(from, to);
}

/** The source slice behind the first occurrence of `quote` in the normalised source. */
function sliceOfQuote(source: string, quote: string): string {
  const normalized = normalize(source);
  const start = normalized.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return sourceSlice(source, normalized, start, start + quote.length);
}

/** Structural invariants of the offset map. */
function expectValidMap(source: string, normalized: NormalizedText): void {
  const { toSource } = normalized;
  expect(toSource.length).toBe(normalized.text.length + 1);
  expect(toSource[normalized.text.length]).toBe(source.length);
  for (let i = 0; i < normalized.text.length; i += 1) {
    const here = toSource[i] ?? -1;
    const next = toSource[i + 1] ?? -1;
    expect(here).toBeGreaterThanOrEqual(0);
    expect(here).toBeLessThan(source.length);
    expect(next).toBeGreaterThanOrEqual(here);
  }
}

/** Code points labelled in hex for test names. */
const hex = (codes: number[]): [string, number][] => codes.map((code) => [code.toString(16).toUpperCase().padStart(4, '0'), code]);

describe('normalize: marks', () => {
  it.each([
    ['fatha', 'كَتَبَ', 'كتب'],
    ['damma', 'تسيرُ', 'تسير'],
    ['kasra', 'المسارِ', 'المسار'],
    ['sukun', 'مِنْ', 'من'],
    ['shadda', 'تشكّل', 'تشكل'],
    ['fathatan', 'معاً', 'معا'],
    ['dammatan', 'كتابٌ', 'كتاب'],
    ['kasratan', 'محادثاتٍ', 'محادثات'],
    ['hamza above U+0654', 'ا\u0654جرى', 'اجري'],
    ['hamza below U+0655', 'ا\u0655عداد', 'اعداد'],
    ['U+065F wavy hamza below', 'ا\u065Fن', 'ان'],
  ])('removes harakat: %s', (_name, source, expected) => {
    expect(text(source)).toBe(expected);
  });

  it('folds combining hamza to the same text as the precomposed letter', () => {
    expect(text('ا\u0654جرى')).toBe(text('أجرى'));
    expect(text('ا\u0655عداد')).toBe(text('إعداد'));
  });

  it('removes superscript alef U+0670', () => {
    expect(text('هٰذا')).toBe('هذا');
    expect(text('الرحمٰن')).toBe('الرحمن');
  });

  it.each(hex([0x06d6, 0x06d7, 0x06d8, 0x06d9, 0x06da, 0x06db, 0x06dc]))('removes Quranic mark U+%s', (_name, code) => {
    expect(text(`الصحيح${String.fromCharCode(code)} العالمية`)).toBe('الصحيح العالميه');
  });

  it('removes tatweel U+0640', () => {
    expect(text('بـ')).toBe('ب');
    expect(text('العـــلاقات')).toBe('العلاقات');
    expect(text('مشيداً بـ”العلاقات')).toBe('مشيدا ب"العلاقات');
  });
});

describe('normalize: letters', () => {
  it('folds alef forms أ إ آ ٱ to ا', () => {
    expect(text('أكد')).toBe('اكد');
    expect(text('إعداد')).toBe('اعداد');
    expect(text('آسيا')).toBe('اسيا');
    expect(text('ٱلصين')).toBe('الصين');
  });

  it('folds alef maqsura ى to ي', () => {
    expect(text('على')).toBe('علي');
    expect(text('كبرى')).toBe('كبري');
  });

  it('folds taa marbuta ة to ه', () => {
    expect(text('الصينية')).toBe('الصينيه');
    expect(text('خطة')).toBe('خطه');
  });

  it('folds waw with hamza ؤ to و', () => {
    expect(text('رؤية')).toBe('رويه');
    expect(text('المؤتمر')).toBe('الموتمر');
  });

  it('folds yeh with hamza ئ to ي', () => {
    expect(text('الرئيس')).toBe('الرييس');
  });

  it('folds Persian ی to ي and ک to ك', () => {
    expect(text('روسی\u0627')).toBe('روسيا');
    expect(text('ک\u0628رى')).toBe('كبري');
    expect(text('بوتی\u0646')).toBe(text('بوتين'));
  });
});

describe('normalize: digits', () => {
  it('folds Arabic-Indic digits ٠–٩ to ASCII', () => {
    expect(text('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(text('٢٠٢٥')).toBe('2025');
    expect(text('٢٠٠ مليار')).toBe('200 مليار');
  });

  it('folds Persian digits ۰–۹ to ASCII', () => {
    expect(text('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(text('۲۰۲۵')).toBe('2025');
  });
});

describe('normalize: punctuation', () => {
  it.each(['“”', '«»', '""', '„“', '‟”', '‹›', '”“'])('folds double quotation marks %s to "', (marks) => {
    const [open = '', close = ''] = [...marks];
    expect(text(`أنها ${open}تسير في المسار الصحيح${close}.`)).toBe('انها "تسير في المسار الصحيح".');
  });

  it("folds single quotation marks ‘ ’ to '", () => {
    expect(text('‘الشراكة’')).toBe("'الشراكه'");
  });

  it.each(hex([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]))('folds dash U+%s to -', (_name, code) => {
    expect(text(`الصينية${String.fromCharCode(code)}الروسية`)).toBe('الصينيه-الروسيه');
  });

  it('folds Arabic comma، semicolon؛ and question mark؟', () => {
    expect(text('بدوره، قال')).toBe('بدوره, قال');
    expect(text('الطاقة؛ التجارة')).toBe('الطاقه; التجاره');
    expect(text('هل؟')).toBe('هل?');
  });
});

describe('normalize: whitespace', () => {
  it.each([
    ['tab', '\t'],
    ['NBSP', '\u00A0'],
    ['en quad U+2000', '\u2000'],
    ['em space U+2003', '\u2003'],
    ['thin space U+2009', '\u2009'],
    ['hair space U+200A', '\u200A'],
    ['narrow NBSP U+202F', '\u202F'],
    ['ideographic space U+3000', '\u3000'],
  ])('folds %s to one space', (_name, space) => {
    expect(text(`الرئيس${space}الروسي`)).toBe('الرييس الروسي');
  });

  it('folds a run of spaces to one space', () => {
    expect(text('بين   البلدين')).toBe('بين البلدين');
    expect(text('بين \t\u00A0\u2003البلدين')).toBe('بين البلدين');
  });

  it.each([
    ['a block break', BLOCK_BREAK],
    ['spaces around a block break', `  ${BLOCK_BREAK} `],
    ['line breaks around a block break', `\n${BLOCK_BREAK}\r\n`],
    ['several block breaks', `${BLOCK_BREAK}${BLOCK_BREAK} ${BLOCK_BREAK}`],
  ])('folds a whitespace run holding %s to one \\n', (_name, run) => {
    expect(text(`البلدين.${run}وقال`)).toBe('البلدين.\nوقال');
  });

  // Pretty-printed HTML breaks lines inside a text node: the browser shows a space there, and so does the engine.
  it.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['U+2028', '\u2028'],
    ['a line break and indentation', '\n        '],
  ])('folds a line break inside text (%s) to a space', (_name, run) => {
    expect(text(`البلدين.${run}وقال`)).toBe('البلدين. وقال');
  });

  it.each(
    hex([
      0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x2066, 0x2067, 0x2068, 0x2069, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0xfeff,
      0x00ad,
    ]),
  )('removes invisible mark U+%s', (_name, code) => {
    const mark = String.fromCharCode(code);
    expect(text(`${mark}بو${mark}تين${mark}`)).toBe('بوتين');
  });
});

describe('normalize: compatibility forms', () => {
  it('folds Arabic Presentation Forms-B letters', () => {
    expect(text('ﺑﻮﺗﻴﻦ')).toBe('بوتين');
    // Isolated, final, initial and medial beh.
    expect(text('ﺏﺐﺑﺒ')).toBe('بببب');
    // Forms of letters that also fold: alef with hamza, taa marbuta, alef maqsura.
    expect(text('ﺃ ﺔ ﻰ')).toBe('ا ه ي');
  });

  it('folds lam-alef ligatures to لا', () => {
    expect(text('ﻻ')).toBe('لا');
    expect(text('ﻷ')).toBe('لا');
    expect(text('ﻹ ﻵ ﻼ')).toBe('لا لا لا');
    expect(text('ﺑﻼﺩ')).toBe('بلاد');
  });

  it('folds ﷲ to الله', () => {
    expect(text('ﷲ')).toBe('الله');
    expect(text('بسم ﷲ')).toBe('بسم الله');
  });

  it('folds Arabic Presentation Forms-A', () => {
    expect(text('ﭐ')).toBe('ا'); // alef wasla isolated
    expect(text('ﮎ')).toBe('ك'); // keheh isolated, via Persian ک
    expect(text('ﯼ')).toBe('ي'); // Farsi yeh isolated, via ی
    expect(text('ﰋ')).toBe('تج'); // teh-jeem ligature
  });

  it('folds fullwidth Latin letters and digits', () => {
    expect(text('ＣＧＴＮ ２０２５')).toBe('cgtn 2025');
  });

  it('folds Latin upper case to lower case', () => {
    expect(text('CGTN Putin XI')).toBe('cgtn putin xi');
  });

  it('returns text with nothing to fold unchanged, with the identity map', () => {
    const source = 'اجري الرييس الروسي بوتين محادثات مع نظيره الصيني شي جين بينج, "200 مليار" - cgtn? نمو التعاون';
    const normalized = normalize(source);
    expect(normalized.text).toBe(source);
    expect(Array.from(normalized.toSource)).toEqual(Array.from({ length: source.length + 1 }, (_, i) => i));
  });
});

// Sentences of the article, with marks and variants a publisher may add.
const article = [
  'أجرى الرئيسُ الروسيّ فلاديمير بوتين محادثاتٍ عبر الفيديو مع نظيره الصيني شي جين بينج، الأربعاء.',
  'وقال الرئيس الصيني إن “على روسيا والصين العمل معاً على إعداد خطة كبرى جديدة”، مشيداً بـ”العلاقات الصينية–الروسية”،',
  'التي اعتبر أنها «تسيرُ في المسارِ الصحيحِ».\r\n\u200Fبلغ\u00A0حجم التجارة ٢٠٠ مليار دولار عام ۲۰۲۴ ﷲ ﻻ',
].join('\n');

describe('offset map', () => {
  it('has one entry per character plus the end, non-decreasing, ending at the source length', () => {
    for (const source of [article, '', 'ﷲ', 'ﺑﻼﺩ ﷲ', '\u200B', 'بـــ  \u200F']) {
      expectValidMap(source, normalize(source));
    }
  });

  it('maps a quote back to the source words with the marks on its last letter', () => {
    const source = 'قال “تسيرُ في المسارِ”.';
    expect(sliceOfQuote(source, 'المسار')).toBe('المسارِ');
    expect(sliceOfQuote(source, 'تسير في المسار')).toBe('تسيرُ في المسارِ');
    expect(sliceOfQuote(source, 'تسير')).toBe('تسيرُ');
  });

  it('maps quotes in the article back to their source words', () => {
    expect(sliceOfQuote(article, 'تسير في المسار الصحيح')).toBe('تسيرُ في المسارِ الصحيحِ');
    expect(sliceOfQuote(article, 'العلاقات الصينيه-الروسيه')).toBe('العلاقات الصينية–الروسية');
    expect(sliceOfQuote(article, 'اجري الرييس الروسي')).toBe('أجرى الرئيسُ الروسيّ');
    expect(sliceOfQuote(article, 'معا علي اعداد خطه كبري')).toBe('معاً على إعداد خطة كبرى');
    expect(sliceOfQuote(article, '200 مليار')).toBe('٢٠٠ مليار');
    expect(sliceOfQuote(article, 'بلغ حجم')).toBe('بلغ\u00A0حجم');
    expect(sliceOfQuote(article, 'الله لا')).toBe('ﷲ ﻻ');
  });

  it('never starts a range on a preceding space, quote mark or tatweel', () => {
    const source = 'قال  “تسيرُ في المسارِ”، مشيداً بـ”العلاقات';
    const normalized = normalize(source);
    for (const word of ['تسير', 'المسار', 'العلاقات']) {
      const slice = sliceOfQuote(source, word);
      expect(slice.startsWith(word.slice(0, 1))).toBe(true);
      expect(normalize(slice).text).toBe(word);
    }
    // The range of a spaced word holds no space and no quote mark.
    const start = normalized.text.indexOf('المسار');
    expect(sourceSlice(source, normalized, start, start + 'المسار'.length)).not.toMatch(/[\s“”]/);
  });

  it('inverts toSource with toNormalizedIndex at character starts', () => {
    for (const source of [article, 'ﺑﻼﺩ ﷲ ﻻ', '\u200Fبـــ  “قال”\u200F']) {
      const normalized = normalize(source);
      const { toSource } = normalized;
      for (let i = 0; i <= normalized.text.length; i += 1) {
        const here = toSource[i] ?? -1;
        if (i > 0 && here === toSource[i - 1]) continue; // inside an expansion
        expect(toNormalizedIndex(normalized, here)).toBe(i);
      }
    }
  });

  it('maps a removed source character to the next normalised character', () => {
    const source = 'بـ”العلاقات';
    const normalized = normalize(source);
    expect(normalized.text).toBe('ب"العلاقات');
    expect(toNormalizedIndex(normalized, 1)).toBe(1); // the tatweel → the quote mark
    expect(toNormalizedIndex(normalized, source.length)).toBe(normalized.text.length);
  });
});

// Pieces the property tests build strings from.
const pieces = [
  ...Array.from('ابتثجحخدذرزسشصضطظعغفقكلمنهويء'),
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)),
  '\u0670',
  '\u06D6',
  '\u06DA',
  '\u06DC',
  '\u0640',
  ...Array.from('أإآٱىةؤئیک'),
  ...Array.from('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789'),
  ...Array.from('“”«»"„‟‹›‘’\''),
  ' ',
  '  ',
  '\t',
  '\u00A0',
  '\u2003',
  '\u202F',
  '\u3000',
  '\n',
  '\r\n',
  '\u2028',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u2066',
  '\u2069',
  '\u202B',
  '\u202C',
  '\uFEFF',
  '\u00AD',
  ...Array.from('ﺑﻮﺗﻴﻦﺏﺐﺒﺃﺔﻰﻻﻷﻹﻵﻼﷲﭐﮎﯼﰋ'),
  '\uFC5E',
  '\uFE70',
  ...Array.from('–—−،؛؟.,AZazＡ２'),
];
const arabicText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const runs = { numRuns: 500 };

/** What no normalised text contains. */
const removedOrReplaced =
  /[\u064B-\u065F\u0670\u06D6-\u06DC\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF\u00AD\u0623\u0625\u0622\u0671\u0649\u0629\u0624\u0626\u06CC\u06A9\u0660-\u0669\u06F0-\u06F9\u201C-\u201F\u00AB\u00BB\u2039\u203A\u2018\u2019\u00A0\u2000-\u200A\u202F\u3000\t\r\u2028\u2010-\u2015\u2212\u060C\u061B\u061FA-Z]|[ \n]{2}/;

describe('normalize: properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(arabicText, (source) => {
        const once = normalize(source).text;
        expect(normalize(once).text).toBe(once);
      }),
      runs,
    );
  });

  it('never outputs a character the rules remove or replace, nor two spaces in a row', () => {
    fc.assert(
      fc.property(arabicText, (source) => {
        expect(normalize(source).text).not.toMatch(removedOrReplaced);
      }),
      runs,
    );
  });

  it('keeps the map non-decreasing and within bounds', () => {
    fc.assert(
      fc.property(arabicText, (source) => {
        expectValidMap(source, normalize(source));
      }),
      runs,
    );
  });

  it('maps every normalised word back to a source slice that normalises to that word', () => {
    fc.assert(
      fc.property(arabicText, (source) => {
        const normalized = normalize(source);
        for (const match of normalized.text.matchAll(/[^ \n]+/g)) {
          const start = match.index;
          const word = match[0];
          expect(text(sourceSlice(source, normalized, start, start + word.length))).toBe(word);
        }
      }),
      runs,
    );
  });

  it('inverts toSource with toNormalizedIndex at character starts', () => {
    fc.assert(
      fc.property(arabicText, (source) => {
        const normalized = normalize(source);
        const { toSource } = normalized;
        for (let i = 0; i <= normalized.text.length; i += 1) {
          const here = toSource[i] ?? -1;
          if (i > 0 && here === toSource[i - 1]) continue;
          expect(toNormalizedIndex(normalized, here)).toBe(i);
        }
      }),
      runs,
    );
  });
});

describe('normalize: ligatures and spacing accents', () => {
  it('toSourceRange covers the whole ligature when a range ends inside its expansion', () => {
    // «بل» ends between the lam and the alef of ﻼ: today the range stops before ﻼ.
    expect(sliceOfQuote('ﺑﻼﺩ', 'بل')).toBe('ﺑﻼ');
  });

  it('toSourceRange maps a word inside the expansion of ﷺ to ﷺ', () => {
    // ﷺ → «صلي الله عليه وسلم»: today the range of «الله» is empty.
    expect(sliceOfQuote('قال ﷺ هنا', 'الله')).toBe('ﷺ');
  });

  it('an expansion that starts with a space joins the preceding whitespace run', () => {
    // ¨ (U+00A8) is NFKC « ̈»: today «a ¨» gives two spaces and is not idempotent.
    expect(text('a \u00A8')).toBe('a \u0308');
  });
});
