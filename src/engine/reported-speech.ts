/**
 * Who a text credits with each quotation, read as a person reading Arabic
 * news would: the one reading of reported speech, for the misattribution
 * check on a page (`attribution.ts`) and for drafting an article file from
 * a report's text. Pure, on strings.
 *
 * - Quotations: text between quotation marks of any style (“ ” « » " ″ „ ‹ ›),
 *   «…» nested in “…” kept inside it, a quotation running on across a line
 *   break; marks left unpaired are reported, not guessed at.
 * - A verb of saying with a speaker's name (وقال الرئيس الصيني إن «…»,
 *   وكانت الصين وروسيا قد أعلنتا «…») credits that speaker. Names are the
 *   known speakers' (with clitics: وبوتين، لبوتين, and both spellings of
 *   transliterated names), «نظيره الصيني» for the speaker titled «… الصيني»,
 *   or, where no known name stands, the words between the verb and إن / أن.
 * - A participle or a relative clause (مشيداً بـ«…»، التي اعتبر أنها «…»),
 *   a bare verb (وأضاف أن «…»، ووصف … بـ«…»), or a bare conjunction
 *   between two quotations (“…”، و”…”) carries on the speaker last credited.
 * - A quotation with nothing that introduces it may be credited after it:
 *   «…»، بحسب وزارة الخارجية.
 * - Otherwise, unknown: never a guess.
 *
 * The words it looks for are in one table: `speech-words.ts`.
 */
import { BLOCK_BREAK, isWordUnit } from './arabic';
import { itemAt } from './item-at';
import { normalize, toSourceRange, type NormalizedText } from './normalize';
import {
  COMPLEMENTIZERS,
  COUNTERPARTS,
  NAME_ENDS,
  NAME_PREFIXES,
  NAME_SPELLINGS,
  PARTICIPLES,
  RELATIVES,
  SOURCING,
  SPEECH_VERBS,
  VERB_PREFIXES,
} from './speech-words';
import { words } from './tokens';

/** A known speaker and the names a text may use for them (as an article file lists them). */
export interface SpeakerNames {
  readonly id: string;
  readonly names: readonly string[];
}

/** Who a quotation is credited to: the name as the text prints it, and the known speaker it is, where it is one. */
export interface Credit {
  readonly name: string;
  readonly speaker?: string;
}

/**
 * How the credit was read: a speaker named with what introduces the quotation; a quotation that carries on the
 * speaker last credited; a source named after it; or nobody the reading can tell.
 */
export type CreditReading = 'named' | 'continuing' | 'named-after' | 'unknown';

export interface ReportedQuotation {
  /** The words quoted, inside the marks. */
  readonly start: number;
  readonly end: number;
  /** The phrase that introduces it (or, `named-after`, follows it): «وقال الرئيس الصيني إن», «مشيداً بـ». */
  readonly phrase?: { readonly start: number; readonly end: number };
  readonly reading: CreditReading;
  /** Absent where the reading cannot tell. */
  readonly credit?: Credit;
}

export interface SpeechReading {
  readonly quotations: readonly ReportedQuotation[];
  /** Where a quotation mark stands that no other closes or opens. */
  readonly unbalanced: readonly number[];
}

/** Every quotation of a plain text (a line break is a paragraph's end), with who it is credited to; offsets in `text`. */
export function readReportedSpeech(text: string, speakers: readonly SpeakerNames[]): SpeechReading {
  // Each line break becomes a paragraph's end, the text keeping its length (and so its offsets).
  const normalized = normalize(text.replace(/\r?\n/g, (lineBreak) => (lineBreak.length === 2 ? `\r${BLOCK_BREAK}` : BLOCK_BREAK)));
  const reading = readNormalized(text, normalized, speakers, 0, normalized.text.length);
  const toText = (start: number, end: number): [number, number] => toSourceRange(normalized, start, end);
  return {
    quotations: reading.quotations.map(({ start, end, phrase, reading: how, credit }) => {
      const [from, to] = toText(start, end);
      const quotation: ReportedQuotation = { start: from, end: to, reading: how };
      const name = credit === undefined ? '' : text.slice(...toText(credit.at[0], credit.at[1]));
      const named = credit === undefined ? {} : { credit: credit.speaker === undefined ? { name } : { name, speaker: credit.speaker } };
      if (phrase === undefined) return { ...quotation, ...named };
      const [phraseStart, phraseEnd] = toText(phrase.start, phrase.end);
      return { ...quotation, ...named, phrase: { start: phraseStart, end: phraseEnd } };
    }),
    unbalanced: reading.unbalanced.map((at) => itemAt(normalized.toSource, at)),
  };
}

