import { describe, expect, it } from 'vitest';
import { isWordUnit } from '../../src/engine/arabic';
import { words } from '../../src/engine/tokens';

const spelled = (text: string): string[] => {
  const found = words(text);
  return [...found.starts].map((start, index) => text.slice(start, found.ends[index]));
};

describe('words', () => {
  it('splits normalised Arabic on spaces, punctuation and quotation marks', () => {
    expect(spelled('قال بوتين إن "العلاقات بين موسكو، وبكين" تسير.')).toEqual([
      'قال',
      'بوتين',
      'إن',
      'العلاقات',
      'بين',
      'موسكو',
      'وبكين',
      'تسير',
    ]);
  });

  it('keeps digits and Latin letters as words', () => {
    expect(spelled('تجاوز 200 مليار دولار عام 2025 (abc)')).toEqual(['تجاوز', '200', 'مليار', 'دولار', 'عام', '2025', 'abc']);
  });

  it('treats a line break as a boundary', () => {
    expect(spelled('الفقرة الأولى\nالثانية')).toEqual(['الفقرة', 'الأولى', 'الثانية']);
  });

  it('finds no word in punctuation only', () => {
    expect(words(' ،.-"\n ').count).toBe(0);
  });

  it('grows past its first buffer on long texts', () => {
    const text = Array.from({ length: 500 }, (_, index) => `كلمة${index}`).join(' ');
    expect(words(text).count).toBe(500);
  });
});

describe('isWordUnit', () => {
  it('is true for Arabic letters and digits, false for Arabic punctuation', () => {
    for (const char of 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي٠٩') expect(isWordUnit(char.charCodeAt(0)), char).toBe(true);
    for (const char of '،؛؟٪٫٬ "-.') expect(isWordUnit(char.charCodeAt(0)), char).toBe(false);
  });
});
