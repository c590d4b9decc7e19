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

/** Isnad's pipeline (scanPage), stage by stage, in ms as each stage ends; a stage the page did not reach is absent. */
export interface Stages {
  /** Indexing the article: done once, when the content script starts. */
  readonly indexMs: number;
  /** The page's native text (textContent). */
  readonly nativeMs: number;
  /** The probes looked for in it, in one pass. */
  readonly precheckMs: number;
  /** The text nodes where the probes cluster, by one walk over text nodes. */
  readonly locateMs?: number;
  /** The visible text of those stretches, with computed styles. */
  readonly readMs?: number;
  /** Normalising, detecting and anchoring in that text. */
  readonly matchMs?: number;
  /** A DOM range per placed annotation. */
  readonly rangesMs?: number;
  readonly outcome: 'rejected' | 'read' | 'found';
  readonly nativeChars: number;
  /** Characters of visible text read with styles: the article's region, not the page. */
  readonly readChars: number;
  readonly probesFound: number;
  readonly probes: number;
}

/** Judging a change that added about 1 KB of text, after a scan. */
export interface RescanResult {
  readonly ms: number;
  /** Whether the change called for a new scan. */
  readonly rescans: boolean;
  readonly addedBytes: number;
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
  rescan(): RescanResult;
  stages(): Stages;
  hypothesis(): RunResult;
  'apache-annotator'(): Promise<RunResult>;
  'mark.js'(): RunResult;
}

declare global {
  var isnadBench: IsnadBench | undefined;
}
