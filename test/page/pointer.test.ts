/** Explaining what is under the pointer: which moves, taps and keys reach the annotator. */
import { expect, it } from 'vitest';
import { explainUnderPointer } from '../../src/page/pointer';

const pointedAt: [number, number][] = [];
let hidden = 0;
explainUnderPointer(document, { pointerAt: (x, y) => pointedAt.push([x, y]), hideTooltip: () => (hidden += 1) });
const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

it('looks once a frame, where the pointer is at that frame, not where it first moved', async () => {
  pointedAt.length = 0;
  const moves: [number, number][] = [
    [2, 2],
    [20, 30],
    [40, 50],
  ];
  for (const [clientX, clientY] of moves)
    document.dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, pointerType: 'mouse' }));
  await nextFrame();
  expect(pointedAt).toEqual([[40, 50]]);
});

it('explains a tap where it lands, and no mouse click', () => {
  pointedAt.length = 0;
  document.dispatchEvent(new PointerEvent('pointerup', { clientX: 7, clientY: 9, pointerType: 'touch' }));
  document.dispatchEvent(new PointerEvent('pointerup', { clientX: 8, clientY: 9, pointerType: 'mouse' }));
  expect(pointedAt).toEqual([[7, 9]]);
});

it('hides the tooltip on Escape, a scroll and the mouse leaving the page, not a touch leaving it', () => {
  hidden = 0;
  dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  document.body.dispatchEvent(new Event('scroll'));
  document.documentElement.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'touch' }));
  document.documentElement.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
  expect(hidden).toBe(3);
});
