/**
 * The store listing: every text and image the stores ask for is there, in
 * Arabic and English, within the stores' limits, under the extension's own
 * name, and the privacy policy says what is stored and that nothing is sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { pageScreenshot, popupScreenshot, promoTile, storeImages, storeLanguages } from '../../scripts/store-images';

const storeDir = join(projectRoot, 'store');

/** A listing text file: its text without the one closing line break. */
function text(lang: string, file: string): string {
  const path = join(storeDir, lang, file);
  expect(existsSync(path), `store/${lang}/${file} is missing`).toBe(true);
  return readFileSync(path, 'utf8').replace(/\n$/, '');
}

/** Characters as the stores count them: code points, not UTF-16 units. */
const length = (value: string): number => [...value].length;

const extName = (lang: string): string =>
  (JSON.parse(readFileSync(join(projectRoot, '_locales', lang, 'messages.json'), 'utf8')) as { extName: { message: string } }).extName
    .message;

/** Chrome Web Store and addons.mozilla.org limits; where both apply, the smaller. */
const limits = { name: Math.min(75, 50), summary: Math.min(132, 250), description: 16_000 } as const;

describe.each(storeLanguages)('store listing in %s', (lang) => {
  it('has a name, a summary and a description, non-empty and within the stores’ limits', () => {
    for (const field of ['name', 'summary', 'description'] as const) {
      const value = text(lang, `${field}.txt`);
      expect(value.trim(), `${lang} ${field}`).not.toBe('');
      expect(value, `${lang} ${field}: no stray space around it`).toBe(value.trim());
      expect(length(value), `${lang} ${field}: ${length(value)} characters`).toBeLessThanOrEqual(limits[field]);
    }
  });

  it('names the extension as the extension names itself', () => {
    expect(text(lang, 'name.txt')).toBe(extName(lang));
  });

  it('is written in its language: Arabic letters in Arabic, none in English', () => {
    const arabic = /[\u0600-\u06FF]/;
    for (const file of ['summary.txt', 'description.txt', 'privacy-policy.md']) {
      expect(arabic.test(text(lang, file)), `${lang}/${file}`).toBe(lang === 'ar');
    }
  });

  it('has a privacy policy that says what is stored and that nothing is sent', () => {
    const policy = text(lang, 'privacy-policy.md');
    if (lang === 'ar') {
      expect(policy).toContain('لا يُرسَل شيء إلى أي جهة');
      expect(policy).toMatch(/التخزين المتزامن/);
      expect(policy).toMatch(/تفضيلاتك فقط/);
      expect(policy).toMatch(/كل المواقع/);
    } else {
      expect(policy).toMatch(/Nothing is sent, to anyone/);
      expect(policy).toMatch(/makes no network requests/);
      expect(policy).toMatch(/synced\s+storage/);
      expect(policy).toMatch(/Only your preferences/);
      expect(policy).toMatch(/all sites/);
    }
  });

  it('has both screenshots', () => {
    const files = storeImages.map((image) => image.file);
    expect(files).toContain(pageScreenshot(lang));
    expect(files).toContain(popupScreenshot(lang));
  });
});

describe('store images', () => {
  it('include the promotional tile', () => {
    expect(storeImages.map((image) => image.file)).toContain(promoTile);
  });

  it.each(storeImages)('$file is a $width×$height PNG', ({ file, width, height }) => {
    const path = join(storeDir, 'images', file);
    expect(existsSync(path), `store/images/${file} is missing: run npm run store`).toBe(true);
    const png = PNG.sync.read(readFileSync(path));
    expect({ width: png.width, height: png.height }).toEqual({ width, height });
  });
});
