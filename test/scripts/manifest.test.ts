import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserManifest, filesNamedBy, type SourceManifest } from '../../scripts/manifest';
import { projectRoot } from '../../scripts/paths';

const source = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as SourceManifest;

const namedFiles = [
  'background.js',
  'detector.js',
  'icons/icon-128.png',
  'icons/icon-16.png',
  'icons/icon-32.png',
  'icons/icon-48.png',
  'popup/popup.html',
];

describe('browserManifest for Chrome', () => {
  const chrome = browserManifest(source, 'chrome');

  it('keeps the service worker and the minimum Chrome version', () => {
    expect(chrome['background']).toEqual({ service_worker: 'background.js' });
    expect(chrome['minimum_chrome_version']).toBe('105');
  });

  it('drops the Firefox-only settings', () => {
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('keeps the common keys', () => {
    expect(chrome['manifest_version']).toBe(3);
    expect(chrome['version']).toBe(source['version']);
    expect(chrome['content_scripts']).toEqual(source['content_scripts']);
  });

  it('asks for host access to the listed sites exactly, and to nothing else', () => {
    const sites = (source.content_scripts ?? []).flatMap((script) => script.matches);
    expect(sites.length).toBeGreaterThan(0);
    for (const browser of ['chrome', 'firefox'] as const) expect(browserManifest(source, browser)['host_permissions']).toEqual(sites);
    expect(() => browserManifest({ ...source, host_permissions: ['<all_urls>'] }, 'chrome')).toThrow(/host_permissions/);
  });

  it('names the icons, the scripts and the popup', () => {
    expect(filesNamedBy(chrome)).toEqual(namedFiles);
  });
});

describe('browserManifest for Firefox', () => {
  const firefox = browserManifest(source, 'firefox');

  it('uses background scripts instead of a service worker', () => {
    expect(firefox['background']).toEqual({ scripts: ['background.js'] });
  });

  it('has the gecko id, minimum version and data collection permissions', () => {
    expect(firefox['browser_specific_settings']).toMatchObject({
      gecko: {
        id: 'isnad@annotations',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('drops the Chrome-only minimum version', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('keeps the common keys', () => {
    expect(firefox['manifest_version']).toBe(3);
    expect(firefox['version']).toBe(source['version']);
    expect(firefox['icons']).toEqual(source['icons']);
  });

  it('names the icons, the scripts and the popup', () => {
    expect(filesNamedBy(firefox)).toEqual(namedFiles);
  });

  it('refuses a source manifest without browser_specific_settings', () => {
    const { browser_specific_settings: _dropped, ...withoutSettings } = source;
    expect(() => browserManifest(withoutSettings as SourceManifest, 'firefox')).toThrow(
      'manifest.json: $.browser_specific_settings: required for Firefox',
    );
  });
});

describe('filesNamedBy', () => {
  it('skips id values and non-file strings, and lists each file once', () => {
    expect(
      filesNamedBy({
        id: 'styles.css',
        name: 'Isnad',
        a: { js: ['x.js', 'x.js'], css: ['y.css'] },
        b: [{ page: 'p.html', icon: 'i.svg' }],
      }),
    ).toEqual(['i.svg', 'p.html', 'x.js', 'y.css']);
  });
});

describe('the manifest texts in each locale', () => {
  for (const lang of ['ar', 'en']) {
    const messages = JSON.parse(readFileSync(join(projectRoot, '_locales', lang, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const text = (key: string): string => messages[key]?.message ?? '';

    it(`${lang}: fit Chrome's limits (name 75, short name 12, description 132 characters)`, () => {
      expect([...text('extName')].length).toBeLessThanOrEqual(75);
      expect([...text('extShortName')].length).toBeLessThanOrEqual(12);
      expect([...text('extDescription')].length).toBeGreaterThan(0);
      expect([...text('extDescription')].length).toBeLessThanOrEqual(132);
    });

    it(`${lang}: describe the extension as its store listing's summary does`, () => {
      expect(text('extDescription')).toBe(readFileSync(join(projectRoot, 'store', lang, 'summary.txt'), 'utf8').trim());
    });
  }
});
