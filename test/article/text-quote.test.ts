import { describe, expect, it } from 'vitest';
import { occurrences, placeInReference, quoteMatches, referenceText } from '../../src/article/text-quote';

describe('occurrences', () => {
  it('finds every start offset', () => {
    expect(occurrences('ab cab ab', 'ab')).toEqual([0, 4, 7]);
  });

  it('includes overlapping matches', () => {
    expect(occurrences('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(occurrences('ababa', 'aba')).toEqual([0, 2]);
  });

  it('finds nothing for a missing needle, an empty needle or an empty text', () => {
    expect(occurrences('abc', 'x')).toEqual([]);
    expect(occurrences('abc', '')).toEqual([]);
    expect(occurrences('', 'a')).toEqual([]);
  });

  it('matches Arabic text code unit by code unit', () => {
    expect(occurrences('“بلا حدود” بلا حدود', 'بلا حدود')).toEqual([1, 11]);
  });
});

describe('quoteMatches', () => {
  const text = 'x ab y ab z';

  it('returns every occurrence when there is no prefix or suffix', () => {
    expect(quoteMatches(text, { exact: 'ab' })).toEqual([2, 7]);
  });

  it('picks one occurrence by prefix or by suffix', () => {
    expect(quoteMatches(text, { exact: 'ab', prefix: 'x ' })).toEqual([2]);
    expect(quoteMatches(text, { exact: 'ab', suffix: ' z' })).toEqual([7]);
    expect(quoteMatches(text, { exact: 'ab', prefix: 'y ', suffix: ' z' })).toEqual([7]);
  });

  it('needs both prefix and suffix to agree', () => {
    expect(quoteMatches(text, { exact: 'ab', prefix: 'x ', suffix: ' z' })).toEqual([]);
  });

  it('treats undefined prefix and suffix as absent', () => {
    expect(quoteMatches(text, { exact: 'ab', prefix: undefined, suffix: undefined })).toEqual([2, 7]);
  });

  it('filters overlapping matches by their surroundings', () => {
    expect(quoteMatches('aaaa', { exact: 'aa', prefix: 'a' })).toEqual([1, 2]);
    expect(quoteMatches('aaaa', { exact: 'aa', prefix: 'a', suffix: 'a' })).toEqual([1]);
  });

  it('matches a prefix that reaches the start of the text', () => {
    expect(quoteMatches('ab ab', { exact: 'ab', prefix: 'ab ' })).toEqual([3]);
    expect(quoteMatches('ab ab', { exact: 'ab', prefix: 'b ' })).toEqual([3]);
  });

  it('does not match a prefix longer than the text before the occurrence', () => {
    // At offset 0 there is no text before, so any non-empty prefix fails.
    expect(quoteMatches('ab ab', { exact: 'ab', prefix: 'zab ' })).toEqual([]);
    expect(quoteMatches('ab cd', { exact: 'ab', prefix: 'x' })).toEqual([]);
  });

  it('matches a suffix that reaches the end of the text', () => {
    expect(quoteMatches('ab ab.', { exact: 'ab', suffix: '.' })).toEqual([3]);
    expect(quoteMatches('ab ab', { exact: 'ab', suffix: ' ab' })).toEqual([0]);
  });

  it('does not match a suffix running past the end of the text', () => {
    expect(quoteMatches('ab ab', { exact: 'ab', suffix: ' ab!' })).toEqual([]);
    expect(quoteMatches('cd ab', { exact: 'ab', suffix: ' ' })).toEqual([]);
  });

  it('finds nothing when exact is absent', () => {
    expect(quoteMatches(text, { exact: 'q' })).toEqual([]);
    expect(quoteMatches(text, { exact: 'q', prefix: 'x ' })).toEqual([]);
  });

  it('matches prefixes and suffixes across paragraph breaks of the reference text', () => {
    const reference = referenceText(['قال إن “التعاون مستمر”.', 'التعاون مستمر منذ سنوات.']);
    expect(reference).toBe('قال إن “التعاون مستمر”.\nالتعاون مستمر منذ سنوات.');
    expect(quoteMatches(reference, { exact: 'التعاون مستمر' })).toHaveLength(2);
    expect(quoteMatches(reference, { exact: 'التعاون مستمر', prefix: '”.\n' })).toEqual([24]);
    expect(quoteMatches(reference, { exact: 'التعاون مستمر', suffix: '”.\n' })).toEqual([8]);
  });
});

describe('placeInReference', () => {
  const reference = referenceText(['first ab', 'second ab', 'third']);

  it('places the first match agreeing with its surroundings, with its paragraph and where that paragraph starts', () => {
    expect(placeInReference(reference, { exact: 'ab' })).toEqual({ start: 6, end: 8, paragraph: 0, paragraphStart: 0 });
    expect(placeInReference(reference, { exact: 'ab', prefix: 'second ' })).toEqual({
      start: 16,
      end: 18,
      paragraph: 1,
      paragraphStart: 9,
    });
    expect(placeInReference(reference, { exact: 'third' })).toEqual({ start: 19, end: 24, paragraph: 2, paragraphStart: 19 });
  });

  it('has no place for a selector without a match', () => {
    expect(placeInReference(reference, { exact: 'ab', suffix: 'x' })).toBeUndefined();
  });
});
