/**
 * An article as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/):
 * one Annotation per quote or claim, each targeting the article with a
 * TextQuoteSelector, gathered in an AnnotationCollection.
 */
import type { Annotation, Article, Claim, LocalizedText, Quote, Speaker } from './schema';

const context = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  readonly type: 'TextualBody';
  readonly purpose: 'identifying' | 'describing' | 'assessing' | 'classifying' | 'tagging';
  readonly value: string;
  readonly format: 'text/plain';
  readonly language: string;
  readonly textDirection?: 'rtl';
}

export interface WebAnnotation {
  readonly '@context': typeof context;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'identifying' | 'assessing';
  readonly body: readonly TextualBody[];
  readonly target: {
    readonly source: string;
    readonly selector: {
      readonly type: 'TextQuoteSelector';
      readonly exact: string;
      readonly prefix?: string;
      readonly suffix?: string;
    };
  };
}

export interface WebAnnotationCollection {
  readonly '@context': typeof context;
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first: {
    readonly id: string;
    readonly type: 'AnnotationPage';
    readonly startIndex: 0;
    readonly items: readonly WebAnnotation[];
  };
}

/** The article's IRI: it is published on many sites, so it is named rather than located. */
export const articleIri = (article: Article): string => `urn:isnad:${article.id}`;

function text(purpose: TextualBody['purpose'], value: string, language: string): TextualBody {
  return language === 'ar'
    ? { type: 'TextualBody', purpose, value, format: 'text/plain', language, textDirection: 'rtl' }
    : { type: 'TextualBody', purpose, value, format: 'text/plain', language };
}

const bilingual = (purpose: TextualBody['purpose'], value: LocalizedText): TextualBody[] => [
  text(purpose, value.ar, 'ar'),
  text(purpose, value.en, 'en'),
];

function quoteBody(quote: Quote, speaker: Speaker | undefined): TextualBody[] {
  return [
    ...(speaker === undefined ? [] : bilingual('identifying', speaker.name)),
    text('describing', quote.translation.en, 'en'),
    text('tagging', `quote:${quote.form}`, 'en'),
  ];
}

function claimBody(claim: Claim, speakers: ReadonlyMap<string, Speaker>): TextualBody[] {
  const sources = claim.sources.map(
    (source) => `${source.publisher}${source.title === undefined ? '' : `, ${source.title}`} (${source.date})`,
  );
  return [
    text('assessing', claim.verdict, 'en'),
    text('classifying', claim.category, 'en'),
    ...bilingual('describing', claim.context),
    ...claim.attributedTo.flatMap((id) => {
      const speaker = speakers.get(id);
      return speaker === undefined ? [] : bilingual('identifying', speaker.name);
    }),
    ...(sources.length === 0 ? [] : [text('describing', `Sources: ${sources.join('; ')}`, 'en')]),
  ];
}

function toWebAnnotation(article: Article, annotation: Annotation, speakers: ReadonlyMap<string, Speaker>): WebAnnotation {
  const { exact, prefix, suffix } = annotation.target;
  return {
    '@context': context,
    id: `${articleIri(article)}:${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.kind === 'quote' ? 'identifying' : 'assessing',
    body: annotation.kind === 'quote' ? quoteBody(annotation, speakers.get(annotation.speaker)) : claimBody(annotation, speakers),
    target: {
      source: articleIri(article),
      selector: {
        type: 'TextQuoteSelector',
        exact,
        ...(prefix === undefined ? {} : { prefix }),
        ...(suffix === undefined ? {} : { suffix }),
      },
    },
  };
}

export function toWebAnnotationCollection(article: Article): WebAnnotationCollection {
  const speakers = new Map(article.speakers.map((speaker) => [speaker.id, speaker]));
  const items = article.annotations.map((annotation) => toWebAnnotation(article, annotation, speakers));
  return {
    '@context': context,
    id: `${articleIri(article)}:annotations`,
    type: 'AnnotationCollection',
    label: article.title.en,
    total: items.length,
    first: { id: `${articleIri(article)}:annotations:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
