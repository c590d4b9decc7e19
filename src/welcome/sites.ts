/** The listed sites as a reader reads them: `*://*.bbc.com/arabic*` is «bbc.com/arabic». Pure. */
export function siteLabel(pattern: string): string {
  return pattern
    .replace(/^[^:]+:\/\//, '')
    .replace(/^\*\./, '')
    .replace(/\/?\*$/, '');
}
