/**
 * Text of one direction inside a sentence of the other: an Arabic quotation
 * in an English line of the popup. Messages are composed as strings, with
 * each such stretch between U+2068 FIRST STRONG ISOLATE and U+2069 POP
 * DIRECTIONAL ISOLATE; shown, each becomes a <bdi>, whose direction is its
 * own, so the sentence around it keeps the UI's direction.
 */
const FSI = '\u2068';
const PDI = '\u2069';

export const isolate = (text: string): string => `${FSI}${text}${PDI}`;

/** `text` as nodes: each isolated stretch a <bdi>, the rest text; the marks themselves dropped. */
export function isolatedNodes(document: Document, text: string): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (let start = text.indexOf(FSI); start >= 0; start = text.indexOf(FSI, at)) {
    const end = text.indexOf(PDI, start + 1);
    if (end < 0) break;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    const bdi = document.createElement('bdi');
    bdi.textContent = text.slice(start + 1, end);
    nodes.push(bdi);
    at = end + 1;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}
