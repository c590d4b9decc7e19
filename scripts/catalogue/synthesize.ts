/**
 * One synthetic article: a plan (plan.ts) written out in Arabic news
 * prose, its quotes and claims marked as they are written, then turned
 * into an article file's content. Pure and deterministic: the same index
 * and seed give the same article.
 */
import type { Annotation, Article, Claim, Quote } from '../../src/article/schema';
import { SAME_SUBJECTS } from '../../bench/corpus';
import { Filler } from '../../testkit/filler';
import { DIFFERENT_REPORT } from '../../testkit/other-texts';
import { ACCUSATIONS, ACCUSED, ANNOUNCEMENTS, attributedNote, DENIALS, eventNote, HISTORY, statistic, statisticNote } from './claims';
import { expand, fillBoth, fillIn, type Bilingual, type Gender, type Rules, type Scope } from './grammar';
import { LEAD_INS, NARRATIVE_KINDS, narrationRules } from './narration';
import { FORUMS, MEETING_CITIES, MONTHS, WEEKDAYS } from './places';
import { chance, plan, shuffle, type Block, type Plan } from './plan';
import { phrases, ReferenceWriter } from './reference';
import { CHINA, OUTLET, type PoolSpeaker, type Principal } from './speakers';
import { EPITHETS, reported, statement } from './statements';
import { TOPICS, type Topic } from './topics';
import { ADDED, ANNOUNCING, CONTINUING, DESCRIBED, DIRECT, MEETINGS, REPORTED, STATING, type Meeting } from './wording';

/** News sentences on the same subjects, for background paragraphs (headings left out). */
const BACKGROUND: readonly string[] = [...DIFFERENT_REPORT, ...SAME_SUBJECTS].filter((sentence) => /[.؟]$/.test(sentence));

const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = 4 * 365;

/** What an article is about, drawn before it is written. */
interface Setting {
  readonly plan: Plan;
  readonly main: Topic;
  readonly second: Topic;
  readonly date: Date;
  readonly meeting: Meeting;
  /** Where the meeting is, for its lead and the title. */
  readonly place: Readonly<Record<'city' | 'forum', Bilingual>>;
}

const VERDICTS: readonly Claim['verdict'][] = ['consistent', 'missing-context', 'disputed', 'contradicted'];

