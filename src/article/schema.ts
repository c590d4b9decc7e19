/**
 * The shape of an article file. This is the single source of truth: the
 * TypeScript types are inferred from it, `article.schema.json` (for editors
 * and other tools) is generated from it, and the build validates every
 * article file against it before the cross-field checks in `validate.ts`.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

/** Text in the UI languages. Arabic and English are both required. */
export const LocalizedText = z.object({ ar: nonEmpty, en: nonEmpty }).strict().describe('The same text in Arabic and English.');

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .describe('A stable identifier: lower-case words joined by hyphens.');

/** A W3C TextQuoteSelector on the article's reference text. */
export const Target = z
  .object({
    exact: nonEmpty.describe('The annotated words, exactly as in the reference text (for quotes: inside the quotation marks).'),
    prefix: z.string().min(1).optional().describe('Text immediately before `exact`, to choose between repeats.'),
    suffix: z.string().min(1).optional().describe('Text immediately after `exact`, to choose between repeats.'),
  })
  .strict();

/** The line style drawn under a speaker's quotes: the cue that is not colour. */
export const Cue = z.enum(['solid', 'double', 'dotted', 'dashed', 'wavy']);

export const Speaker = z
  .object({
    id: Id,
    name: LocalizedText,
    role: LocalizedText,
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
      .describe('Highlight colour, from a colour-blind-safe palette.'),
    cue: Cue.describe('Underline style: a second cue that does not rely on colour.'),
    names: z
      .array(nonEmpty)
      .min(1)
      .describe("Names and titles an outlet may use for the speaker, in the article's language (e.g. بوتين، الرئيس الروسي)."),
  })
  .strict();

export const Source = z
  .object({
    publisher: nonEmpty,
    date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    title: nonEmpty.optional(),
  })
  .strict();

export const Quote = z
  .object({
    id: Id,
    kind: z.literal('quote'),
    speaker: Id.describe("The id of one of the article's speakers."),
    form: z.enum(['direct', 'reported']),
    translation: z.object({ en: nonEmpty }).strict(),
    target: Target,
    attribution: Target.describe(
      'The phrase of the reference text that attributes the quote (e.g. «وقال الرئيس الصيني إن»; for a quote continuing a sentence, the phrase that governs it).',
    ),
  })
  .strict();

export const ClaimCategory = z.enum(['statistic', 'event', 'history', 'accusation', 'denial', 'statement']);
export const Verdict = z.enum(['consistent', 'missing-context', 'disputed', 'contradicted', 'attributed']);

export const Claim = z
  .object({
    id: Id,
    kind: z.literal('claim'),
    attributedTo: z.array(Id).min(1).describe('Ids of the speakers the claim is attributed to.'),
    category: ClaimCategory,
    verdict: Verdict,
    context: LocalizedText.describe('A short context note shown on hover.'),
    sources: z.array(Source),
    target: Target,
  })
  .strict();

export const Annotation = z.discriminatedUnion('kind', [Quote, Claim]);

export const Article = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag'),
    title: LocalizedText,
    date: z.iso.date().describe('The date of the reported event.'),
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Where the report was published, where one address is its home.'),
    paragraphs: z.array(nonEmpty).min(1).describe('The reference text, one paragraph per item.'),
    speakers: z.array(Speaker).min(1),
    annotations: z.array(Annotation).min(1),
  })
  .strict();

export type LocalizedText = z.infer<typeof LocalizedText>;
export type Target = z.infer<typeof Target>;
export type Cue = z.infer<typeof Cue>;
export type Speaker = z.infer<typeof Speaker>;
export type Source = z.infer<typeof Source>;
export type Quote = z.infer<typeof Quote>;
export type Claim = z.infer<typeof Claim>;
export type ClaimCategory = z.infer<typeof ClaimCategory>;
export type Verdict = z.infer<typeof Verdict>;
export type Annotation = z.infer<typeof Annotation>;
export type Article = z.infer<typeof Article>;
