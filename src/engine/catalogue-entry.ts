/**
 * What the catalogue's detection index holds of each article: probes chosen
 * among its sampled phrases (the ones a page hands over), those fewest of
 * the catalogue's articles share first (news on the same subjects shares its
 * stock phrases), and the thresholds of its own pre-check.
 */
import type { Article } from '../article/schema';
import { BLOCK_BREAK } from './arabic';
import type { CatalogueArticle } from './catalogue-index';
import { ARTICLE_THRESHOLD } from './detect';
import { normalize } from './normalize';
import { chooseProbes, isSampled, phrasesOf, probesNeeded } from './probes';
import { words } from './tokens';

/** An article's phrases per paragraph, and the weight its pre-check counts (normalised characters of its words, plus one each). */
function readArticle(article: Article): { readonly phrases: readonly string[][]; readonly weight: number } {
  const text = normalize(article.paragraphs.join(BLOCK_BREAK)).text;
  const found = words(text);
  let weight = 0;
  for (let word = 0; word < found.count; word += 1) weight += (found.ends[word] ?? 0) - (found.starts[word] ?? 0) + 1;
  // Only sampled phrases: those a page hands over (see `isSampled`).
  return { phrases: text.split('\n').map((paragraph) => phrasesOf(paragraph, isSampled)), weight };
}

/** A phrase in more of the catalogue's articles than this tells little of any of them: it is a probe only where an article has too few others. */
const SHARED_BY = 8;
/** Probes an article has at least, where it has that many sampled phrases. */
const FEWEST_PROBES = 6;

export function catalogueEntries(articles: readonly Article[]): CatalogueArticle[] {
  const read = articles.map(readArticle);
  // In how many articles each phrase is: a phrase that many share tells none of them apart.
  const spread = new Map<string, number>();
  for (const { phrases } of read) for (const phrase of new Set(phrases.flat())) spread.set(phrase, (spread.get(phrase) ?? 0) + 1);
  return articles.map((article, at) => {
    const { phrases, weight } = read[at] ?? { phrases: [], weight: 0 };
    const spreadOf = (phrase: string): number => spread.get(phrase) ?? 1;
    const chosen = chooseProbes(
      phrases.map((paragraph) => paragraph.filter((phrase) => spreadOf(phrase) <= SHARED_BY)),
      spreadOf,
    );
    const taken = new Set(chosen);
    const rest = phrases
      .flat()
      .filter((phrase) => !taken.has(phrase))
      .sort((a, b) => spreadOf(a) - spreadOf(b) || b.length - a.length || (a < b ? -1 : 1));
    chosen.push(...new Set(rest.slice(0, Math.max(0, FEWEST_PROBES - chosen.length))));
    return { id: article.id, phrases: chosen, needed: probesNeeded(chosen.length), minChars: Math.ceil(weight * ARTICLE_THRESHOLD) };
  });
}