/** A credit as the reading keeps it: where the name stands (normalised offsets), and the known speaker. */
interface ReadCredit {
  readonly at: readonly [number, number];
  readonly speaker?: string;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A quotation as read, in normalised offsets. */
export interface ReadQuotation {
  readonly start: number;
  readonly end: number;
  readonly phrase?: Span | undefined;
  readonly reading: CreditReading;
  readonly credit?: ReadCredit | undefined;
}

/**
 * The reading of `normalized.text` from `from` to `to` (normalised offsets, as the page's matching has them),
 * `source` being the text it was normalised from: quotation marks are told apart there.
 */
export function readNormalized(
  source: string,
  normalized: NormalizedText,
  speakers: readonly SpeakerNames[],
  from: number,
  to: number,
): { quotations: ReadQuotation[]; unbalanced: number[] } {
  const text = normalized.text;
  const { pairs, unbalanced } = pairMarks(source, normalized, from, to);
  const tokens = tokenize(text, from, to, pairs);
  return { quotations: credit(tokens, namesOf(speakers)), unbalanced };
}

// ——— Quotation marks ———

type MarkKind = 'either' | 'open' | 'close';
/** Double marks written the same at both ends; guillemets open and close. */
const MARK_KINDS = new Map<string, MarkKind>([
  ['"', 'either'],
  ['“', 'either'],
  ['”', 'either'],
  ['„', 'either'],
  ['‟', 'either'],
  ['″', 'either'],
  ['〝', 'either'],
  ['〞', 'either'],
  ['«', 'open'],
  ['‹', 'open'],
  ['»', 'close'],
  ['›', 'close'],
]);

const QUOTE = '"';
const isWord = (char: string | undefined): boolean => char !== undefined && isWordUnit(char.charCodeAt(0));

/** A mark written the same at both ends, told by what stands beside it: a space before and a letter after open. */
function shape(text: string, at: number): 'open' | 'close' | 'either' {
  const before = text[at - 1];
  const after = text[at + 1];
  const spaceBefore = before === undefined || before === ' ' || before === '\n' || before === '(';
  const spaceAfter = after === undefined || after === ' ' || after === '\n' || !isWord(after);
  if (spaceBefore && isWord(after)) return 'open';
  if (spaceAfter && !spaceBefore) return 'close';
  return 'either';
}

/** The quotations' marks, paired; nested pairs are inside their outer quotation and not listed. */
function pairMarks(
  source: string,
  normalized: NormalizedText,
  from: number,
  to: number,
): { pairs: [number, number][]; unbalanced: number[] } {
  const text = normalized.text;
  const pairs: [number, number][] = [];
  const unbalanced: number[] = [];
  const open: { at: number; kind: MarkKind }[] = [];
  const close = (at: number): void => {
    const opened = open.pop();
    // “” holds no words: nothing was quoted.
    if (opened !== undefined && open.length === 0 && text.slice(opened.at + 1, at).trim() !== '') pairs.push([opened.at, at]);
  };
  // The last paragraph's end before the mark being read, found as the marks go: the work stays within the window.
  let lastBreak = -1;
  let scanned = from;
  for (let at = text.indexOf(QUOTE, from); at >= 0 && at < to; at = text.indexOf(QUOTE, at + 1)) {
    for (; scanned < at; scanned += 1) if (text.charCodeAt(scanned) === 0x0a) lastBreak = scanned;
    const kind = MARK_KINDS.get(source[itemAt(normalized.toSource, at)] ?? '') ?? 'either';
    const top = open.at(-1);
    if (kind === 'open') {
      // A quotation left open before a paragraph's end does not swallow the quotations of the paragraphs after it.
      if (top !== undefined && lastBreak > top.at) {
        unbalanced.push(...open.map((opened) => opened.at));
        open.length = 0;
      }
      open.push({ at, kind });
    } else if (kind === 'close') {
      // Pages mix styles (”…»): a closing guillemet closes whatever is open.
      if (top !== undefined) close(at);
      else unbalanced.push(at);
    } else if (top?.kind === 'either') {
      // A mark that opens, after a paragraph's end, leaves the last one unclosed rather than closing it.
      if (shape(text, at) === 'open' && lastBreak > top.at) {
        unbalanced.push(top.at);
        open.pop();
        open.push({ at, kind });
      } else close(at);
    } else if (top === undefined && shape(text, at) === 'close') unbalanced.push(at);
    else open.push({ at, kind });
  }
  unbalanced.push(...open.map(({ at }) => at));
  return { pairs, unbalanced: unbalanced.sort((a, b) => a - b) };
}

// ——— Tokens: the words outside quotations, the quotations, and where clauses and sentences end ———

type Token =
  /** A word, and its form as names are compared (`nameForm`). */
  | { readonly type: 'word'; readonly start: number; readonly end: number; readonly word: string; readonly form: string }
  | { readonly type: 'quotation'; readonly open: number; readonly close: number; readonly colon: boolean }
  | { readonly type: 'clause' }
  | { readonly type: 'sentence' };

const CLAUSE_ENDS = new Set([',', ';', '(', ')']);
const SENTENCE_ENDS = new Set(['.', '!', '?', '\n']);

function tokenize(text: string, from: number, to: number, pairs: readonly [number, number][]): Token[] {
  const tokens: Token[] = [];
  let at = from;
  const found = words(text.slice(from, to));
  let word = 0;
  const addGap = (start: number, end: number): void => {
    for (let index = start; index < end; index += 1) {
      const char = text[index] ?? '';
      const between = isWord(text[index - 1]) && isWord(text[index + 1]); // 2.5, 1,000
      if (SENTENCE_ENDS.has(char) && !between) tokens.push({ type: 'sentence' });
      else if (CLAUSE_ENDS.has(char) && !between) tokens.push({ type: 'clause' });
    }
  };
  const addWordsTo = (end: number): void => {
    while (word < found.count && from + itemAt(found.starts, word) < end) {
      const start = from + itemAt(found.starts, word);
      const wordEnd = from + itemAt(found.ends, word);
      addGap(at, start);
      const printed = text.slice(start, wordEnd);
      tokens.push({ type: 'word', start, end: wordEnd, word: printed, form: nameForm(printed) });
      at = wordEnd;
      word += 1;
    }
    addGap(at, end);
    at = end;
  };
  for (const [open, close] of pairs) {
    addWordsTo(open);
    const colon = /:\s*$/.test(text.slice(Math.max(from, open - 3), open));
    tokens.push({ type: 'quotation', open, close, colon });
    while (word < found.count && from + itemAt(found.starts, word) < close) word += 1;
    at = close + 1;
  }
  addWordsTo(to);
  return tokens;
}

// ——— Names ———

/** A text word as names are compared: folded, and one letter of each pair of spellings for the other. */
const nameForm = (word: string): string => NAME_SPELLINGS.reduce((form, [kept, other]) => form.replaceAll(other, kept), word);
const folded = (printed: string): string[] => {
  const text = normalize(printed).text;
  const found = words(text);
  return Array.from({ length: found.count }, (_, word) => text.slice(itemAt(found.starts, word), itemAt(found.ends, word)));
};
const foldedSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.flatMap(folded));

