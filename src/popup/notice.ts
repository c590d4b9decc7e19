/**
 * The popup's alert line: what just failed and why, in the reader's
 * language. The region stays in the page (empty when there is nothing to
 * say) so that screen readers announce each new message.
 */

/** The messages (in _locales) the popup may raise. */
export const NOTICE_MESSAGES = [
  'popupSaveFailed',
  'popupEverywhereRefused',
  'popupEverywhereFailed',
  'popupEverywhereNotRemoved',
  'popupScanNoTab',
  'popupScanBrowserPage',
  'popupScanStore',
  'popupScanRefused',
] as const;

export type NoticeMessage = (typeof NOTICE_MESSAGES)[number];

export interface Notice {
  /** Shows a message, and after it the browser's own words where there are some. */
  show(name: NoticeMessage, detail?: string): void;
  clear(): void;
}

export function noticeIn(region: HTMLElement, message: (name: NoticeMessage) => string): Notice {
  return {
    show(name, detail) {
      const text = document.createElement('span');
      text.textContent = message(name);
      if (detail === undefined || detail === '') {
        region.replaceChildren(text);
        return;
      }
      // The browser's words are in its own language and direction, whatever the popup's.
      const said = document.createElement('bdi');
      said.className = 'detail';
      said.textContent = detail;
      region.replaceChildren(text, ' ', said);
    },
    clear() {
      region.replaceChildren();
    },
  };
}

/** An error's text, for `detail`. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
