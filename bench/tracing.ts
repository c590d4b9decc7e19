/**
 * Recording a Chromium trace over CDP, with marks: a clock-sync marker is
 * stamped by the browser on the trace's own clock when asked, so the window
 * of a measure is known exactly even when nothing else was recorded then
 * (a quiet tab records no events at all).
 */
import type { CDPSession } from 'puppeteer-core';
import type { TraceEvent } from './trace';

export async function startTrace(cdp: CDPSession, categories: readonly string[]): Promise<void> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories], excludedCategories: ['*'] },
    transferMode: 'ReturnAsStream',
  });
}

/** Stamps `id` into the trace at this moment (a `clock_sync` event). */
export async function markTrace(cdp: CDPSession, id: string): Promise<void> {
  await cdp.send('Tracing.recordClockSyncMarker', { syncId: id });
}

/** Ends the trace and reads its events. */
export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => {
    cdp.once('Tracing.tracingComplete', resolve);
  });
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (stream === undefined) throw new Error('the trace came back without a stream');
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  return (JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] }).traceEvents;
}
