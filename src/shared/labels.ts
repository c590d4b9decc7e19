/** The message keys of claim categories and verdicts, for the tooltip and the popup alike. */
import type { ClaimCategory, Verdict } from '../annotations/schema';

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
