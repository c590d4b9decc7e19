/** The found article's heading lines, and the annotations the page holds no place for, each with why. */
import { eventDateFormat } from '../shared/event-date';
import { unplacedMessage } from '../shared/labels';
import type { ArticleFound } from '../shared/messages';
import type { Words } from './dom';
import { make } from '../shared/extension-page';
import type { Summary } from './summary';

export interface FoundFacts {
  readonly title: string;
  readonly date: string;
  readonly paragraphs: string;
  readonly placed: string;
}

export function foundFacts(summary: Summary, { lang, message }: Words): FoundFacts {
  const { article } = summary;
  return {
    title: article.title[lang],
    date: message('popupDate', [eventDateFormat(lang)(article.date)]),
    paragraphs: message('popupParagraphs', [String(summary.paragraphsFound), String(article.paragraphs.length)]),
    placed: message('popupPlaced', [String(summary.placed), String(summary.total)]),
  };
}

export function unplacedItems(summary: Summary, found: ArticleFound, { message }: Pick<Words, 'message'>): HTMLLIElement[] {
  const reasons = new Map(found.unplaced.map((entry) => [entry.id, entry.reason]));
  return summary.unplaced.map((annotation) => {
    const reason = unplacedMessage[reasons.get(annotation.id) ?? 'paragraph-missing'];
    const item = make('li', 'meta', `${annotation.target.exact} — ${message(reason)}`);
    item.dir = 'auto';
    return item;
  });
}
