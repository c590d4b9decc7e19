/**
 * What a page changed in an annotation's words, against the reference.
 * Pure: compares two normalised texts word by word, so that every
 * orthographic difference the normalisation folds (marks, tatweel, letter
 * and digit forms, quotation marks, spacing, invisible marks, markup
 * splitting a word) is never a change, and numbers compare by value (their
 * digits are folded to one script).
 */
import { words } from './tokens';
import { itemAt } from './item-at';

export interface WordChange {
  readonly kind: 'replaced' | 'inserted' | 'deleted';
  /**
   * Where it is in the page text: the words replaced or inserted; for a
   * deletion, the words on either side of the gap.
   */
  readonly page: readonly [number, number];
  /** The reference words replaced or deleted (an empty span where they were inserted). */
  readonly reference: readonly [number, number];
  /** A figure changed: every word on both sides is a number. */
  readonly figure: boolean;
}

const NUMBER = /^[0-9]+$/;

interface Spelled {
  readonly text: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

function spelled(text: string): Spelled {
  const found = words(text);
  return {
    text: Array.from({ length: found.count }, (_, word) => text.slice(found.starts[word], found.ends[word])),
    starts: found.starts,
    ends: found.ends,
  };
}

/** The pairs of equal words, in order, of a longest common subsequence of the two word lists. */
function commonWords(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  const lengths = new Int32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? itemAt(lengths, (i + 1) * width + j + 1) + 1
          : Math.max(itemAt(lengths, (i + 1) * width + j), itemAt(lengths, i * width + j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (itemAt(lengths, (i + 1) * width + j) >= itemAt(lengths, i * width + j + 1)) i += 1;
    else j += 1;
  }
  return pairs;
}

/** The substantive changes from the reference's words to the page's, both normalised texts. */
export function wordChanges(reference: string, page: string): WordChange[] {
  const from = spelled(reference);
  const to = spelled(page);
  const changes: WordChange[] = [];
  const span = (list: Spelled, first: number, end: number): [number, number] => {
    if (end > first) return [itemAt(list.starts, first), itemAt(list.ends, end - 1)];
    // No words: the point where the next word starts, or, past the last word, where it ends.
    const point = first < list.starts.length ? itemAt(list.starts, first) : itemAt(list.ends, first - 1);
    return [point, point];
  };
  let [i, j] = [0, 0];
  for (const [nextI, nextJ] of [...commonWords(from.text, to.text), [from.text.length, to.text.length] as [number, number]]) {
    if (nextI > i || nextJ > j) {
      const removed = from.text.slice(i, nextI);
      const added = to.text.slice(j, nextJ);
      const kind = removed.length === 0 ? 'inserted' : added.length === 0 ? 'deleted' : 'replaced';
      // A deletion shows as the page words on either side of the gap.
      const page: [number, number] =
        kind === 'deleted' ? [itemAt(to.starts, Math.max(0, j - 1)), itemAt(to.ends, Math.min(to.text.length - 1, j))] : span(to, j, nextJ);
      const figure = removed.length > 0 && added.length > 0 && [...removed, ...added].every((word) => NUMBER.test(word));
      changes.push({ kind, page, reference: span(from, i, nextI), figure });
    }
    [i, j] = [nextI + 1, nextJ + 1];
  }
  return changes;
}
