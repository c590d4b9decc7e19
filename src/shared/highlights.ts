/**
 * The public names of Isnad's highlights in the page's CSS highlight
 * registry, and their style. Documented in the README: pages and other tools
 * may read them.
 */
import type { Speaker } from '../article/schema';

export const quoteHighlightName = (speakerId: string): string => `isnad-quote-${speakerId}`;
export const CLAIM_HIGHLIGHT = 'isnad-claim';
/** The page's words that differ in substance from the reference, inside placed quotes and claims. */
export const CHANGED_HIGHLIGHT = 'isnad-changed';
/** Placed quotes whose attribution on the page names another known speaker. */
export const MISATTRIBUTED_HIGHLIGHT = 'isnad-misattributed';

/** The claims' neutral grey, wherever a claim is drawn: its underline, its swatch, the tooltip's edge. */
export const CLAIM_GREY = '#808080';

/** Behind the words a page changed, on the page and in the tooltip alike. */
export const CHANGED_TINT = 'rgba(230, 159, 0, 0.45)';

/** The opacity of the tint behind a quote, light enough for dark text and for light text on dark pages. */
export const QUOTE_TINT = 0.22;

/** `#rrggbb` with an alpha, as rgba(): a tint behind painted words, or a swatch that shows one. */
export function tint(color: string, alpha: number): string {
  const channel = (offset: number): number => Number.parseInt(color.slice(offset, offset + 2), 16);
  return `rgba(${channel(1)}, ${channel(3)}, ${channel(5)}, ${alpha})`;
}

/**
 * The stylesheet that paints the highlights. Only the properties ::highlight
 * allows, and never the text colour, so that the page's own text stays
 * legible on light and dark pages alike.
 */
export function highlightStyles(speakers: readonly Speaker[]): string {
  const rules = speakers.map(
    (speaker) =>
      `::highlight(${quoteHighlightName(speaker.id)}) {\n` +
      `  background-color: ${tint(speaker.color, QUOTE_TINT)};\n` +
      `  text-decoration: underline ${speaker.cue} ${speaker.color} 2px;\n` +
      `}`,
  );
  rules.push(
    `::highlight(${CLAIM_HIGHLIGHT}) {\n` +
      `  background-color: ${tint(CLAIM_GREY, 0.14)};\n` +
      `  text-decoration: underline dotted ${CLAIM_GREY} 2px;\n` +
      `}`,
    // Above the text, where no speaker's cue is drawn, so that they tell without colour.
    `::highlight(${MISATTRIBUTED_HIGHLIGHT}) {\n` + `  text-decoration: overline double rgb(204, 0, 102) 2px;\n` + `}`,
    `::highlight(${CHANGED_HIGHLIGHT}) {\n` +
      `  background-color: ${CHANGED_TINT};\n` +
      `  text-decoration: overline wavy rgb(180, 60, 0) 2px;\n` +
      `}`,
  );
  return `${rules.join('\n')}\n`;
}
