/** The language of Isnad's own words, one of the two every article is annotated in. */
import type { I18n } from 'webextension-polyfill';

export type UiLanguage = 'ar' | 'en';

/** `browser.i18n.getMessage`, injected. */
export type Messages = (name: string, substitutions?: string[]) => string;

/** Arabic where the browser's interface is in Arabic, English everywhere else. */
export function uiLanguage(i18n: Pick<I18n.Static, 'getUILanguage'>): UiLanguage {
  return i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'ar' : 'en';
}
