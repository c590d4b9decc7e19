/** What the tooltip says about an annotation, in the UI language. Pure: no DOM. */
import type { Annotation, Article } from '../annotations/schema';
import { categoryMessage, verdictMessage } from '../shared/labels';

export type UiLanguage = 'ar' | 'en';
/** `browser.i18n.getMessage`, injected. */
export type Messages = (name: string, substitutions?: string[]) => string;

export interface TooltipLine {
  readonly text: string;
  readonly lang: string;
  readonly kind: 'label' | 'text' | 'note';
}

export interface TooltipContent {
  readonly lang: UiLanguage;
  /** The colour of the tooltip's edge: the speaker's, or neutral for claims. */
  readonly accent: string;
  readonly heading: string;
  readonly subheading: string;
  readonly lines: readonly TooltipLine[];
  /** What a screen reader announces when keyboard navigation arrives here. */
  readonly announcement: string;
}

const CLAIM_ACCENT = '#808080';

export function describeAnnotation(article: Article, annotation: Annotation, lang: UiLanguage, message: Messages): TooltipContent {
  const speakers = new Map(article.speakers.map((speaker) => [speaker.id, speaker]));
  if (annotation.kind === 'quote') {
    const speaker = speakers.get(annotation.speaker);
    const name = speaker?.name[lang] ?? annotation.speaker;
    return {
      lang,
      accent: speaker?.color ?? CLAIM_ACCENT,
      heading: name,
      subheading: [speaker?.role[lang], message(annotation.form === 'direct' ? 'tooltipQuoteDirect' : 'tooltipQuoteReported')]
        .filter(Boolean)
        .join(' · '),
      lines: [
        { text: message('tooltipTranslation'), lang, kind: 'label' },
        { text: annotation.translation.en, lang: 'en', kind: 'text' },
      ],
      announcement: message('announceQuote', [name]),
    };
  }
  const category = message(categoryMessage[annotation.category]);
  const verdict = message(verdictMessage[annotation.verdict]);
  const attributed = annotation.attributedTo.map((id) => speakers.get(id)?.name[lang] ?? id).join(lang === 'ar' ? '، ' : ', ');
  const sources = annotation.sources.map(
    (source) => `${source.publisher}${source.title === undefined ? '' : `, ${source.title}`} (${source.date})`,
  );
  return {
    lang,
    accent: CLAIM_ACCENT,
    heading: `${message('tooltipClaim')} · ${category}`,
    subheading: verdict,
    lines: [
      { text: annotation.context[lang], lang, kind: 'text' },
      { text: message('tooltipAttributedTo', [attributed]), lang, kind: 'note' },
      ...(sources.length === 0
        ? []
        : [
            { text: message('tooltipSources'), lang, kind: 'label' as const },
            ...sources.map((text) => ({ text, lang: 'en', kind: 'note' as const })),
          ]),
    ],
    announcement: message('announceClaim', [category, verdict]),
  };
}
