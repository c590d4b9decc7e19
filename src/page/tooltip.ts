/**
 * The tooltip and the screen-reader live region, in a closed shadow root so
 * that page CSS and scripts cannot reach them, under a host whose styles are
 * inline and `!important`, which no page rule outranks. Built with DOM APIs
 * and textContent only, and styled through the CSSOM, which a page's
 * Content-Security-Policy allows. The host enters the page only when
 * something is shown.
 */
import { CHANGED_TINT, CLAIM_GREY } from '../shared/highlights';
import type { TooltipContent } from './describe';
import { OWN_UI_ATTRIBUTE } from '../shared/own-ui';

/** A box in viewport coordinates. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const GAP = 8;

/**
 * Where the tooltip goes: below the hovered line if it fits, else above it,
 * never over it, and kept inside the viewport. Pure, so it is unit-tested.
 */
export function placeTooltip(
  line: Box,
  size: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  rtl: boolean,
): { left: number; top: number } {
  const below = line.bottom + GAP;
  const above = line.top - GAP - size.height;
  const top = below + size.height <= viewport.height - GAP || above < GAP ? below : above;
  const preferred = rtl ? line.right - size.width : line.left;
  const left = Math.max(GAP, Math.min(preferred, viewport.width - size.width - GAP));
  return { left, top: Math.max(GAP, Math.min(top, viewport.height - size.height - GAP)) };
}

type Style = Partial<Record<string, string>>;

function styled<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, style: Style, priority = ''): HTMLElementTagNameMap[K] {
  // In the HTML namespace even in an XML document, where createElement makes elements without a style.
  const element = document.createElementNS('http://www.w3.org/1999/xhtml', tag) as HTMLElementTagNameMap[K];
  for (const [property, value] of Object.entries(style)) if (value !== undefined) element.style.setProperty(property, value, priority);
  return element;
}

const visuallyHidden: Style = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  'white-space': 'nowrap',
};

export class Tooltip {
  readonly #document: Document;
  readonly #host: HTMLElement;
  readonly #box: HTMLDivElement;
  readonly #live: HTMLDivElement;

  /** `openShadowRoot` only for the debug switch, so that browser tests can read what the tooltip says. */
  constructor(document: Document, { openShadowRoot = false } = {}) {
    this.#document = document;
    this.#host = styled(
      document,
      'div',
      {
        all: 'initial',
        display: 'block',
        position: 'fixed',
        top: '0',
        left: '0',
        width: '0',
        height: '0',
        'z-index': '2147483647',
        'pointer-events': 'none',
        visibility: 'visible',
        opacity: '1',
      },
      'important',
    );
    // Text spacing stays the reader's to widen (WCAG 1.4.12): a spacing tool's `!important` rule must reach the
    // host, whose spacing the tooltip inherits, so these two are not `!important`; inline, they still beat page rules.
    for (const property of ['letter-spacing', 'word-spacing']) this.#host.style.setProperty(property, 'normal');
    this.#host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const root = this.#host.attachShadow({ mode: openShadowRoot ? 'open' : 'closed' });
    this.#box = styled(document, 'div', {
      position: 'fixed',
      display: 'none',
      'box-sizing': 'border-box',
      'max-width': 'min(380px, calc(100vw - 16px))',
      padding: '10px 12px',
      'border-radius': '8px',
      'border-inline-start': `5px solid ${CLAIM_GREY}`,
      'box-shadow': '0 4px 16px rgba(0, 0, 0, 0.25)',
      font: '14px/1.5 system-ui, "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif',
      'text-align': 'start',
    });
    this.#box.setAttribute('role', 'tooltip');
    this.#live = styled(document, 'div', visuallyHidden);
    this.#live.setAttribute('role', 'status');
    this.#live.setAttribute('aria-live', 'polite');
    root.append(this.#box, this.#live);
  }

  /** Puts the host into the page (again, if a page re-render removed it). */
  #attach(): void {
    if (!this.#host.isConnected) this.#document.documentElement.append(this.#host);
  }

  get visible(): boolean {
    return this.#box.style.display !== 'none';
  }

  show(content: TooltipContent, line: Box): void {
    this.#attach();
    const dark = this.#document.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ?? false;
    const box = this.#box;
    box.lang = content.lang;
    box.dir = content.lang === 'ar' ? 'rtl' : 'ltr';
    box.style.setProperty('background', dark ? '#1f2328' : '#ffffff');
    box.style.setProperty('color', dark ? '#e6edf3' : '#1f2328');
    box.style.setProperty('border-inline-start-color', content.accent);
    const heading = styled(this.#document, 'div', { 'font-weight': '700' });
    heading.textContent = content.heading;
    const subheading = styled(this.#document, 'div', { 'font-size': '12px', opacity: '0.8', 'margin-bottom': '6px' });
    subheading.textContent = content.subheading;
    const lines = content.lines.map((line) => {
      const element = styled(this.#document, 'div', {
        'font-size': line.kind === 'text' ? '14px' : '12px',
        opacity: line.kind === 'text' ? '1' : '0.8',
        'font-weight': line.kind === 'label' ? '600' : '400',
        'margin-top': line.kind === 'label' ? '6px' : '0',
      });
      element.lang = line.lang;
      element.dir = 'auto';
      element.append(...this.#marked(line.text, line.marks ?? []));
      return element;
    });
    box.replaceChildren(heading, subheading, ...lines);
    // Measured at the viewport's corner, where it has all the width it may take: left where the last showing put it,
    // or at its static position in the right-to-left flow, it would measure narrower and taller than it shows.
    box.style.setProperty('left', '0');
    box.style.setProperty('top', '0');
    box.style.setProperty('display', 'block');
    const view = this.#document.defaultView;
    const { left, top } = placeTooltip(
      line,
      { width: box.offsetWidth, height: box.offsetHeight },
      { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
      box.dir === 'rtl',
    );
    box.style.setProperty('left', `${left}px`);
    box.style.setProperty('top', `${top}px`);
  }

  /** The text as nodes, its marked stretches in <mark> (text only, never markup from the data). */
  #marked(text: string, marks: readonly (readonly [number, number])[]): Node[] {
    const nodes: Node[] = [];
    let at = 0;
    for (const [from, to] of [...marks].sort((a, b) => a[0] - b[0])) {
      if (from < at || to > text.length) continue;
      if (from > at) nodes.push(this.#document.createTextNode(text.slice(at, from)));
      const mark = styled(this.#document, 'mark', { background: CHANGED_TINT, color: 'inherit', 'border-radius': '2px' });
      mark.textContent = text.slice(from, to);
      nodes.push(mark);
      at = to;
    }
    if (at < text.length) nodes.push(this.#document.createTextNode(text.slice(at)));
    return nodes;
  }

  hide(): void {
    this.#box.style.setProperty('display', 'none');
  }

  /** Says `text` to screen readers, politely. */
  announce(text: string): void {
    this.#attach();
    this.#live.textContent = '';
    // A change of content, not the same text again, is what assistive technology announces.
    this.#document.defaultView?.requestAnimationFrame(() => {
      this.#live.textContent = text;
    });
  }
}
