/**
 * Explaining what is under the pointer: hover with a mouse, tap on a touch
 * screen; Escape, a scroll, or the mouse leaving the page hides the
 * tooltip. Shared by the content script and the welcome page's sample.
 */
import type { Annotator } from './annotator';

export function explainUnderPointer(document: Document, annotator: Pick<Annotator, 'pointerAt' | 'hideTooltip'>): void {
  // One look a frame, at where the pointer is by then: a quick move ends far from where it began.
  let frame = 0;
  let x = 0;
  let y = 0;
  document.addEventListener(
    'pointermove',
    (event) => {
      ({ clientX: x, clientY: y } = event);
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        annotator.pointerAt(x, y);
      });
    },
    { passive: true },
  );
  // Touch screens have no hover: a tap explains what is under it, and a tap elsewhere hides it. A touch that
  // scrolls ends in pointercancel, not pointerup.
  document.addEventListener(
    'pointerup',
    (event) => {
      if (event.pointerType !== 'mouse') annotator.pointerAt(event.clientX, event.clientY);
    },
    { passive: true },
  );
  const hide = (): void => {
    annotator.hideTooltip();
  };
  // A touch pointer leaves the page at the end of every tap: only a mouse leaving hides the tooltip.
  document.documentElement.addEventListener(
    'pointerleave',
    (event) => {
      if (event.pointerType === 'mouse') hide();
    },
    { passive: true },
  );
  addEventListener('scroll', hide, { passive: true, capture: true });
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
