/** The claims and the quotations as lists: each item leads to its place on the page. */
import type { Article, Claim, Quote } from '../article/schema';
import { CLAIM_GREY } from '../shared/highlights';
import { categoryMessage, verdictMessage } from '../shared/labels';
import { goToButton, type GoTo, type Words } from './dom';
import { make } from '../shared/extension-page';

/** A list item whose button goes to annotation `id`, holding `parts`. */
function itemGoingTo(id: string, goTo: GoTo, parts: readonly HTMLElement[], style?: readonly [string, string]): HTMLLIElement {
  const item = make('li');
  const button = goToButton(id, 'item', goTo);
  if (style !== undefined) button.style.setProperty(...style);
  button.append(...parts);
  item.append(button);
  return item;
}

export function claimItem(claim: Claim, { lang, message }: Words, goTo: GoTo): HTMLLIElement {
  const badge = make('span', 'badge', message(verdictMessage[claim.verdict]));
  badge.dataset.verdict = claim.verdict;
  const category = make('span', 'meta', message(categoryMessage[claim.category]));
  const line = make('span', 'line', claim.context[lang]);
  line.lang = lang;
  return itemGoingTo(claim.id, goTo, [badge, category, line]);
}

export function quoteItem(article: Article, quote: Quote, { lang }: Pick<Words, 'lang'>, goTo: GoTo): HTMLLIElement {
  const speaker = article.speakers.find((candidate) => candidate.id === quote.speaker);
  const who = make('span', 'meta', speaker?.name[lang] ?? quote.speaker);
  const line = make('span', 'line', `«${quote.target.exact}»`);
  line.lang = article.lang;
  line.dir = 'rtl';
  return itemGoingTo(
    quote.id,
    goTo,
    [who, line],
    ['border-inline-start', `4px ${speaker?.cue ?? 'solid'} ${speaker?.color ?? CLAIM_GREY}`],
  );
}
