/** Shared set-up for the browser tests: the built extension, a listed host served locally, and the browsers. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import type { Article, Quote } from '../../src/article/schema';
import { serve, type LocalServer, type ServedPage } from '../../testkit/serve';
import { chromiumPath, firefoxPath, installHint } from '../../testkit/browsers';
import { sampleListedHost } from '../../scripts/manifest';
import { distDir } from '../../scripts/paths';

export const chromeDir = join(distDir, 'chrome');
export const firefoxDir = join(distDir, 'firefox');

export interface BuiltManifest {
  readonly version: string;
  readonly content_scripts: readonly { readonly matches: readonly string[] }[];
  readonly browser_specific_settings: { readonly gecko: { readonly id: string } };
}

export function builtManifest(dir: string): BuiltManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

/** A host in the built manifest's site list. */
export const listedHost = (): string => sampleListedHost(builtManifest(chromeDir));

const ci = process.env.CI === 'true';
let skipNoticeShown = false;

/**
 * A describe block that needs a browser. Without it, it skips with one line
 * saying how to install it, except under CI=true, where a missing browser fails.
 */
export function describeWithBrowser(name: string, browser: 'chromium' | 'firefox', body: () => void): void {
  const present = (browser === 'chromium' ? chromiumPath() : firefoxPath()) !== undefined;
  if (present) {
    describe(name, body);
  } else if (ci) {
    describe(name, () => {
      it(`finds ${browser}`, () => {
        throw new Error(`${browser} is not installed, and browser tests must run under CI; ${installHint}`);
      });
    });
  } else {
    if (!skipNoticeShown) console.warn(`Browser tests skipped: Chromium or Firefox ESR not found; ${installHint}`);
    skipNoticeShown = true;
    describe.skip(name, body);
  }
}

export { eventually } from '../../testkit/eventually';

/** The first bundled article: the one the browser tests show. */
export const bundledArticle: Article =
  loadArticles()[0] ??
  (() => {
    throw new Error('no bundled article');
  })();

/** The bundled article's first quotation of `speaker`; throws where it has none. */
export function bundledQuote(speaker: string): Quote {
  const quote = bundledArticle.annotations.find(
    (annotation): annotation is Quote => annotation.kind === 'quote' && annotation.speaker === speaker,
  );
  if (quote === undefined) throw new Error(`the bundled article quotes no ${speaker}`);
  return quote;
}

export interface ServedPages {
  /** The address of `path` on the listed host (where the content script runs), or on another, e.g. 127.0.0.1 (where it does not). */
  url(path: string, onHost?: string): string;
  /** The server, from the file's beforeAll on. */
  readonly server: LocalServer;
}

/** Serves `pages` locally for the test file: from before its first test to after its last. */
export function servePages(pages: ReadonlyMap<string, ServedPage>): ServedPages {
  let started: LocalServer | undefined;
  beforeAll(async () => {
    started = await serve(pages);
  });
  afterAll(async () => {
    await started?.close();
  });
  const running = (): LocalServer => {
    if (started === undefined) throw new Error('the pages are served from beforeAll on');
    return started;
  };
  return {
    url: (path, onHost = listedHost()) => `http://${onHost}:${running().port}${path}`,
    get server() {
      return running();
    },
  };
}

/**
 * `html` with its <article> inside `depth` nested display:contents elements, put there by the page's own script
 * (the HTML parser caps nesting depth). The nest is built apart from the document and put in place at once:
 * wrapping the article in the document one level at a time moved an ever deeper subtree each time, seconds of
 * the page's own work before any extension ran.
 */
export const nestedInContents = (html: string, depth: number): string =>
  html.replace(
    '</body>',
    `<script>const article = document.querySelector('article'); const place = document.createComment('');
    article.replaceWith(place); let outer = article;
    for (let level = 0; level < ${depth}; level += 1) { const box = document.createElement('div'); box.style.display = 'contents'; box.append(outer); outer = box; }
    place.replaceWith(outer);</script></body>`,
  );
