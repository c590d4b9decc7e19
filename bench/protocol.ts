/** What the in-page harness (bench/page-entry.ts) returns to the runner (bench/run.ts): plain data only. */

/** How one tool did on one page, judged against the article's own text. */
export interface Placements {
  /** Quotes (of 12) placed in the story with exactly their text, compared normalised. */
  readonly quotesCorrect: number;
  /** Quotes placed anywhere else, or with other text, or marked more than once. */
  readonly quotesWrong: number;
  readonly claimsCorrect: number;
  readonly claimsWrong: number;
}

export interface RunResult extends Placements {
  readonly ms: number;
}

export interface FloorResult {
  readonly ms: number;
  readonly chars: number;
}

export interface PageInfo {
  readonly textChars: number;
  /** UTF-8 bytes of the text of every text node in the body. */
  readonly textBytes: number;
  readonly elements: number;
  readonly textNodes: number;
}

/** Isnad's pipeline, stage by stage, in ms; a stage the page did not reach is absent. */
export interface Stages {
  readonly indexMs: number;
  readonly readPageTextMs: number;
  readonly precheckMs: number;
  readonly prechecked: boolean;
  readonly normalizeMs?: number;
  readonly detectMs?: number;
  readonly found?: boolean;
  readonly anchorMs?: number;
  readonly toSourceMs?: number;
  readonly domRangeMs?: number;
  readonly paintMs?: number;
  /** Diagnostics, run after the pipeline on the same page. */
  readonly readPageTextWithoutStyleMs: number;
  readonly computedStyleLoopMs: number;
  /** anchorAll again on the normalised page text cut 1,000 characters after the article's last paragraph: what anchoring costs without the rest of the page. */
  readonly anchorCutMs?: number;
  /** Whether the page holds a mark the pre-check strips (harakat, tanween, tatweel, invisible marks): then a failed first count is retried on a stripped copy of the whole text. */
  readonly marksOnPage: boolean;
  /** Inside detect: tokenising the page (tokens.words), and looking each page word up in the article's vocabulary (its loop, re-run here). */
  readonly wordsMs?: number;
  readonly wordLookupMs?: number;
  readonly pageChars: number;
  readonly normalizedChars?: number;
  readonly pageWords?: number;
  readonly probesFound: number;
  readonly probes: number;
}

export type PeerName = 'hypothesis' | 'apache-annotator' | 'mark.js';
export type ToolName = 'floor' | 'isnad' | PeerName;

export interface IsnadBench {
  /** Rebuilds the body from the HTML it was served with and computes its style; drops what earlier runs kept. */
  reset(): void;
  /** Empties the body and drops what runs kept. */
  empty(): void;
  info(): PageInfo;
  floor(): FloorResult;
  isnad(): RunResult;
  stages(): Stages;
  hypothesis(): RunResult;
  'apache-annotator'(): Promise<RunResult>;
  'mark.js'(): RunResult;
}

declare global {
  var isnadBench: IsnadBench | undefined;
}
