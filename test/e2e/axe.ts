/** axe-core in a browser page, at WCAG 2.1 AA: what the accessibility tests of every page run. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, NodeResult } from 'axe-core';
import type { Page } from 'puppeteer-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Finding {
  readonly rule: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string | undefined }[];
}

export interface Audit {
  readonly violations: readonly Finding[];
  /** What axe could not decide: the tests require none, so that nothing passes unmeasured. */
  readonly incomplete: readonly Finding[];
  /** The elements whose text colour contrast was measured, with whether their text is Arabic. */
  readonly contrastMeasured: readonly { readonly target: string; readonly arabic: boolean }[];
}

/**
 * Runs axe in `page` at WCAG 2.1 AA. axe is injected through the test driver, to which the extension pages'
 * Content-Security-Policy does not apply.
 */
export async function audit(page: Page): Promise<Audit> {
  // Once a page: a page audited again (another tooltip open) has it already.
  const injected = await page.evaluate(() => typeof (globalThis as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!injected) await page.evaluate(axeSource);
  const results: Pick<AxeResults, 'violations' | 'incomplete' | 'passes'> = await page.evaluate(async (tags) => {
    const { axe } = globalThis as unknown as { axe: typeof import('axe-core') };
    // axe takes a text for an icon ligature when it renders narrower than its letters one by one, as joined Arabic
    // does, and then skips its contrast: measured at a width proportional to its length, Arabic is read as text.
    const arabic = /[\u0600-\u06ff]/;
    const canvas = CanvasRenderingContext2D.prototype;
    const measureText = Object.getOwnPropertyDescriptor(canvas, 'measureText');
    if (measureText === undefined) throw new Error('no CanvasRenderingContext2D.measureText');
    const measure = measureText.value as (this: CanvasRenderingContext2D, text: string) => TextMetrics;
    Object.defineProperty(canvas, 'measureText', {
      ...measureText,
      value(this: CanvasRenderingContext2D, text: string): TextMetrics {
        return arabic.test(text) ? ({ width: 16 * text.length } as TextMetrics) : measure.call(this, text);
      },
    });
    try {
      const { violations, incomplete, passes } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      // Only what can cross back to the test: plain data.
      return JSON.parse(JSON.stringify({ violations, incomplete, passes: passes.filter((rule) => rule.id === 'color-contrast') })) as Pick<
        AxeResults,
        'violations' | 'incomplete' | 'passes'
      >;
    } finally {
      Object.defineProperty(canvas, 'measureText', measureText);
    }
  }, WCAG_21_AA);
  const finding = ({ id, impact, help, nodes }: AxeResults['violations'][number]): Finding => ({
    rule: id,
    impact,
    help,
    nodes: nodes.map((node: NodeResult) => ({ target: JSON.stringify(node.target), summary: node.failureSummary })),
  });
  return {
    violations: results.violations.map(finding),
    incomplete: results.incomplete.map(finding),
    contrastMeasured: results.passes.flatMap((rule) =>
      rule.nodes.map((node) => ({ target: JSON.stringify(node.target), arabic: /[\u0600-\u06ff]/.test(node.html) })),
    ),
  };
}