/** Index and seed into the article's own seed: articles are independent, so article i is the same whatever the count. */
function articleSeed(seed: number, index: number, attempt: number): number {
  let hash = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(attempt + 1, 0x27d4eb2f);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Draws of one paragraph before its repeats are let be: after a few, they are rare. */
const MAX_PARAGRAPH_DRAWS = 8;
/** Share of a paragraph's runs of three words that earlier paragraphs may hold: stock phrases, not a paragraph's worth. */
const MAX_REPEATED_SHARE = 0.4;

/** The writer's state before a paragraph, to draw the paragraph again from. */
interface Saved {
  readonly drafts: number;
  readonly mentioned: Set<string>;
  readonly quoted: Set<string>;
  readonly headings: Set<string>;
  readonly kinds: string[];
  readonly leadIns: string[];
}

type Draft =
  | (Omit<Quote, 'target' | 'attribution'> & { readonly target: string; readonly attribution: string })
  | (Omit<Claim, 'target'> & { readonly target: string });

class Writer {
  readonly #fill: Filler;
  readonly #plan: Plan;
  readonly #main: Topic;
  readonly #second: Topic;
  readonly #year: number;
  readonly #date: string;
  readonly #leadGender: Gender;
  readonly #rules: Rules;
  readonly #vars: Record<string, string>;
  readonly #quotes: readonly [string, string];
  readonly #text = new ReferenceWriter();
  readonly #drafts: Draft[] = [];
  #mentioned = new Set<string>();
  #quoted = new Set<string>();
  #headings = new Set<string>();
  /** Narration kinds not used yet: each once before any twice, as a report seldom repeats a move. */
  #kinds: string[] = [];
  /** The first three words of each paragraph so far, and all their runs of three words. */
  readonly #openings = new Set<string>();
  readonly #runs = new Set<string>();
  /** Lead-ins not used yet (see LEAD_INS). */
  #leadIns: string[];
  #keys = 0;

  constructor(fill: Filler, setting: Setting) {
    const { plan: articlePlan, main, second, date, meeting } = setting;
    this.#fill = fill;
    this.#plan = articlePlan;
    this.#main = main;
    this.#second = second;
    this.#year = date.getUTCFullYear();
    this.#date = date.toISOString().slice(0, 10);
    this.#leadGender = meeting.gender;
    this.#rules = narrationRules({ main, second, year: this.#year });
    const { a, b } = articlePlan;
    this.#vars = {
      aFirst: a.first,
      aLater: fill.pick(a.later),
      bLater: fill.pick(b.later),
      bNationality: b.nationality,
      bPerson: b.person,
      weekday: WEEKDAYS[date.getUTCDay()] ?? '',
      dual: a.together,
      event: fillIn(meeting.lead, setting.place, 'ar'),
      eventIn: fillIn(meeting.title.ar, setting.place, 'ar'),
      meetingNoun: meeting.noun,
      comesNow: meeting.comes,
    };
    this.#leadIns = shuffle(fill, [...LEAD_INS]);
    // An outlet keeps one style of quotation marks.
    this.#quotes = chance(fill, 70) ? ['“', '”'] : ['«', '»'];
  }

  /** Each block as a paragraph; undefined where a selector cannot pick its words alone (the caller draws again). */
  write(): { paragraphs: readonly string[]; annotations: Annotation[] } | undefined {
    for (const block of this.#plan.blocks) this.#paragraph(block);
    const annotations: Annotation[] = [];
    for (const draft of this.#drafts) {
      const target = this.#text.selector(draft.target);
      if (target === undefined) return undefined;
      if (draft.kind === 'claim') {
        annotations.push({ ...draft, target });
        continue;
      }
      const attribution = this.#text.selector(draft.attribution, true);
      if (attribution === undefined) return undefined;
      annotations.push({ ...draft, target, attribution });
    }
    return { paragraphs: this.#text.paragraphs, annotations };
  }

  /**
   * A block as a paragraph that holds no run of three words twice, opens
   * unlike any paragraph before it, and repeats little of them: the engine
   * reads a paragraph that repeats itself as two copies of it, and may take
   * a paragraph much like an earlier one for a copy of that one, missing
   * its annotations. Drawn again if it does.
   */
  #paragraph(block: Block): void {
    for (let attempt = 1; ; attempt += 1) {
      const saved = this.#save();
      this.#block(block);
      const runs = phrases(this.#text.current);
      const opening = runs[0];
      const repeated = runs.filter((run) => this.#runs.has(run)).length;
      const alike =
        new Set(runs).size < runs.length ||
        (opening !== undefined && this.#openings.has(opening)) ||
        repeated > runs.length * MAX_REPEATED_SHARE;
      if (!alike || attempt === MAX_PARAGRAPH_DRAWS) {
        if (opening !== undefined) this.#openings.add(opening);
        for (const run of runs) this.#runs.add(run);
        break;
      }
      this.#text.discardParagraph();
      this.#restore(saved);
    }
    this.#text.endParagraph();
  }

  #save(): Saved {
    return {
      drafts: this.#drafts.length,
      mentioned: new Set(this.#mentioned),
      quoted: new Set(this.#quoted),
      headings: new Set(this.#headings),
      kinds: [...this.#kinds],
      leadIns: [...this.#leadIns],
    };
  }

  #restore(saved: Saved): void {
    this.#drafts.length = saved.drafts;
    this.#mentioned = saved.mentioned;
    this.#quoted = saved.quoted;
    this.#headings = saved.headings;
    this.#kinds = saved.kinds;
    this.#leadIns = saved.leadIns;
  }

  #block(block: Block): void {
    if (block.kind === 'quote') {
      if (block.form === 'direct') this.#direct(block.who);
      else this.#reported(block.who);
    } else if (block.kind === 'statistic') this.#statistic(block.who);
    else if (block.kind === 'statement') this.#statement(block.who);
    else if (block.kind === 'history') this.#history();
    else if (block.kind === 'event') this.#event();
    else if (block.kind === 'accusation') this.#accusation(block.accuser, block.denier);
    else this.#text.write(this.#narration(block.kind));
  }

  /** A paragraph with nothing to annotate. */
  #narration(kind: 'lead' | 'narrative' | 'background' | 'heading' | 'closing'): string {
    switch (kind) {
      case 'lead':
        this.#mentioned.add(this.#plan.a.speaker.id).add(this.#plan.b.speaker.id);
        return this.#expand('{lead}', this.#leadGender);
      case 'narrative':
        if (this.#kinds.length === 0) this.#kinds = shuffle(this.#fill, [...NARRATIVE_KINDS]);
        return this.#expand(`{${this.#kinds.pop() ?? 'analysis'}}`);
      case 'background':
        return chance(this.#fill, 30) ? `${this.#fill.sentence()} ${this.#fill.sentence()}` : this.#fill.sentence();
      case 'heading':
        return this.#heading();
      case 'closing':
        return this.#expand('{closing}');
    }
  }

  #expand(template: string, gender: Gender = 'm'): string {
    const scope: Scope = { gender, vars: this.#vars };
    return expand(template, this.#rules, scope, this.#fill);
  }

  #key(): string {
    this.#keys += 1;
    return `k${this.#keys}`;
  }

  /** How the text names a speaker: in full the first time, shorter after. */
  #name(who: PoolSpeaker): string {
    if (this.#mentioned.has(who.speaker.id)) return this.#fill.pick(who.later);
    this.#mentioned.add(who.speaker.id);
    return who.first;
  }

  #topic(): Topic {
    return this.#fill.int(0, 2) === 0 ? this.#second : this.#main;
  }

  #quoteId(who: PoolSpeaker): string {
    return `quote-${this.#drafts.length + 1}-${who.speaker.id}`;
  }

  #claimId(category: Claim['category']): string {
    return `claim-${this.#drafts.length + 1}-${category}`;
  }

  /** Quoted words under a key, inside the article's quotation marks. */
  #quote(who: PoolSpeaker, form: Quote['form'], attribution: string, words: Bilingual, glue = ' '): void {
    const [open, close] = this.#quotes;
    const [attributionKey, targetKey] = [this.#key(), this.#key()];
    this.#text.mark(attributionKey, attribution).write(`${glue}${open}`).mark(targetKey, words.ar).write(close);
    this.#drafts.push({
      id: this.#quoteId(who),
      kind: 'quote',
      speaker: who.speaker.id,
      form,
      translation: { en: words.en },
      target: targetKey,
      attribution: attributionKey,
    });
    this.#quoted.add(who.speaker.id);
  }

  #leadIn(who: PoolSpeaker): string {
    const leadIn = chance(this.#fill, 45) ? this.#leadIns.pop() : undefined;
    return leadIn === undefined ? '' : this.#expand(leadIn, who.gender);
  }

  #direct(who: PoolSpeaker): void {
    const leadIn = this.#leadIn(who);
    const said = this.#fill.pick(this.#quoted.has(who.speaker.id) ? [...DIRECT, ADDED] : DIRECT);
    const words = statement(this.#fill, this.#topic(), this.#year);
    this.#text.write(leadIn);
    this.#quote(who, 'direct', `${leadIn === '' ? 'و' : ''}${said[who.gender]} ${this.#name(who)} ${said.then}`, capitalize(words));
    this.#tail(who, true, leadIn !== '');
  }

  #reported(who: PoolSpeaker): void {
    const leadIn = this.#leadIn(who);
    const said = this.#fill.pick(REPORTED);
    const words = reported(this.#fill, this.#topic(), this.#year);
    const attribution = [`${leadIn === '' ? 'و' : ''}${said[who.gender]}`, this.#name(who), said.then]
      .filter((part) => part !== '')
      .join(' ');
    this.#text.write(leadIn);
    this.#quote(who, 'reported', attribution, words);
    this.#tail(who, false, leadIn !== '');
  }

  /** What follows a quote: another quote, an epithet, a fact, a hope, or the full stop; where and when, unless a lead-in said it. */
  #tail(who: PoolSpeaker, direct: boolean, placed: boolean): void {
    const roll = this.#fill.int(0, 99);
    if (roll < 25 && direct) {
      const continuing = this.#fill.pick(CONTINUING);
      this.#text.write('، ');
      this.#quote(
        who,
        'direct',
        `${continuing[who.gender]} ${continuing.then}`,
        capitalize(statement(this.#fill, this.#topic(), this.#year)),
      );
    } else if (roll < 40) {
      const epithet = this.#fill.pick(EPITHETS);
      this.#text.write('، ');
      this.#quote(who, 'direct', `${who.gender === 'm' ? 'ووصف' : 'ووصفت'} ${this.#fill.pick(DESCRIBED)} بـ`, epithet, '');
    } else if (roll < 72) {
      this.#text.write(`، ${this.#expand('{factTail}', who.gender)}`);
    } else if (roll < 92) {
      this.#text.write(`، ${this.#expand(this.#fill.pick([placed ? '{aboutTail}' : '{topicTail}', '{hopeTail}']), who.gender)}`);
    }
    this.#text.write('.');
  }

  #claim(claim: Omit<Claim, 'id' | 'kind' | 'target'>, category: Claim['category'], words: string): void {
    const key = this.#key();
    this.#text.mark(key, words);
    this.#drafts.push({ id: this.#claimId(category), kind: 'claim', ...claim, category, target: key });
  }

  #statistic(who: PoolSpeaker): void {
    const leadIn = chance(this.#fill, 40) ? this.#expand('{statLeadIn}') : '';
    const stated = this.#fill.pick(STATING);
    const figure = statistic(this.#fill, [this.#main.id, this.#second.id], this.#year);
    this.#text.write(`${leadIn}${leadIn === '' ? 'و' : ''}${stated[who.gender]} ${this.#name(who)} ${stated.then} `);
    this.#claim(
      {
        attributedTo: [who.speaker.id],
        category: 'statistic',
        verdict: this.#fill.pick(VERDICTS),
        context: statisticNote(figure.figure),
        sources: [],
      },
      'statistic',
      figure.text,
    );
    this.#text.write(`، ${this.#expand('{statTail}', who.gender)}.`);
  }

  #statement(who: PoolSpeaker): void {
    const said = this.#fill.pick(ANNOUNCING);
    this.#text.write(`${said[who.gender]} ${this.#name(who)} ${said.then} `);
    this.#claim(
      {
        attributedTo: [who.speaker.id],
        category: 'statement',
        verdict: 'attributed',
        context: attributedNote('statement', who.speaker.name),
        sources: [{ publisher: who.speaker.name.en, date: this.#date }],
      },
      'statement',
      this.#expand(this.#fill.pick(ANNOUNCEMENTS)),
    );
    this.#text.write(chance(this.#fill, 50) ? `، ${this.#expand('{agreedTail}')}.` : '.');
  }

  #history(): void {
    const fact = this.#fill.pick(HISTORY);
    this.#text.write(`${fact.lead} `);
    this.#claim(
      { attributedTo: [OUTLET.speaker.id], category: 'history', verdict: 'consistent', context: fact.note, sources: [fact.source] },
      'history',
      fact.text,
    );
    this.#text.write(`، ${this.#expand('{historyTail}')}.`);
  }

  #event(): void {
    const [a, b] = chance(this.#fill, 50) ? [this.#plan.a, this.#plan.b] : [this.#plan.b, this.#plan.a];
    const city = this.#fill.pick(MEETING_CITIES);
    const month = this.#fill.pick(MONTHS);
    const forum = this.#fill.pick(FORUMS);
    const year = this.#year - 1;
    const [lead, words] = this.#fill.pick([
      ['وكان', `آخر لقاء مباشر بين ${a.short.ar} و${b.short.ar} في ${city.ar} في ${month.ar} ${year}، على هامش ${forum.ar}`],
      ['وكان', `${a.short.ar} و${b.short.ar} قد التقيا آخر مرة في ${city.ar} في ${month.ar} ${year}، خلال ${forum.ar}`],
      ['وكانت', `آخر محادثات مباشرة بين ${a.short.ar} و${b.short.ar} قد جرت في ${city.ar} في ${month.ar} ${year}، على هامش ${forum.ar}`],
      ['وكان', `اللقاء الأخير بين ${a.short.ar} و${b.short.ar} قد عُقد في ${month.ar} ${year} في ${city.ar}، على هامش ${forum.ar}`],
    ] as const);
    this.#text.write(`${lead} `);
    this.#claim(
      {
        attributedTo: [OUTLET.speaker.id],
        category: 'event',
        verdict: this.#fill.pick(['consistent', 'missing-context'] as const),
        context: eventNote({ ar: `${city.ar}، ${month.ar} ${year}`, en: `${city.en}, ${month.en} ${year}` }),
        sources: [],
      },
      'event',
      words,
    );
    this.#text.write(`، ${this.#expand('{lastMeetingTail}')}.`);
  }

  #accusation(accuser: PoolSpeaker, denier: PoolSpeaker | undefined): void {
    const accuses = accuser.gender === 'f' ? 'وتتهم' : 'ويتهم';
    this.#claim(
      {
        attributedTo: [accuser.speaker.id],
        category: 'accusation',
        verdict: 'attributed',
        context: attributedNote('accusation', accuser.speaker.name),
        sources: [],
      },
      'accusation',
      `${accuses} ${this.#name(accuser)} ${this.#fill.pick(ACCUSED)} ${this.#fill.pick(ACCUSATIONS)}`,
    );
    if (denier !== undefined) {
      const denies = this.#fill.pick(['تنفيه', 'ترفضه']);
      const what = denier === CHINA ? 'أنها' : 'أن بكين';
      this.#text.write('، ');
      this.#claim(
        {
          attributedTo: [denier.speaker.id],
          category: 'denial',
          verdict: 'attributed',
          context: attributedNote('denial', denier.speaker.name),
          sources: [],
        },
        'denial',
        `وهو ما ${denies} ${this.#name(denier)}، مؤكدة ${what} ${this.#fill.pick(DENIALS)}`,
      );
    }
    this.#text.write('.');
  }

  /** A heading not used before in the article. */
  #heading(): string {
    let heading = this.#expand('{heading}');
    for (let attempt = 0; this.#headings.has(heading) && attempt < 8; attempt += 1) heading = this.#expand('{heading}');
    this.#headings.add(heading);
    return heading;
  }
}

