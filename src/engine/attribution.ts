/**
 * Who the page says spoke each placed quote. The words of the page where the
 * quote's attribution stands in the reference (between the page words
 * aligned with the reference words around it, within its paragraph's copy)
 * are looked up in every speaker's names; a quote whose attribution names
 * another known speaker, and not its own, is misattributed on this page.
 * Names anywhere else in the paragraph do not count. Pure.
 */
import type { Placed } from './anchor';
import type { ArticleIndex, ReferenceSpan } from './article-index';
import type { Detection } from './detect';
import { words } from './tokens';
import { itemAt } from './item-at';

export interface Misattribution {
  /** The quote's id. */
  readonly id: string;
  /** The speaker the page names where the reference names the quote's own. */
  readonly named: string;
}

/** Characters beyond the attribution's own length that its place on the page may stretch to. */
const SLACK = 40;

/** The page text where an attribution stands: between the aligned page words just before and just after it in its paragraph. */
function attributionOnPage(index: ArticleIndex, pageText: string, detection: Detection, span: ReferenceSpan): string {
  const paragraph = index.paragraphWords[span.paragraph];
  if (paragraph === undefined) return '';
  const { starts, ends } = index.words;
  let from = -1;
  let to = -1;
  for (let word = paragraph.first; word < paragraph.end; word += 1) {
    const pageWord = itemAt(detection.pageWordOf, word);
    if (pageWord < 0) continue;
    if (itemAt(ends, word) <= span.start) from = itemAt(detection.pageWords.ends, pageWord);
    else if (itemAt(starts, word) >= span.end) {
      to = itemAt(detection.pageWords.starts, pageWord);
      break;
    }
  }
  const reach = span.end - span.start + SLACK;
  if (from < 0 && to < 0) return '';
  if (from < 0) from = Math.max(0, to - reach);
  if (to < 0 || to < from) to = from + reach;
  return pageText.slice(from, Math.min(to, from + reach));
}

/** The speakers whose names the text holds, as whole words in a row, longest names first. */
function speakersNamed(index: ArticleIndex, text: string): string[] {
  const found = words(text);
  const spelled = Array.from({ length: found.count }, (_, word) => text.slice(found.starts[word], found.ends[word]));
  const named: string[] = [];
  for (const name of index.names) {
    const length = name.words.length;
    for (let first = 0; first + length <= spelled.length; first += 1) {
      if (name.words.every((word, at) => spelled[first + at] === word)) {
        if (!named.includes(name.speaker)) named.push(name.speaker);
        break;
      }
    }
  }
  return named;
}

/** The placed quotes whose attribution on the page names another known speaker and not their own. */
export function misattributions(index: ArticleIndex, pageText: string, detection: Detection, placed: readonly Placed[]): Misattribution[] {
  const found: Misattribution[] = [];
  for (const { id } of placed) {
    const annotation = index.article.annotations.find((candidate) => candidate.id === id);
    const span = index.attributions.get(id);
    if (annotation?.kind !== 'quote' || span === undefined) continue;
    const named = speakersNamed(index, attributionOnPage(index, pageText, detection, span));
    const other = named.find((speaker) => speaker !== annotation.speaker);
    if (other !== undefined && !named.includes(annotation.speaker)) found.push({ id, named: other });
  }
  return found;
}
