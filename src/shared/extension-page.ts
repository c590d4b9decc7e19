/** What Isnad's own pages (the popup, the welcome page) share to build themselves: DOM APIs and textContent only. */
import type { Messages, UiLanguage } from './ui-language';

/** The page's element with this id, checked to be of the expected kind. */
export function elementById(id: string): HTMLElement;
export function elementById<T extends HTMLElement>(id: string, kind: new () => T): T;
export function elementById(id: string, kind: new () => HTMLElement = HTMLElement): HTMLElement {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`${location.pathname} has no ${kind.name} #${id}`);
  return found;
}

export function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The page in the UI language: its language and direction, and the text of every element marked `data-i18n`. */
export function localizePage(lang: UiLanguage, message: Messages): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = message('@@bidi_dir');
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = message(node.dataset.i18n ?? '');
}
