/**
 * The extension API as the browser gives it: Firefox's `browser`, or
 * Chrome's `chrome`, whose Manifest V3 methods return promises as well. The
 * parts that run on every listed page (the content script and what it
 * shares) use this rather than webextension-polyfill, which would be a
 * seventh of the content script; the popup and the background keep the
 * polyfill. Typed by the polyfill's types, which cost nothing at run time.
 */
import type polyfill from 'webextension-polyfill';

type ExtensionApi = typeof polyfill;

/**
 * A page's element whose id is `browser` or `chrome` shows through as a
 * global of that name in Chrome's content scripts: only an object with the
 * API's own functions is taken, own properties of the global first.
 */
function isExtensionApi(value: unknown): value is ExtensionApi {
  return typeof value === 'object' && value !== null && typeof (value as { runtime?: { getURL?: unknown } }).runtime?.getURL === 'function';
}

const scope = globalThis as unknown as Record<'browser' | 'chrome', unknown>;
const candidates = [
  Object.getOwnPropertyDescriptor(globalThis, 'browser')?.value,
  Object.getOwnPropertyDescriptor(globalThis, 'chrome')?.value,
  scope.browser,
  scope.chrome,
];

export const extensionApi: ExtensionApi = candidates.find(isExtensionApi) ?? (scope.chrome as ExtensionApi);
