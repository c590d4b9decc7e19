/**
 * Calls back when the page's content changes, with what changed: debounced
 * so that a page that mutates constantly costs little (after `quietMs`
 * without change, or at the latest `maxWaitMs` after the first change, then
 * in idle time where the browser offers it, waiting at most `idleMs` for
 * it), and with the nodes added or changed, so that they can be judged
 * without reading the page. Changes inside the extension's own UI are ignored.
 */
import { OWN_UI_ATTRIBUTE } from '../shared/own-ui';

export interface WatchTiming {
  readonly quietMs: number;
  readonly maxWaitMs: number;
  readonly idleMs: number;
}

/** Content arriving after load is handled within a second: 500 ms at most to settle, 300 ms at most for idle time. */
export const DEFAULT_TIMING: WatchTiming = { quietMs: 200, maxWaitMs: 500, idleMs: 300 };

const isOwnUi = (node: Node): boolean => {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
};

/** A change to the extension's own UI only: inside it, or adding or removing nothing but its host. */
const ownUiOnly = (record: MutationRecord): boolean =>
  isOwnUi(record.target) ||
  (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every((node) => node.nodeType === 1 && isOwnUi(node)));

/** What changed since the last call back. */
export interface PageChanges {
  /** Nodes added, and text nodes whose text changed (at most MAX_CHANGED_NODES). */
  readonly nodes: readonly Node[];
  /** More nodes changed than were kept: judge the page as a whole. */
  readonly overflow: boolean;
}

/**
 * Changed nodes kept between two call backs; past this, a change is judged on the whole page's native text.
 * A page that replaces a list of a few hundred items every tenth of a second stays under it: judging what it
 * added costs that text's phrases and a short message, where a new reading of the page costs the whole page.
 */
export const MAX_CHANGED_NODES = 5000;

/** Gathers the nodes that mutation records add or change, outside the extension's own UI. */
export class ChangeCollector {
  #nodes = new Set<Node>();
  #overflow = false;

  /** Keeps what the records changed; false when all of it was the extension's own UI. */
  collect(records: readonly MutationRecord[]): boolean {
    let counted = false;
    for (const record of records) {
      if (ownUiOnly(record)) continue;
      counted = true;
      if (record.type === 'characterData') this.#keep(record.target);
      else for (const node of record.addedNodes) if (!isOwnUi(node)) this.#keep(node);
    }
    return counted;
  }

  #keep(node: Node): void {
    if (this.#overflow) return;
    if (this.#nodes.size >= MAX_CHANGED_NODES) {
      this.#overflow = true;
      this.#nodes.clear();
    } else this.#nodes.add(node);
  }

  /** What was gathered since the last take. */
  take(): PageChanges {
    const changes = { nodes: [...this.#nodes], overflow: this.#overflow };
    this.#nodes = new Set();
    this.#overflow = false;
    return changes;
  }
}

/** A running watch. */
export interface Watch {
  /** Changes to the page (outside Isnad's own UI) seen so far, counted as they happen, before any call back: has the page changed since? */
  readonly changes: number;
  stop(): void;
}

export function watchContent(root: Node, onChange: (changes: PageChanges) => void, timing: WatchTiming = DEFAULT_TIMING): Watch {
  const view = (root.ownerDocument ?? (root as Document)).defaultView ?? globalThis;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;

  const run = (): void => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    if (typeof view.requestIdleCallback === 'function') {
      if (idle !== undefined) return;
      idle = view.requestIdleCallback(
        () => {
          idle = undefined;
          onChange(changes.take());
        },
        { timeout: timing.idleMs },
      );
    } else {
      onChange(changes.take());
    }
  };

  const changes = new ChangeCollector();
  let seen = 0;
  const observer = new MutationObserver((records) => {
    if (!changes.collect(records)) return;
    seen += 1;
    clearTimeout(quiet);
    quiet = setTimeout(run, timing.quietMs);
    deadline ??= setTimeout(run, timing.maxWaitMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    get changes() {
      return seen;
    },
    stop: () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
      if (idle !== undefined) view.cancelIdleCallback(idle);
    },
  };
}