const capitalize = (words: Bilingual): Bilingual => ({ ar: words.ar, en: words.en.charAt(0).toUpperCase() + words.en.slice(1) });

/** Article `index` of the catalogue drawn from `seed`. */
export function syntheticArticle(index: number, seed: number): Article {
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const article = attemptArticle(index, articleSeed(seed, index, attempt));
    if (article !== undefined) return article;
  }
  throw new Error(`synthetic article ${index}: no draw gave selectors that pick one place each`);
}

function attemptArticle(index: number, seed: number): Article | undefined {
  const fill = new Filler(seed, BACKGROUND);
  const main = fill.pick(TOPICS);
  const second = fill.pick(TOPICS.filter((topic) => topic !== main));
  const date = new Date(FIRST_DAY + fill.int(0, DAYS - 1) * 86_400_000);
  const meeting = fill.pick(MEETINGS);
  const place = { city: fill.pick(MEETING_CITIES), forum: fill.pick(FORUMS) };
  const articlePlan = plan(fill, main.id === 'energy' || second.id === 'energy');
  const written = new Writer(fill, { plan: articlePlan, main, second, date, meeting, place }).write();
  if (written === undefined) return undefined;

  const { a, b } = articlePlan;
  const day = date.toISOString().slice(0, 10);
  return {
    $schema: '../article.schema.json',
    id: `synthetic-${String(index).padStart(5, '0')}-${a.speaker.id}-${b.speaker.id}-${main.id}-${day}`,
    lang: 'ar',
    title: titleOf(fill, a, b, main, fillBoth(meeting.title, place)),
    date: day,
    paragraphs: [...written.paragraphs],
    speakers: articlePlan.speakers.map((who) => who.speaker),
    annotations: written.annotations,
  };
}

function titleOf(fill: Filler, a: Principal, b: Principal, topic: Topic, meeting: Bilingual): Bilingual {
  switch (fill.int(0, 2)) {
    case 0:
      return {
        ar: `${a.short.ar} و${b.short.ar} يبحثان ${topic.title.ar} ${meeting.ar}`,
        en: `${a.short.en} and ${b.short.en} discuss ${topic.title.en} ${meeting.en}`,
      };
    case 1:
      return {
        ar: `${a.short.ar} و${b.short.ar} يتعهدان بتعزيز ${topic.title.ar}`,
        en: `${a.short.en} and ${b.short.en} pledge to strengthen ${topic.title.en}`,
      };
    default:
      return {
        ar: `${topic.title.ar} على طاولة ${a.short.ar} و${b.short.ar}`,
        en: `${topic.title.en.charAt(0).toUpperCase()}${topic.title.en.slice(1)} on the table for ${a.short.en} and ${b.short.en}`,
      };
  }
}
