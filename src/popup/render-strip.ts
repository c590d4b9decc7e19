/** Where each quote (top row, in its speaker's colour) and claim (bottom row, grey) sits along the article. */
import type { Article } from '../article/schema';
import { CLAIM_GREY } from '../shared/highlights';
import { announcementOf } from '../shared/labels';
import type { GoTo, Words } from './dom';
import { make } from '../shared/extension-page';
import type { Summary } from './summary';

/** A mark's name: what the tooltip announces, and a quote's words after it. */
export function markLabel(article: Article, id: string, words: Words): string {
  const annotation = article.annotations.find((candidate) => candidate.id === id);
  if (annotation === undefined) return id;
  const announced = announcementOf(article, annotation, words.lang, words.message);
  return annotation.kind === 'quote' ? `${announced}: ${annotation.target.exact}` : announced;
}

export function stripMarks(summary: Summary, words: Words, goTo: GoTo): HTMLButtonElement[] {
  const rtl = summary.article.lang === 'ar';
  return summary.marks.map((mark) => {
    const button = make('button', `${mark.kind}${mark.placed ? '' : ' unplaced'}`);
    button.type = 'button';
    button.style.setProperty(rtl ? 'right' : 'left', `${(mark.from * 100).toFixed(2)}%`);
    button.style.setProperty('width', `${Math.max(0.5, (mark.to - mark.from) * 100).toFixed(2)}%`);
    button.style.setProperty('background', mark.color ?? CLAIM_GREY);
    const label = markLabel(summary.article, mark.id, words);
    button.setAttribute('aria-label', label);
    button.title = label;
    button.disabled = !mark.placed;
    button.addEventListener('click', () => goTo(mark.id));
    return button;
  });
}
