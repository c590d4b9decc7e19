/** What the tooltip says about an annotation, in the UI language. Pure: no DOM. */
import { isolate } from '../shared/isolate';
import type { Annotation, Article } from '../article/schema';
import { CLAIM_GREY } from '../shared/highlights';
import { announcementOf, categoryMessage, verdictMessage } from '../shared/labels';
import type { AnnotationChange } from '../shared/messages';
import type { Messages, UiLanguage } from '../shared/ui-language';

export type { Messages, UiLanguage };

export interface TooltipLine {
  readonly text: string;
  readonly lang: string;
  readonly kind: 'label' | 'text' | 'note';
  /** Stretches of `text` to mark: the words a page changed. */
  readonly marks?: readonly (readonly [number, number])[];
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

/** What this page changed in an annotation: its words, and who it says spoke a quote. */
export interface PageFindings {
  readonly changes: readonly AnnotationChange[];
  /** The annotation's own text on this page, where it changed it. */
  readonly pageText?: string | undefined;
  /** The speaker the page credits a quote to, where that is not its speaker. */
  readonly misattributedTo?: string | undefined;
}

const NO_FINDINGS: PageFindings = { changes: [] };

/** The lines that say what this page changed, before what the reference says. */
function findingLines(
  annotation: Annotation,
  findings: PageFindings,
  speakerName: (id: string) => string,
  lang: UiLanguage,
  message: Messages,
  articleLang: string,
): TooltipLine[] {
  const lines: TooltipLine[] = [];
  const speaker = annotation.kind === 'quote' ? annotation.speaker : undefined;
  if (findings.misattributedTo !== undefined && speaker !== undefined) {
    lines.push({
      text: message('tooltipMisattributed', [speakerName(findings.misattributedTo), speakerName(speaker)]),
      lang,
      kind: 'note',
    });
  }
  if (findings.changes.length === 0) return lines;
  lines.push({ text: message('tooltipChangedHere'), lang, kind: 'label' });
  /** A wording line, its changed words marked where the message put the wording, isolated (FSI … PDI) so that its direction is its own. */
  const wording = (name: string, words: string, at: readonly (readonly [number, number])[]): TooltipLine => {
    const text = message(name, [isolate(words)]);
    const offset = Math.max(0, text.indexOf(words));
    return {
      text,
      lang: articleLang,
      kind: 'text',
      marks: at.filter(([from, to]) => to > from).map(([from, to]) => [offset + from, offset + to]),
    };
  };
  lines.push(
    wording(
      'tooltipReportWording',
      annotation.target.exact,
      findings.changes.map((change) => change.referenceAt),
    ),
  );
  if (findings.pageText !== undefined)
    lines.push(
      wording(
        'tooltipPageWording',
        findings.pageText,
        findings.changes.map((change) => change.pageAt),
      ),
    );
  for (const change of findings.changes) {
    const text = change.figure
      ? message('tooltipFigureChanged', [change.pageWords, change.referenceWords])
      : change.kind === 'inserted'
        ? message('tooltipChangeInserted', [change.pageWords])
        : change.kind === 'deleted'
          ? message('tooltipChangeDeleted', [change.referenceWords])
          : message('tooltipChangeReplaced', [change.pageWords, change.referenceWords]);
    lines.push({ text, lang, kind: 'note' });
  }
  return lines;
}

export function describeAnnotation(
  article: Article,
  annotation: Annotation,
  lang: UiLanguage,
  message: Messages,
  findings: PageFindings = NO_FINDINGS,
): TooltipContent {
  const speakers = new Map(article.speakers.map((speaker) => [speaker.id, speaker]));
  const speakerName = (id: string): string => speakers.get(id)?.name[lang] ?? id;
  if (annotation.kind === 'quote') {
    const speaker = speakers.get(annotation.speaker);
    const name = speaker?.name[lang] ?? annotation.speaker;
    return {
      lang,
      accent: speaker?.color ?? CLAIM_GREY,
      heading: name,
      subheading: [speaker?.role[lang], message(annotation.form === 'direct' ? 'tooltipQuoteDirect' : 'tooltipQuoteReported')]
        .filter(Boolean)
        .join(' · '),
      lines: [
        ...findingLines(annotation, findings, speakerName, lang, message, article.lang),
        { text: message('tooltipTranslation'), lang, kind: 'label' },
        { text: annotation.translation.en, lang: 'en', kind: 'text' },
      ],
      announcement: announcementOf(article, annotation, lang, message),
    };
  }
  const category = message(categoryMessage[annotation.category]);
  const verdict = message(verdictMessage[annotation.verdict]);
  const attributed = annotation.attributedTo.map(speakerName).join(lang === 'ar' ? '، ' : ', ');
  const sources = annotation.sources.map(
    (source) => `${source.publisher}${source.title === undefined ? '' : `, ${source.title}`} (${source.date})`,
  );
  return {
    lang,
    accent: CLAIM_GREY,
    heading: `${message('tooltipClaim')} · ${category}`,
    subheading: verdict,
    lines: [
      ...findingLines(annotation, findings, speakerName, lang, message, article.lang),
      { text: annotation.context[lang], lang, kind: 'text' },
      { text: message('tooltipAttributedTo', [attributed]), lang, kind: 'note' },
      ...(sources.length === 0
        ? []
        : [
            { text: message('tooltipSources'), lang, kind: 'label' as const },
            ...sources.map((text) => ({ text, lang: 'en', kind: 'note' as const })),
          ]),
    ],
    announcement: announcementOf(article, annotation, lang, message),
  };
}
