/**
 * A draft article file from a report's text alone: its paragraphs as
 * printed, every quotation as a quote with the speaker the reading of
 * reported speech credits (`engine/reported-speech.ts`), and claim
 * candidates — the sentences that carry figures, amounts, dates, records or
 * a source. Whatever a person must write or confirm is a draft mark
 * (`article/draft-mark.ts`), so the build refuses the file until it is done.
 * Known speakers (those of the bundled articles) are recognised by their
 * names; no other part of another article file is used. Pure.
 */
import { draftMark, type DraftMark } from '../article/draft-mark';
import { Cue, type Speaker, type Target } from '../article/schema';
import { quoteMatches, referenceText } from '../article/text-quote';
import { readReportedSpeech, type ReportedQuotation } from '../engine/reported-speech';

export interface DraftOptions {
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  readonly url?: string | undefined;
  /** The speakers Isnad knows: a quotation credited to one of them takes its id and entry. */
  readonly knownSpeakers: readonly Speaker[];
}

/** What the draft found, for the person and for its one-line summary. */
export interface DraftCounts {
  readonly paragraphs: number;
  readonly quotations: number;
  /** Quotations whose speaker the reading could not tell. */
  readonly unknownSpeakers: number;
  readonly newSpeakers: number;
  readonly claimCandidates: number;
  /** Quotation marks the text leaves unpaired (their offsets in the paragraphs joined by line breaks). */
  readonly unbalanced: readonly number[];
}

export interface Draft {
  /** The article file as JSON, with draft marks. */
  readonly file: Record<string, unknown>;
  readonly counts: DraftCounts;
}

/** The paragraphs of a report's text: its non-empty lines, as printed. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A selector for [start, end) of the reference: its words, and as much before and after as makes it the only match. */
export function selectorAt(reference: string, start: number, end: number): Target {
  const exact = reference.slice(start, end);
  for (const reach of [0, 8, 16, 32, 64, 128]) {
    const prefix = reference.slice(Math.max(0, start - reach), start);
    const suffix = reference.slice(end, end + reach);
    const target = { exact, ...(prefix === '' ? {} : { prefix }), ...(suffix === '' ? {} : { suffix }) };
    if (quoteMatches(reference, target).length === 1) return target;
  }
  return { exact, prefix: reference.slice(0, start), suffix: reference.slice(end) };
}

/** Colours for new speakers: colour-blind-safe (Okabe–Ito and kin), each 3:1 or more against white and a dark page, those in use left out. */
const PALETTE = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#A87E00', '#8C72D9'] as const;
const CUES = Cue.options;

/**
 * What makes a sentence a claim to check (where the lists come from: the kinds of claim fact-checkers
 * rate — figures, amounts, dates, records, accusations and denials, the article schema's categories — and
 * the sourcing phrases of wire copy): digits of any script, units of amount, month names, records and
 * superlatives, accusing and denying, and according-to.
 */
const CLAIM_SIGNS = [
  /[0-9\u0660-\u0669\u06f0-\u06f9]/u,
  /(?:مليار|مليون|ألف|آلاف|دولار|يورو|روبل|يوان|جنيه|دينار|ريال|بالمئة|بالمائة|في المئة|في المائة|%|٪)/u,
  /(?:يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)/u,
  /(?:على التوالي|الأول منذ|الأولى منذ|للمرة الأولى|قياسي|أعلى مستوى|أدنى مستوى|الأكبر|الأعلى|الرئيسي)/u,
  /(?:اتهم|تتهم|يتهم|اتهام|نفى|نفت|تنفي|ينفي|نفي)/u,
  /(?:بحسب|حسب|وفق|وفقاً|وفقا|نقلاً عن|نقلا عن)/u,
];

/** The sentences of a paragraph, as [start, end) offsets within it: ended by . ! ? ؟ outside quotations. */
function sentencesOf(paragraph: string): [number, number][] {
  const sentences: [number, number][] = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?؟](?![0-9\u0660-\u0669])(?=\s|$)/gu)) {
    const end = match.index + 1;
    if (paragraph.slice(start, end).trim() !== '') sentences.push([start, end]);
    start = end;
  }
  if (paragraph.slice(start).trim() !== '') sentences.push([start, paragraph.length]);
  return sentences.map(([from, to]) => {
    const text = paragraph.slice(from, to);
    const lead = text.length - text.trimStart().length;
    return [from + lead, from + text.trimEnd().length] as [number, number];
  });
}

interface NewSpeaker {
  readonly id: string;
  readonly printed: string;
}

