/**
 * The reference text of a synthetic article, written paragraph by
 * paragraph, with the places of its annotations' words recorded as they
 * are written; then each place as a TextQuoteSelector that picks it alone.
 */
import type { Target } from '../../src/article/schema';
import { occurrences, quoteMatches } from '../../src/article/text-quote';
import { normalize } from '../../src/engine/normalize';
import { words } from '../../src/engine/tokens';

/** Characters of context on each side: as much as the bundled article gives. */
const CONTEXT = 32;

export class ReferenceWriter {
  readonly #paragraphs: string[] = [];
  #current = '';
  /** Where the current paragraph starts in the reference text (paragraphs joined by "\n"). */
  #offset = 0;
  readonly #places = new Map<string, readonly [number, number]>();
  /** The paragraphs joined, once they are all written. */
  #text: string | undefined;

  write(text: string): this {
    this.#current += text;
    return this;
  }

  /** Writes words an annotation points at, under `key`. */
  mark(key: string, text: string): this {
    const start = this.#offset + this.#current.length;
    this.#places.set(key, [start, start + text.length]);
    return this.write(text);
  }

  /** The paragraph being written. */
  get current(): string {
    return this.#current;
  }

  /** Forgets the paragraph being written, and what was marked in it. */
  discardParagraph(): void {
    for (const [key, [start]] of this.#places) if (start >= this.#offset) this.#places.delete(key);
    this.#current = '';
  }

  endParagraph(): void {
    this.#text = undefined;
    this.#paragraphs.push(this.#current);
    this.#offset += this.#current.length + 1;
    this.#current = '';
  }

  get paragraphs(): readonly string[] {
    return this.#paragraphs;
  }

  /**
   * The selector of the words marked `key`: with context on both sides, or
   * (`bare`) without where the words occur once; undefined where no
   * context within the paragraphs' text tells them from a repeat.
   */
  selector(key: string, bare = false): Target | undefined {
    const place = this.#places.get(key);
    if (place === undefined) throw new Error(`nothing marked "${key}"`);
    const text = (this.#text ??= this.#paragraphs.join('\n'));
    const [start, end] = place;
    const exact = text.slice(start, end);
    if (bare && occurrences(text, exact).length === 1) return { exact };
    for (let context = CONTEXT; context <= 4 * CONTEXT; context *= 2) {
      const prefix = text.slice(Math.max(0, start - context), start);
      const suffix = text.slice(end, end + context);
      const target: Target = { exact, ...(prefix === '' ? {} : { prefix }), ...(suffix === '' ? {} : { suffix }) };
      const matches = quoteMatches(text, target);
      if (matches.length === 1 && matches[0] === start) return target;
    }
    return undefined;
  }
}

/** A paragraph's runs of three words, as the engine reads words, in order. */
export function phrases(paragraph: string): string[] {
  const { text } = normalize(paragraph);
  const found = words(text);
  const spelled = Array.from({ length: found.count }, (_, word) => text.slice(found.starts[word], found.ends[word]));
  return spelled.slice(2).map((_, first) => spelled.slice(first, first + 3).join(' '));
}
