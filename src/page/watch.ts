/**
 * Calls back when the page's content changes, debounced so that a page that
 * mutates constantly costs little: after `quietMs` without change, or at the
 * latest `maxWaitMs` after the first change, then in idle time where the
 * browser offers it (waiting at most `idleMs` for it). Changes inside the extension's own UI are ignored.
 */
import { OWN_UI_ATTRIBUTE } from './read-text';

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

export function watchContent(root: Node, onChange: () => void, timing: WatchTiming = DEFAULT_TIMING): () => void {
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
          onChange();
        },
        { timeout: timing.idleMs },
      );
    } else {
      onChange();
    }
  };

  const observer = new MutationObserver((records) => {
    if (records.every(ownUiOnly)) return;
    clearTimeout(quiet);
    quiet = setTimeout(run, timing.quietMs);
    deadline ??= setTimeout(run, timing.maxWaitMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(deadline);
    if (idle !== undefined) view.cancelIdleCallback(idle);
  };
}
