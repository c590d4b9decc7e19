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

const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };

export const extensionApi: ExtensionApi = scope.browser ?? (scope.chrome as ExtensionApi);
