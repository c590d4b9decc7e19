/** What this page changed against the report: each change of wording, figure and attribution leads to its place; then what it leaves out. */
import type { Claim, Quote, Speaker } from '../article/schema';
import { goToButton, type GoTo, type Words } from './dom';
import { make } from '../shared/extension-page';
import { isolate, isolatedNodes } from '../shared/isolate';
import type { Summary } from './summary';

export interface FindingsView {
  readonly rows: HTMLLIElement[];
  /** How many changes the page made, as a line. */
  readonly count: string;
}

export function renderFindings(summary: Summary, { lang, message }: Words, goTo: GoTo): FindingsView {
  const { findings, article } = summary;
  // The line keeps the UI's direction; the article's words in it are isolated (isolate.ts).
  const item = (id: string, text: string): HTMLLIElement => {
    const entry = make('li');
    const button = goToButton(id, 'item finding', goTo);
    button.append(...isolatedNodes(document, text));
    entry.append(button);
    return entry;
  };
  const meta = (text: string): HTMLLIElement => {
    const entry = make('li', 'meta');
    entry.append(...isolatedNodes(document, text));
    return entry;
  };
  const name = (speaker: Speaker | undefined): string => speaker?.name[lang] ?? '';
  const excerpt = (annotation: Quote | Claim): string => isolate(`«${annotation.target.exact}»`);
  const rows = [
    ...findings.misattributed.map(({ quote, named, speaker }) =>
      item(quote.id, message('popupFindingMisattributed', [excerpt(quote), name(named), name(speaker)])),
    ),
    ...findings.figures.map(({ annotation, change }) =>
      item(annotation.id, message('popupFindingFigure', [isolate(change.pageWords), isolate(change.referenceWords), excerpt(annotation)])),
    ),
    ...findings.rewritten.map((quote) =>
      meta(message('popupFindingRewritten', [excerpt(quote), name(article.speakers.find((speaker) => speaker.id === quote.speaker))])),
    ),
    ...findings.altered.map(({ annotation, changes }) =>
      item(
        annotation.id,
        message('popupFindingAltered', [
          excerpt(annotation),
          changes
            .map((change) =>
              isolate(
                change.kind === 'deleted'
                  ? `− ${change.referenceWords}`
                  : change.kind === 'inserted'
                    ? `+ ${change.pageWords}`
                    : `${change.pageWords} ← ${change.referenceWords}`,
              ),
            )
            .join(lang === 'ar' ? '، ' : '; '),
        ]),
      ),
    ),
    ...findings.omittedQuotes.map(({ speaker, missing, quotes }) =>
      make('li', 'meta', message('popupFindingOmittedQuotes', [String(missing), String(quotes), name(speaker)])),
    ),
    ...(findings.omittedClaims > 0
      ? [make('li', 'meta', message('popupFindingOmittedClaims', [String(findings.omittedClaims), String(summary.claims.length)]))]
      : []),
  ];
  return { rows, count: message('popupFindingsCount', [String(findings.count)]) };
}
