/** The message keys of claim categories and verdicts, for the tooltip and the popup alike, and of why an annotation was not placed. */
import type { ClaimCategory, Verdict } from '../article/schema';
import type { UnplacedReason } from '../engine/anchor';

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
