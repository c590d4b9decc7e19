/**
 * The message keys of claim categories and verdicts, for the tooltip and the
 * popup alike, and of why an annotation was not placed; and what is
 * announced of an annotation.
 */
import type { Annotation, Article, ClaimCategory, Verdict } from '../article/schema';
import type { UnplacedReason } from '../engine/anchor';
import type { Messages, UiLanguage } from './ui-language';

export const categoryMessage: Record<ClaimCategory, string> = {
  statistic: 'categoryStatistic',
  event: 'categoryEvent',
  history: 'categoryHistory',
  accusation: 'categoryAccusation',
  denial: 'categoryDenial',
  statement: 'categoryStatement',
};

export const verdictMessage: Record<Verdict, string> = {
  consistent: 'verdictConsistent',
  'missing-context': 'verdictMissingContext',
  disputed: 'verdictDisputed',
  contradicted: 'verdictContradicted',
  attributed: 'verdictAttributed',
};

export const unplacedMessage: Record<UnplacedReason, string> = {
  'paragraph-missing': 'unplacedParagraphMissing',
  'not-found': 'unplacedNotFound',
  altered: 'unplacedAltered',
  'no-range': 'unplacedNoRange',
};

/** What a screen reader hears of an annotation: who is quoted, or the claim's category and verdict. The tooltip announces it; the popup's strip labels its marks with it. */
export function announcementOf(article: Article, annotation: Annotation, lang: UiLanguage, message: Messages): string {
  if (annotation.kind === 'claim') {
    return message('announceClaim', [message(categoryMessage[annotation.category]), message(verdictMessage[annotation.verdict])]);
  }
  const speaker = article.speakers.find((candidate) => candidate.id === annotation.speaker);
  return message('announceQuote', [speaker?.name[lang] ?? annotation.speaker]);
}
