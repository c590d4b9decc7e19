/**
 * The messages the extension's parts send each other, with the answer each
 * expects. One table, so a sender and its receiver cannot disagree on shape.
 */
import { extensionApi as browser } from './extension-api';
import { isEncodedKeys } from './phrase-keys';
import type { Article } from '../article/schema';
import type { UnplacedReason } from '../engine/anchor';
import type { SeenProbes } from '../engine/catalogue-index';

/** What the content script found on its page. */
export interface ArticleFound {
  readonly articleId: string;
  /** Share of the article on the page, 0 to 1. */
  readonly coverage: number;
  /** Indices of the article's paragraphs found on the page. */
  readonly paragraphs: readonly number[];
  /** Ids of the annotations placed on the page. */
  readonly placed: readonly string[];
  /** Annotations that could not be placed, and why. */
  readonly unplaced: readonly { readonly id: string; readonly reason: UnplacedReason }[];
  /** What the page changed in the words of placed annotations: never spelling, only words and figures. */
  readonly changes: readonly AnnotationChange[];
  /** Placed quotes the page credits to another known speaker: the quote's id, and the speaker the page names. */
  readonly misattributed: readonly { readonly id: string; readonly named: string }[];
  /** The page's own text of each placed annotation it changed, by id. */
  readonly pageTexts: readonly { readonly id: string; readonly text: string }[];
}

/** A word or figure of a placed annotation that the page changed, with the words on both sides as written. */
export interface AnnotationChange {
  readonly id: string;
  readonly kind: 'replaced' | 'inserted' | 'deleted';
  readonly figure: boolean;
  readonly pageWords: string;
  readonly referenceWords: string;
  /** Where the page words are in the annotation's text on the page, and the reference words in its `exact`. */
  readonly pageAt: readonly [number, number];
  readonly referenceAt: readonly [number, number];
}

/** Which way keyboard navigation moves through the annotations. */
export type Direction = 'next' | 'previous';

/** What the content script knows about its page. */
export interface PageStatus {
  /** The articles found on the page, in the order they were found; none on most pages. */
  readonly found: readonly ArticleFound[];
}

/** An article the detector found on a page, for the annotator: its data. */
export interface ArticleToPaint {
  readonly article: Article;
}

/** The background's answer to the detector. */
export interface Detection {
  /** The debug switch (see `debug.ts`). */
  readonly debug: boolean;
  /** The probes seen on the page, per article number: what later changes are judged against. */
  readonly seen: SeenProbes;
  /** The articles the page may hold; where there are any, the annotator is in the frame (added now if it was not). */
  readonly found: readonly ArticleToPaint[];
}

interface Protocol {
  /**
   * Detector → background: the keys of the page's sampled phrases (`phrase-keys.ts`), its text's length, and whether
   * the frame has the annotator already; which known articles may it hold?
   */
  detect: { request: { readonly keys: string; readonly length: number; readonly annotator: boolean }; response: Detection };
  /**
   * Detector → background: the keys of the sampled phrases a change added to a page, and the probes seen on the page
   * so far: does the page now hold enough of an article to be read again?
   */
  'judge-added': {
    request: { readonly keys: string; readonly seen: SeenProbes };
    response: { readonly worth: boolean; readonly seen: SeenProbes };
  };
  /**
   * Content script → background: a scan of this tab's page ended; `placed` is null where no article was found,
   * `findings` how many changes of wording and misattributions the page made.
   */
  'page-scanned': { request: { readonly placed: number | null; readonly findings: number }; response: undefined };
  /** Popup → content script of a tab: what is on this page? */
  'page-status': { request: object; response: PageStatus };
  /** Background (a keyboard shortcut) → content script: move to the next or previous annotation. */
  navigate: { request: { readonly direction: Direction }; response: string | null };
  /** Popup → content script: scroll to an annotation of an article, select it and explain it. */
  'go-to': { request: { readonly articleId: string; readonly id: string }; response: boolean };
  /** Content script → background: these articles are painted in this frame; add their highlight styles to it. */
  'inject-styles': { request: { readonly articleIds: readonly string[] }; response: boolean };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { readonly type: T } & Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];

const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
/** An article's or annotation's id, as the schema has them: lower-case words joined by hyphens. */
const isId = (value: unknown): boolean => typeof value === 'string' && value.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
/** Probe numbers per article number: a plain object of count arrays, as the background gave it. */
const isSeen = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(
    ([article, probes]) => isCount(Number(article)) && Array.isArray(probes) && probes.length <= 255 && probes.every(isCount),
  );

/** Each message's fields, checked one by one: a message is only ever acted on whole. */
const validFields: { readonly [T in MessageType]: (message: Readonly<Record<string, unknown>>) => boolean } = {
  detect: ({ keys, length, annotator }) => isEncodedKeys(keys) && isCount(length) && typeof annotator === 'boolean',
  'judge-added': ({ keys, seen }) => isEncodedKeys(keys) && isSeen(seen),
  'page-scanned': ({ placed, findings }) => (placed === null || isCount(placed)) && isCount(findings),
  'page-status': () => true,
  navigate: ({ direction }) => direction === 'next' || direction === 'previous',
  'go-to': ({ articleId, id }) => isId(articleId) && isId(id),
  'inject-styles': ({ articleIds }) => Array.isArray(articleIds) && articleIds.length <= 100 && articleIds.every(isId),
};

export function isMessage<T extends MessageType>(value: unknown, type: T): value is Message<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const message = value as Readonly<Record<string, unknown>>;
  return message.type === type && validFields[type](message);
}

/** A message to the background, and its answer: none where no listener answered (a background still starting). */
export function sendToBackground<T extends MessageType>(message: Message<T>): Promise<Response<T> | undefined> {
  return browser.runtime.sendMessage<Message<T>, Response<T> | undefined>(message);
}

export function sendToTab<T extends MessageType>(tabId: number, message: Message<T>): Promise<Response<T>> {
  return browser.tabs.sendMessage<Message<T>, Response<T>>(tabId, message);
}
