import { describe, expect, it } from 'vitest';
import { uiLanguage } from '../../src/shared/ui-language';

describe('uiLanguage', () => {
  it.each([
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['AR_sa', 'ar'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ])('speaks %j as %s', (browserLanguage, expected) => {
    expect(uiLanguage({ getUILanguage: () => browserLanguage })).toBe(expected);
  });
});