const VERBS = foldedSet(SPEECH_VERBS);
const PARTICIPLE_WORDS = foldedSet(PARTICIPLES);
const RELATIVE_WORDS = foldedSet(RELATIVES);
const COMPLEMENTIZER_WORDS = foldedSet(COMPLEMENTIZERS);
const SOURCING_WORDS = foldedSet(SOURCING);
const NAME_END_WORDS = foldedSet(NAME_ENDS);
const COUNTERPART_WORDS = foldedSet(COUNTERPARTS);
const NAME_PREFIX_LIST = [...foldedSet(NAME_PREFIXES)].sort((a, b) => b.length - a.length);
const VERB_PREFIX_LIST = [...foldedSet(VERB_PREFIXES)];
const CONJUNCTIONS = foldedSet(['و', 'ثم', 'أو']);

/** A word of the table, with a conjunction before it or without. */
const withConjunction = (set: ReadonlySet<string>, word: string): boolean =>
  set.has(word) || VERB_PREFIX_LIST.some((prefix) => word.startsWith(prefix) && set.has(word.slice(prefix.length)));

interface Name {
  readonly speaker: string;
  readonly words: readonly string[];
}

/** Name words this long may be spelled with one letter more, less or other (نتنياهو، نتانياهو): transliterations vary. */
const LOOSE_NAME_LENGTH = 6;

