/**
 * A person's whole path on the authoring page, in Chromium: a report's text
 * drafted (`npm run draft`), opened with `npm run author`'s server, its
 * speakers written and confirmed, a quotation's speaker fixed, a claim
 * added by selecting its words and its verdict written, the rest settled,
 * and saved; the page is right to left and passes axe. The saved file then
 * builds, and the extension built from it paints the article on a news page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadArticleFile } from '../../scripts/articles';
import { serveAuthoring } from '../../scripts/author';
import { draftCommand } from '../../scripts/draft-command';
import { projectRoot } from '../../scripts/paths';
import { loadArticle } from '../support/article-page';
import { launchChromium } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { audit } from './axe';
import { bundledArticle, describeWithBrowser, eventually, listedHost, servePages } from './support';

const second = loadArticle(JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'isnad-authoring-'));
const articlesDir = join(work, 'articles');
const file = join(articlesDir, 'city-library.json');
const host = listedHost();
const served = servePages(new Map([['/news/library', { html: demoPage(second) }]]));

let browser: Browser;
let page: Page;
let closeServer: () => void = () => undefined;

beforeAll(async () => {
  mkdirSync(articlesDir, { recursive: true });
  writeFileSync(join(work, 'report.txt'), second.paragraphs.join('\n'));
  draftCommand([join(work, 'report.txt'), '--out', file, '--id', 'city-library', '--date', '2026-03-07'], bundledArticle.speakers);
  const authoring = await serveAuthoring(file);
  closeServer = () => authoring.server.close();
  browser = await launchChromium({ extensionDir: join(projectRoot, 'dist', 'chrome'), loopbackHosts: [host] });
  page = await browser.newPage();
  await page.goto(authoring.url);
  await page.waitForSelector('#annotations li');
}, 120_000);

afterAll(async () => {
  await browser.close();
  closeServer();
  rmSync(work, { recursive: true, force: true });
});

/** Types into the field of a JSON path, as a person would: focus, select what is there, type. */
async function type(path: string, text: string): Promise<void> {
  const control = await page.$(`[data-path="${path}"]`);
  if (control === null) throw new Error(`no field ${path}`);
  await control.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

const choose = async (path: string, value: string): Promise<void> => {
  await page.select(`[data-path="${path}"]`, value);
};

/** Clicks the Confirm button of the field of a JSON path. */
const confirm = async (path: string): Promise<void> => {
  await page.$eval(`[data-path="${path}"]`, (control) =>
    (control.closest('.field')?.querySelector('button.confirm') as HTMLButtonElement).click(),
  );
};

/** Presses a button from the keyboard, as the page is meant to be used. */
const press = async (selector: string): Promise<void> => {
  await page.focus(selector);
  await page.keyboard.press('Enter');
};

const problems = (): Promise<string[]> => page.$$eval('#problems li', (items) => items.map((item) => item.textContent));

describeWithBrowser('the authoring page', 'chromium', () => {
  it('shows the draft right to left, painted, with each draft mark listed as a problem at its field', async () => {
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await page.$$eval('#paragraphs p', (paragraphs) => paragraphs.map((paragraph) => paragraph.textContent))).toEqual(
      second.paragraphs,
    );
    // Each quotation is painted in its drafted speaker's colour, with the news page's highlight names.
    const painted = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    expect(painted).toEqual(expect.arrayContaining(['isnad-quote-speaker-1', 'isnad-quote-speaker-2', 'isnad-claim']));
    expect((await problems()).length).toBeGreaterThan(5);
    expect(await page.$eval('[data-path="$.annotations[0].translation.en"]', (control) => control.getAttribute('aria-invalid'))).toBe(
      'true',
    );
    const result = await audit(page);
    expect(result.violations).toEqual([]);
  });

  it('takes a person through fixing a speaker, adding a claim by selecting it, writing its verdict, and saving', async () => {
    // The speakers the draft made: their names confirmed, the rest written.
    for (const [index, name, role] of [
      [0, 'Salma al-Khatib', ['رئيسة البلدية', 'Mayor']],
      [1, 'Karim Mansour', ['مدير المكتبة', 'Library director']],
    ] as const) {
      await confirm(`$.speakers[${index}].name.ar`);
      await type(`$.speakers[${index}].name.en`, name);
      await type(`$.speakers[${index}].role.ar`, role[0]);
      await type(`$.speakers[${index}].role.en`, role[1]);
      await confirm(`$.speakers[${index}].names`);
    }
    // A speaker fixed: the names the text uses for the mayor, more than the one the draft read.
    await type('$.speakers[0].names', 'رئيسة البلدية سلمى الخطيب، سلمى الخطيب، الخطيب');
    await type('$.title.ar', 'افتتاح مكتبة عامة جديدة');
    await type('$.title.en', 'A new public library opens');
    // Each quotation's speaker, chosen by the person rather than confirmed.
    await choose('$.annotations[0].speaker', 'speaker-1');
    await choose('$.annotations[1].speaker', 'speaker-2');
    await confirm('$.annotations[0].attribution');
    await confirm('$.annotations[1].attribution');
    await type('$.annotations[0].translation.en', 'The library will stay open seven days a week, because knowledge knows no holidays.');
    await type('$.annotations[1].translation.en', 'The digital room will let students use the computers for free.');
    // The drafted claim candidates are removed, and a claim added by selecting its words in the text.
    while ((await page.$$('#annotations li[data-annotation^="claim-"]')).length > 0)
      await page.$eval('#annotations li[data-annotation^="claim-"] button[data-action="remove"]', (remove) => remove.click());
    const words = 'كلّف نحو مليوني دينار';
    await page.evaluate((words) => {
      const paragraph = [...document.querySelectorAll('#paragraphs p')].find((candidate) => candidate.textContent.includes(words));
      const text = paragraph?.firstChild;
      if (text === null || text === undefined) throw new Error('no paragraph');
      const at = (text.textContent ?? '').indexOf(words);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + words.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, words);
    await eventually(
      async () => ((await page.$eval('#add-exact', (input) => (input as HTMLInputElement).value)) === words ? true : undefined),
      'the selection',
    );
    await press('#add-claim');
    const claim = await page.waitForSelector('#annotations li[data-annotation^="claim-"]');
    const id = await claim?.evaluate((card) => (card as HTMLElement).dataset.annotation);
    const index = await page.$$eval(
      '#annotations li',
      (cards, id) => cards.findIndex((card) => (card as HTMLElement).dataset.annotation === id),
      id,
    );
    await type(`$.annotations[${index}].attributedTo`, 'speaker-1');
    await choose(`$.annotations[${index}].category`, 'statistic');
    await choose(`$.annotations[${index}].verdict`, 'consistent');
    await type(`$.annotations[${index}].context.ar`, 'بحسب ميزانية البلدية المنشورة.');
    await type(`$.annotations[${index}].context.en`, "According to the city's published budget.");
    expect(await problems()).toEqual([]);
    await press('#save');
    await eventually(
      async () => ((await page.$eval('#notice', (notice) => notice.textContent)).includes('saved') ? true : undefined),
      'saved',
    );

    // The saved file is a valid article, with what the person wrote.
    const saved = loadArticleFile(file);
    expect(saved.annotations.find((annotation) => annotation.kind === 'claim')?.target.exact).toBe(words);
    expect(saved.annotations.find((annotation) => annotation.id === 'quote-2')).toMatchObject({ speaker: 'speaker-2' });
  });

  it('keeps an edit in the browser until it is saved, and never writes an invalid file', async () => {
    const before = readFileSync(file, 'utf8');
    await type('$.date', 'soon');
    await page.reload();
    await page.waitForSelector('#annotations li');
    expect(await page.$eval('[data-path="$.date"]', (input) => (input as HTMLInputElement).value)).toBe('soon');
    await press('#save');
    await eventually(
      async () => ((await page.$eval('#notice', (notice) => notice.textContent)).includes('not saved') ? true : undefined),
      'refused',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    await press('#discard');
    await eventually(
      async () =>
        (await page.$eval('[data-path="$.date"]', (input) => (input as HTMLInputElement).value)) === '2026-03-07' ? true : undefined,
      'discarded',
    );
  });

  it('adds a quotation from typed words, crediting the speaker the sentence names', async () => {
    const words = 'المكتبة ستبقى مفتوحة سبعة أيام في الأسبوع';
    const count = (await page.$$('#annotations li')).length;
    await page.$eval('#add-exact', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.focus('#add-exact');
    await page.keyboard.type(words);
    await press('#add-quote');
    await eventually(async () => ((await page.$$('#annotations li')).length === count + 1 ? true : undefined), 'the quotation added');
    const added = await page.$eval('#annotations li:last-child', (card) => ({
      text: card.querySelector('.excerpt')?.textContent,
      speaker: card.querySelector('select')?.value,
    }));
    expect(added).toEqual({ text: `اقتباس · quotation: «${words}»`, speaker: 'speaker-1' });
    await press('#discard');
  });

  it('builds from the saved file, and the extension built from it paints the article on a news page', async () => {
    const out = join(work, 'dist');
    execFileSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'build.ts'), '--articles', articlesDir, '--out', out], {
      cwd: projectRoot,
      stdio: 'pipe',
    });
    const built = await launchChromium({ extensionDir: join(out, 'chrome'), loopbackHosts: [host] });
    try {
      const news = await built.newPage();
      await news.goto(served.url('/news/library'));
      const names = await eventually(async () => {
        const found = await news.evaluate(() => [...CSS.highlights.keys()].sort());
        return found.length >= 3 ? found : undefined;
      }, 'the article painted');
      expect(names).toEqual(['isnad-claim', 'isnad-quote-speaker-1', 'isnad-quote-speaker-2']);
    } finally {
      await built.close();
    }
  });
});
