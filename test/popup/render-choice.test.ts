import { describe, expect, it, vi } from 'vitest';
import { choiceItems, markChosen } from '../../src/popup/render-choice';
import { putinXi } from '../support/article-page';
import { listingOf } from '../shared/fake-catalogue';
import { arabic, english, everything, secondArticle, secondFound } from './found';

const listings = [listingOf(putinXi), listingOf(secondArticle)];

describe('the choice between the articles on a page', () => {
  it('is a button per article, in the order found, named by its title in the UI language', () => {
    const items = choiceItems([secondFound, everything], listings, english, () => undefined);
    expect(items.map((item) => item.tagName)).toEqual(['LI', 'LI']);
    const buttons = items.map((item) => item.querySelector('button'));
    expect(buttons.map((button) => [button?.type, button?.dataset.article, button?.textContent])).toEqual([
      ['button', secondArticle.id, secondArticle.title.en],
      ['button', putinXi.id, putinXi.title.en],
    ]);
    expect(choiceItems([everything], listings, arabic, () => undefined)[0]?.textContent).toBe(putinXi.title.ar);
  });

  it('names an article missing from the list by its id', () => {
    expect(choiceItems([everything], [], english, () => undefined)[0]?.textContent).toBe(putinXi.id);
  });

  it('chooses the article of the button pressed, and presses its button alone', () => {
    const choose = vi.fn();
    const list = document.createElement('ul');
    list.append(...choiceItems([everything, secondFound], listings, english, choose));
    list.querySelectorAll('button')[1]?.click();
    expect(choose).toHaveBeenCalledWith(secondArticle.id);
    const pressed = (): (string | null)[] => [...list.querySelectorAll('button')].map((button) => button.getAttribute('aria-pressed'));
    expect(pressed()).toEqual(['false', 'false']);
    markChosen(list, secondArticle.id);
    expect(pressed()).toEqual(['false', 'true']);
    markChosen(list, putinXi.id);
    expect(pressed()).toEqual(['true', 'false']);
  });
});
