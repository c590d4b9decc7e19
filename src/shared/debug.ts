/**
 * The debug switch: `storage.local` key `debug` set to true, by the
 * benchmark and the browser tests, never by the UI. Only with it on does the
 * content script leave what a page could see: performance entries
 * (`isnad:ready`, `isnad:scan`, the measure `isnad:annotate`) and an open
 * shadow root on its tooltip.
 */
import { extensionApi as browser } from './extension-api';

export const DEBUG_KEY = 'debug';

export async function loadDebugSwitch(): Promise<boolean> {
  try {
    return (await browser.storage.local.get(DEBUG_KEY))[DEBUG_KEY] === true;
  } catch {
    return false;
  }
}
