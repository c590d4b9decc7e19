import { describe, expect, it } from 'vitest';
import { foundFacts, unplacedItems } from '../../src/popup/render-found';
import { summarize } from '../../src/popup/summary';
import { putinXi } from '../support/article-page';
import { echo } from '../support/fake-browser';
import { arabic, changedPage, english, everything } from './found';

describe('the found article', () => {
  it('says its title, its date and what of it the page holds, in the UI language', () => {
    expect(foundFacts(summarize(putinXi, { ...everything, paragraphs: [0, 1, 2] }), english)).toEqual({
      title: putinXi.title.en,
      date: 'popupDate:[4 February 2026]',
      paragraphs: `popupParagraphs:[3|${putinXi.paragraphs.length}]`,
      placed: `popupPlaced:[${putinXi.annotations.length}|${putinXi.annotations.length}]`,
    });
    const facts = foundFacts(summarize(putinXi, everything), arabic);
    expect(facts.title).toBe(putinXi.title.ar);
    expect(facts.date).toBe(
      `popupDate:[${new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-02-04T00:00:00Z'))}]`,
    );
  });

  it('lists what it could not place, each with why, in its own direction', () => {
    const items = unplacedItems(summarize(putinXi, changedPage), changedPage, { message: echo });
    expect(items).toHaveLength(4);
    for (const item of items) expect([item.tagName, item.className, item.dir]).toEqual(['LI', 'meta', 'auto']);
    const rewritten = items.find((item) => item.textContent.endsWith('unplacedAltered'));
    expect(rewritten?.textContent).toMatch(/^.+ — unplacedAltered$/);
    // A page that holds no reason for it: its paragraph is missing.
    expect(items.filter((item) => item.textContent.endsWith('unplacedParagraphMissing'))).toHaveLength(3);
  });

  it('lists nothing when every annotation is placed', () => {
    expect(unplacedItems(summarize(putinXi, everything), everything, { message: echo })).toEqual([]);
  });
});