export function draftArticle(text: string, options: DraftOptions): Draft {
  const paragraphs = paragraphsOf(text);
  const reference = referenceText(paragraphs);
  const known = uniqueSpeakers(options.knownSpeakers);
  const reading = readReportedSpeech(reference, known);
  const fresh = new Map<string, NewSpeaker>();
  const used = new Set<string>();
  const speakerOf = (quotation: ReportedQuotation): string | DraftMark => {
    const credit = quotation.credit;
    if (credit === undefined) return draftMark('who said it: the text does not say; a speaker id of this file');
    const phrase = quotation.phrase === undefined ? '' : ` (read from «${reference.slice(quotation.phrase.start, quotation.phrase.end)}»)`;
    let id = credit.speaker;
    if (id === undefined) {
      const printed = credit.name;
      id = fresh.get(printed)?.id ?? `speaker-${fresh.size + 1}`;
      fresh.set(printed, { id, printed });
    }
    used.add(id);
    return draftMark(`confirm the speaker${phrase}`, id);
  };

  const quotes = reading.quotations.map((quotation, index) => ({
    id: `quote-${index + 1}`,
    kind: 'quote',
    speaker: speakerOf(quotation),
    form: 'direct',
    translation: { en: draftMark('the quotation in English') },
    target: selectorAt(reference, quotation.start, quotation.end),
    attribution:
      quotation.phrase === undefined
        ? draftMark('the phrase that attributes the quotation, exactly as in the text')
        : draftMark(
            'confirm the phrase that attributes the quotation',
            selectorAt(reference, quotation.phrase.start, quotation.phrase.end),
          ),
  }));

  const claims = claimCandidates(paragraphs).map(({ paragraph, start, end }, index) => {
    const offset = referenceOffset(paragraphs, paragraph);
    const speaker = reading.quotations.findLast((quotation) => quotation.start < offset + start)?.credit?.speaker;
    return {
      id: `claim-${index + 1}`,
      kind: 'claim',
      attributedTo: draftMark('who makes the claim: speaker ids of this file', speaker === undefined ? undefined : [speaker]),
      category: draftMark('statistic, event, history, accusation, denial or statement'),
      verdict: draftMark('consistent, missing-context, disputed, contradicted or attributed; or remove this claim'),
      context: { ar: draftMark('a short note of context, in Arabic'), en: draftMark('a short note of context, in English') },
      sources: draftMark('the sources: publisher, date and title of each, or none', []),
      target: selectorAt(reference, offset + start, offset + end),
    };
  });

  const colours = new Set(known.filter(({ id }) => used.has(id)).map(({ color }) => color.toUpperCase()));
  const free = PALETTE.filter((colour) => !colours.has(colour));
  const speakers: Record<string, unknown>[] = [
    ...known.filter(({ id }) => used.has(id)),
    ...[...fresh.values()].map(({ id, printed }, index) => draftSpeaker(id, index, free, printed)),
  ];
  if (speakers.length === 0) speakers.push(draftSpeaker(draftMark('an id for the speaker'), 0));

  const file: Record<string, unknown> = {
    id: options.id ?? draftMark('an id: lower-case words joined by hyphens, e.g. the event and its date'),
    lang: 'ar',
    title: { ar: options.title ?? draftMark('the title in Arabic', paragraphs[0]), en: draftMark('the title in English') },
    date: options.date ?? draftMark('the date of the reported event, YYYY-MM-DD'),
    ...(options.url === undefined ? {} : { url: options.url }),
    paragraphs,
    speakers,
    annotations: [...quotes, ...claims],
  };
  return {
    file,
    counts: {
      paragraphs: paragraphs.length,
      quotations: quotes.length,
      unknownSpeakers: reading.quotations.filter(({ credit }) => credit === undefined).length,
      newSpeakers: fresh.size,
      claimCandidates: claims.length,
      unbalanced: reading.unbalanced,
    },
  };
}

/**
 * A speaker for the person to write: the `index`th new one, with a colour of `free` (the palette's, less those in
 * use) and a cue of its own, and the name the text prints for them where it has one.
 */
export const draftSpeaker = (
  id: string | DraftMark,
  index: number,
  free: readonly string[] = PALETTE,
  printed?: string,
): Record<string, unknown> => ({
  id,
  name: {
    ar: printed === undefined ? draftMark('the name in Arabic') : draftMark('confirm the name in Arabic', printed),
    en: draftMark('the name in English'),
  },
  role: { ar: draftMark('the role in Arabic'), en: draftMark('the role in English') },
  color: free[index % Math.max(1, free.length)] ?? PALETTE[0],
  cue: CUES[index % CUES.length],
  names: draftMark('the names the text uses for them', printed === undefined ? undefined : [printed]),
});

/** `prefix-N`, with the smallest N that no id in `taken` has. */
export function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let number = 1;
  while (used.has(`${prefix}-${number}`)) number += 1;
  return `${prefix}-${number}`;
}

/** Known speakers, each id once (the first article's entry). */
function uniqueSpeakers(speakers: readonly Speaker[]): Speaker[] {
  const byId = new Map<string, Speaker>();
  for (const speaker of speakers) if (!byId.has(speaker.id)) byId.set(speaker.id, speaker);
  return [...byId.values()];
}

const referenceOffset = (paragraphs: readonly string[], paragraph: number): number =>
  paragraphs.slice(0, paragraph).reduce((sum, text) => sum + text.length + 1, 0);

/** The sentences worth checking as claims, by paragraph. */
export function claimCandidates(paragraphs: readonly string[]): { paragraph: number; start: number; end: number }[] {
  return paragraphs.flatMap((text, paragraph) =>
    sentencesOf(text)
      .filter(([start, end]) => CLAIM_SIGNS.some((sign) => sign.test(text.slice(start, end))))
      .map(([start, end]) => ({ paragraph, start, end })),
  );
}