/** The known names, compiled once per list of speakers, so that most text words are passed over with one lookup. */
interface Names {
  /** Every known name as folded words, longest first. */
  readonly list: readonly Name[];
  /** The names a text word begins exactly, by the word's form: their first word, alone or after a prefix (و، ل، لل …). */
  readonly byFirstForm: ReadonlyMap<string, ReadonlySet<Name>>;
  /** The names whose first word is long enough to be matched loosely as well. */
  readonly looseFirst: readonly Name[];
}

/** The forms a text word takes when it is `nameWord` with a prefix: ل + ال is written لل (للرئيس is ل + الرئيس). */
const prefixedForms = (nameWord: string): string[] =>
  NAME_PREFIX_LIST.flatMap((prefix) => [
    prefix + nameWord,
    ...(prefix.endsWith('ل') && nameWord.startsWith('ال') ? [prefix + nameWord.slice(1)] : []),
  ]);

const compiled = new WeakMap<readonly SpeakerNames[], Names>();
function namesOf(speakers: readonly SpeakerNames[]): Names {
  let names = compiled.get(speakers);
  if (names === undefined) {
    const list = speakers
      .flatMap(({ id, names: printed }) => printed.map((name) => ({ speaker: id, words: folded(name).map(nameForm) })))
      .filter((name) => name.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    const byFirstForm = new Map<string, Set<Name>>();
    for (const name of list) {
      const [first = ''] = name.words;
      for (const form of [first, ...prefixedForms(first)]) byFirstForm.set(form, (byFirstForm.get(form) ?? new Set()).add(name));
    }
    names = { list, byFirstForm, looseFirst: list.filter(({ words: [first = ''] }) => first.length >= LOOSE_NAME_LENGTH) };
    compiled.set(speakers, names);
  }
  return names;
}

/** Whether two words differ by at most one letter added, dropped or changed. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const tail = (x: number, y: number): boolean => a.slice(x) === b.slice(y);
  return tail(i + 1, i + 1) || tail(i + 1, i) || tail(i, i + 1);
}

/** Whether a text word's form is a name's word as it stands, without a prefix. */
const sameNameWord = (form: string, nameWord: string): boolean =>
  form === nameWord || (nameWord.length >= LOOSE_NAME_LENGTH && withinOneEdit(form, nameWord));

/** Whether a text word's form begins `name`: its first word, or that word with a prefix. */
const beginsName = (form: string, name: Name, names: Names): boolean =>
  names.byFirstForm.get(form)?.has(name) === true || sameNameWord(form, name.words[0] ?? '');

interface NameAt {
  readonly first: number;
  readonly end: number;
  readonly speaker: string;
}

/** The known speakers named among `list` (words outside quotations), in order, longest name first where two start alike. */
function namesIn(list: readonly WordToken[], names: Names): NameAt[] {
  const found: NameAt[] = [];
  for (let first = 0; first < list.length; first += 1) {
    const counterpart = counterpartAt(list, first, names);
    if (counterpart !== undefined) {
      // نظيره الروسي لافروف: the name that follows says who the counterpart is.
      const following = nameAt(list, counterpart.end, names);
      const whole =
        following === undefined
          ? counterpart
          : { ...counterpart, end: counterpart.end + following.words.length, speaker: following.speaker };
      found.push(whole);
      first = whole.end - 1;
      continue;
    }
    const name = nameAt(list, first, names);
    if (name === undefined) continue;
    const last = found.at(-1);
    // الرئيس الروسي فلاديمير بوتين: two names of one speaker in a row are one.
    if (last?.end === first && last.speaker === name.speaker) found[found.length - 1] = { ...last, end: first + name.words.length };
    else found.push({ first, end: first + name.words.length, speaker: name.speaker });
    first += name.words.length - 1;
  }
  return found;
}

/** The longest known name that starts at `first`. */
function nameAt(list: readonly WordToken[], first: number, names: Names): Name | undefined {
  const form = list[first]?.form;
  if (form === undefined) return undefined;
  const begins = (name: Name): boolean => beginsName(form, name, names);
  // Most words begin no name: one lookup, and a length check for each loosely matched name.
  if (!names.byFirstForm.has(form) && !names.looseFirst.some(begins)) return undefined;
  return names.list.find(
    (name) =>
      begins(name) &&
      name.words.every((nameWord, at) => {
        const word = list[first + at];
        return at === 0 || (word !== undefined && sameNameWord(word.form, nameWord));
      }),
  );
}

/** «نظيره الصيني»: the one speaker with a two-word title ending in that word. */
function counterpartAt(list: readonly WordToken[], first: number, names: Names): NameAt | undefined {
  const word = list[first];
  const next = list[first + 1];
  if (word === undefined || next === undefined || !COUNTERPART_WORDS.has(word.word)) return undefined;
  const titled = new Set(names.list.filter((name) => name.words.length === 2 && name.words[1] === next.form).map(({ speaker }) => speaker));
  const [speaker] = titled;
  return titled.size === 1 && speaker !== undefined ? { first, end: first + 2, speaker } : undefined;
}

// ——— Crediting ———

type WordToken = Extract<Token, { type: 'word' }>;
type QuotationToken = Extract<Token, { type: 'quotation' }>;

/** What a clause's words say about who speaks: the credit, how it was read, and the phrase that says it. */
interface ClauseCredit {
  readonly credit?: ReadCredit | undefined;
  readonly reading: CreditReading;
  readonly phrase?: Span | undefined;
}

const span = (first: WordToken | undefined, last: WordToken | undefined): { start: number; end: number } | undefined =>
  first === undefined || last === undefined ? undefined : { start: first.start, end: last.end };
const creditOf = (list: readonly WordToken[], name: NameAt): ReadCredit => {
  const at = span(list[name.first], list[name.end - 1]);
  return { at: at === undefined ? [0, 0] : [at.start, at.end], speaker: name.speaker };
};

/**
 * Who a clause (the words before a quotation since the last comma, or a clause of indirect speech) says speaks:
 * a verb of saying or a participle, and a name beside it. `current` is the speaker last credited.
 */
function readClause(list: readonly WordToken[], names: Names, current: ReadCredit | undefined, colon = false): ClauseCredit | undefined {
  let verb = -1;
  let participle = false;
  for (let at = list.length - 1; at >= 0 && verb < 0; at -= 1) {
    const word = list[at]?.word ?? '';
    if (withConjunction(VERBS, word) || withConjunction(SOURCING_WORDS, word)) verb = at;
    else if (withConjunction(PARTICIPLE_WORDS, word)) {
      verb = at;
      participle = true;
    }
  }
  if (verb < 0) return undefined;
  let complementizer = -1;
  for (let at = verb + 1; at < list.length && complementizer < 0; at += 1)
    if (COMPLEMENTIZER_WORDS.has(list[at]?.word ?? '')) complementizer = at;
  // Who speaks stands right after the verb, up to إن / أن (or the clause's end), and before any word of where or when.
  let subjectEnd = complementizer < 0 ? list.length : complementizer;
  for (let at = verb + 1; at < subjectEnd; at += 1) if (NAME_END_WORDS.has(list[at]?.word ?? '')) subjectEnd = at;
  const named = namesIn(list, names);
  const after = named.find((name) => name.first === verb + 1 && name.end <= subjectEnd);
  const before = named.filter((name) => name.end <= verb).at(-1);
  const relative = verb > 0 && RELATIVE_WORDS.has(list[verb - 1]?.word ?? '');
  const startAt = before !== undefined ? 0 : relative ? verb - 1 : verb;
  const phrase = span(list[startAt], list[complementizer < 0 ? list.length - 1 : complementizer]);
  if (after !== undefined) return { credit: creditOf(list, after), reading: 'named', phrase };
  // A speaker the text names that Isnad does not know: words after the verb, closed by إن / أن or a colon. They take over.
  if (!participle && !relative && (complementizer >= 0 || colon) && subjectEnd > verb + 1) {
    const name = span(list[verb + 1], list[subjectEnd - 1]);
    if (name !== undefined) return { credit: { at: [name.start, name.end] }, reading: 'named', phrase };
  }
  if (before !== undefined) return { credit: creditOf(list, before), reading: 'named', phrase };
  return current === undefined ? { reading: 'unknown', phrase } : { credit: current, reading: 'continuing', phrase };
}

/** A source named after a quotation: «…»، بحسب وزارة الخارجية / «…»، قال بوتين; not a name after a word of where or about whom. */
function readAfter(list: readonly WordToken[], names: Names): ClauseCredit | undefined {
  const [first] = list;
  if (first === undefined || !(withConjunction(SOURCING_WORDS, first.word) || withConjunction(VERBS, first.word))) return undefined;
  const end = list.findIndex((word, at) => at > 0 && NAME_END_WORDS.has(word.word));
  const [name] = namesIn(end < 0 ? list : list.slice(0, end), names);
  if (name === undefined) return undefined;
  return { credit: creditOf(list, name), reading: 'named-after', phrase: span(first, list.at(-1)) };
}

function credit(tokens: readonly Token[], names: Names): ReadQuotation[] {
  const quotations: ReadQuotation[] = [];
  let current: ReadCredit | undefined;
  let clause: WordToken[] = [];
  /** The sentence so far: its last quotation, for one that a bare conjunction carries on; its last clause of saying. */
  let sentence: Sentence = {};

  /** A clause of saying that names its speaker makes them the one later clauses carry on. */
  const endClause = (): void => {
    const read = readClause(clause, names, current);
    if (read !== undefined && read.credit !== undefined) {
      sentence = { ...sentence, saying: read };
      if (read.reading === 'named') current = read.credit;
    }
    clause = [];
  };

  for (const [at, token] of tokens.entries()) {
    if (token.type === 'word') clause.push(token);
    else if (token.type === 'clause') endClause();
    else if (token.type === 'sentence') {
      endClause();
      sentence = {};
    } else {
      const quotation = readQuotation(token, clause, tokens, at, names, current, sentence);
      if (quotation.credit !== undefined) current = quotation.credit;
      quotations.push(quotation);
      sentence = { ...sentence, previous: quotation };
      clause = [];
    }
  }
  return quotations;
}

interface Sentence {
  readonly previous?: ReadQuotation;
  readonly saying?: ClauseCredit;
}

function readQuotation(
  token: QuotationToken,
  clause: readonly WordToken[],
  tokens: readonly Token[],
  at: number,
  names: Names,
  current: ReadCredit | undefined,
  { previous, saying }: Sentence,
): ReadQuotation {
  const place = { start: token.open + 1, end: token.close };
  const introduced = readClause(clause, names, current, token.colon);
  if (introduced !== undefined && introduced.reading !== 'unknown') return { ...place, ...introduced };
  const bare = clause.every(({ word }) => CONJUNCTIONS.has(word));
  // “…”، و”…”: a conjunction alone carries the last quotation on, with its phrase.
  if (previous?.credit !== undefined && bare) return { ...place, credit: previous.credit, reading: 'continuing', phrase: previous.phrase };
  // وقال بوتين، في مؤتمر صحفي، إن «…» / وبحسب بوتين، فإن «…»: the sentence's clause of saying, parted from إن by commas.
  if (saying !== undefined && (bare || withConjunction(COMPLEMENTIZER_WORDS, clause[0]?.word ?? ''))) return { ...place, ...saying };
  // الرئيس الروسي: «…»
  if (token.colon) {
    const [name] = namesIn(clause, names);
    if (name !== undefined)
      return { ...place, credit: creditOf(clause, name), reading: 'named', phrase: span(clause[name.first], clause.at(-1)) };
  }
  const after = readAfter(clauseAfter(tokens, at), names);
  if (after !== undefined) return { ...place, ...after };
  return { ...place, reading: 'unknown', ...(introduced?.phrase === undefined ? {} : { phrase: introduced.phrase }) };
}

/** The words of the clause after the quotation at `at`, past one comma. */
function clauseAfter(tokens: readonly Token[], at: number): WordToken[] {
  const list: WordToken[] = [];
  let index = at + 1;
  if (tokens[index]?.type === 'clause') index += 1;
  for (; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.type !== 'word') break;
    list.push(token);
  }
  return list;
}
