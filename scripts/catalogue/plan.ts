/**
 * Who is in a synthetic article and what its paragraphs are, before any
 * word is written: the two people who met, 1 to 3 others who comment,
 * give figures, accuse or deny, and the kind of each of its 8 to 20
 * paragraphs, in order.
 */
import type { Filler } from '../../testkit/filler';
import {
  ACCUSERS,
  CHINA_CUSTOMS,
  DENIERS,
  ENERGY_SPEAKERS,
  OUTLET,
  PAIRS,
  SPOKESPEOPLE,
  type PoolSpeaker,
  type Principal,
} from './speakers';

export const MIN_PARAGRAPHS = 8;
export const MAX_PARAGRAPHS = 20;

export type Block =
  | { readonly kind: 'lead' }
  | { readonly kind: 'quote'; readonly who: PoolSpeaker; readonly form: 'direct' | 'reported' }
  | { readonly kind: 'statistic'; readonly who: PoolSpeaker }
  | { readonly kind: 'statement'; readonly who: PoolSpeaker }
  | { readonly kind: 'history' }
  | { readonly kind: 'event' }
  | { readonly kind: 'accusation'; readonly accuser: PoolSpeaker; readonly denier: PoolSpeaker | undefined }
  | { readonly kind: 'narrative' }
  | { readonly kind: 'background' }
  | { readonly kind: 'heading' }
  | { readonly kind: 'closing' };

export interface Plan {
  readonly a: Principal;
  readonly b: Principal;
  readonly speakers: readonly PoolSpeaker[];
  readonly blocks: readonly Block[];
}

/** True with the given chance, from the article's sequence. */
export const chance = (fill: Filler, percent: number): boolean => fill.int(0, 99) < percent;

export function shuffle<T>(fill: Filler, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = fill.int(0, index);
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

type Role = 'spokesperson' | 'energy' | 'customs' | 'accusation' | 'outlet';

/** The speakers besides the pair, and the paragraphs that are theirs. */
function others(fill: Filler, slots: number, energy: boolean): { speakers: PoolSpeaker[]; blocks: Block[] } {
  const speakers: PoolSpeaker[] = [];
  const blocks: Block[] = [];
  const unused = (from: readonly PoolSpeaker[]) => from.filter((candidate) => !speakers.includes(candidate));
  const take = (from: readonly PoolSpeaker[]): PoolSpeaker | undefined => {
    const left = unused(from);
    if (left.length === 0 || speakers.length >= slots) return undefined;
    const chosen = fill.pick(left);
    speakers.push(chosen);
    return chosen;
  };
  const spokesperson = (): void => {
    const who = take(SPOKESPEOPLE);
    if (who === undefined) return;
    const quoted = chance(fill, 65);
    if (quoted) blocks.push({ kind: 'quote', who, form: chance(fill, 60) ? 'direct' : 'reported' });
    if (!quoted || chance(fill, 30)) blocks.push({ kind: 'statement', who });
  };
  const roles = shuffle<Role>(fill, ['spokesperson', 'energy', 'customs', 'accusation', 'outlet']);
  for (const role of roles) {
    if (role === 'spokesperson') spokesperson();
    else if (role === 'energy' && (energy || chance(fill, 30))) {
      const who = take(ENERGY_SPEAKERS);
      if (who !== undefined)
        blocks.push({ kind: 'statistic', who }, ...(chance(fill, 50) ? [{ kind: 'quote', who, form: 'direct' } as const] : []));
    } else if (role === 'customs' && chance(fill, 50)) {
      const who = take([CHINA_CUSTOMS]);
      if (who !== undefined) blocks.push({ kind: 'statistic', who });
    } else if (role === 'accusation' && chance(fill, 60)) {
      const accuser = take(ACCUSERS);
      const denier = accuser !== undefined && chance(fill, 75) ? take(DENIERS) : undefined;
      if (accuser !== undefined) blocks.push({ kind: 'accusation', accuser, denier });
    } else if (role === 'outlet' && take([OUTLET]) !== undefined) {
      blocks.push({ kind: 'history' }, ...(chance(fill, 50) ? [{ kind: 'event' } as const] : []));
    }
  }
  // Roles passed over by chance leave room for more spokespeople.
  while (speakers.length < slots && unused(SPOKESPEOPLE).length > 0) spokesperson();
  return { speakers, blocks };
}

/** One more paragraph to reach the article's length. */
function oneMore(fill: Filler, quotable: readonly PoolSpeaker[], a: Principal, b: Principal, counts: Map<string, number>): Block {
  const count = (kind: string): number => counts.get(kind) ?? 0;
  const roll = fill.int(0, 99);
  if (roll < 30) return { kind: 'quote', who: fill.pick(quotable), form: chance(fill, 35) ? 'reported' : 'direct' };
  if (roll < 65) return { kind: 'narrative' };
  // One background paragraph at most: its sentences come from a short list, and two of them would make articles alike.
  if (roll < 78 && count('background') < 1) return { kind: 'background' };
  if (roll < 88 && count('heading') < 2) return { kind: 'heading' };
  if (count('statistic') < 2) return { kind: 'statistic', who: fill.pick([a, b]) };
  return { kind: 'narrative' };
}

/** A heading starts a section: never first after the lead's quotes, last, or right after another. */
function placeHeadings(blocks: Block[]): Block[] {
  return blocks.map((block, index) => {
    if (block.kind !== 'heading') return block;
    const previous = blocks[index - 1];
    const misplaced = index < 4 || index === blocks.length - 1 || previous?.kind === 'heading';
    return misplaced ? { kind: 'narrative' } : block;
  });
}

export function plan(fill: Filler, energy: boolean): Plan {
  const [a, b] = fill.pick(PAIRS);
  const total = fill.int(3, 5);
  const extra = others(fill, total - 2, energy);
  const quotable = [a, b, ...extra.speakers.filter((who) => SPOKESPEOPLE.includes(who) || ENERGY_SPEAKERS.includes(who))];
  const middle: Block[] = [...extra.blocks];
  if (!middle.some((block) => ['statistic', 'statement', 'history', 'event', 'accusation'].includes(block.kind))) {
    middle.push({ kind: 'statistic', who: fill.pick([a, b]) });
  }
  const closing = chance(fill, 70);
  const length = Math.max(fill.int(MIN_PARAGRAPHS, MAX_PARAGRAPHS), middle.length + 3 + (closing ? 1 : 0));
  const counts = new Map<string, number>();
  for (const block of middle) counts.set(block.kind, (counts.get(block.kind) ?? 0) + 1);
  while (middle.length + 3 + (closing ? 1 : 0) < length) {
    const block = oneMore(fill, quotable, a, b, counts);
    counts.set(block.kind, (counts.get(block.kind) ?? 0) + 1);
    middle.push(block);
  }
  const blocks: Block[] = [
    { kind: 'lead' },
    { kind: 'quote', who: a, form: 'direct' },
    { kind: 'quote', who: b, form: 'direct' },
    ...shuffle(fill, middle),
    ...(closing ? [{ kind: 'closing' } as const] : []),
  ];
  return { a, b, speakers: [a, b, ...extra.speakers], blocks: placeHeadings(blocks) };
}
