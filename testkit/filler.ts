/**
 * Sentences, reshuffled and recombined from a list: a clause of one sentence
 * joined to the rest of another, figures changed. Deterministic: every
 * choice comes from the seed. Shared by the benchmark's pages and the
 * synthetic article catalogue.
 */
import { randomFrom, type Random } from './random';

export class Filler {
  readonly #random: Random;
  readonly #sentences: readonly string[];

  constructor(seed: number, sentences: readonly string[]) {
    this.#random = randomFrom(seed);
    this.#sentences = sentences;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#random() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.#random() * (to - from + 1));
  }

  sentence(): string {
    const first = this.pick(this.#sentences);
    const roll = this.#random();
    let sentence = first;
    if (roll < 0.45) {
      // Recombine: the first clause of one sentence, then the later clauses of another.
      const second = this.pick(this.#sentences);
      const head = first.split('، ')[0] ?? first;
      const tail = second.split('، ').slice(1);
      if (tail.length > 0) sentence = `${head.replace(/[.؟]$/, '')}، ${tail.join('، ')}`;
    }
    // Vary the figures so that repeated sentences are not identical.
    return roll > 0.8 ? sentence.replace(/\d+/g, (digits) => String(this.int(1, 10 ** Math.min(digits.length, 4) - 1))) : sentence;
  }

  paragraph(min: number, max: number): string {
    return Array.from({ length: this.int(min, max) }, () => this.sentence()).join(' ');
  }
}
