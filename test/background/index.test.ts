/**
 * The background's wiring, with a fake extension API: each listener it
 * registers does what the parts it wires promise. The parts are tested on
 * their own (commands, welcome, everywhere, page styles); this is the entry.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { putinXi } from '../support/article-page';
import { backgroundBrowser, packageFetch } from '../support/extension-world';
import { catalogueFiles } from '../../scripts/catalogue-files';
import { highlightStyles } from '../../src/shared/highlights';

const browser = backgroundBrowser();
const ownTab = { id: browser.runtime.id, tab: { id: 3 }, frameId: 0 };

/** Fires runtime.onMessage as the browser would, and what the listeners answered. */
const deliver = (message: unknown, sender: object): Promise<unknown[]> =>
  Promise.all(browser.runtime.onMessage.fire(message, sender as never, () => undefined));

beforeAll(async () => {
  // webextension-polyfill hands over `browser` as it is where the browser has one.
  vi.stubGlobal('chrome', { runtime: { id: browser.runtime.id } });
  vi.stubGlobal('browser', browser);
  vi.stubGlobal('fetch', packageFetch(catalogueFiles([putinXi]), []));
  await import('../../src/background/index');
});

beforeEach(() => vi.clearAllMocks());

describe('the background, on a message from its content script', () => {
  it('shows the annotations placed on the badge, with a "!" on amber where the page changed something', async () => {
    await deliver({ type: 'page-scanned', placed: 21, findings: 0 }, ownTab);
    expect(browser.action.setBadgeText).toHaveBeenCalledWith({ tabId: 3, text: '21' });
    expect(browser.action.setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 3, color: '#0b4f5c' });
    await deliver({ type: 'page-scanned', placed: 21, findings: 2 }, ownTab);
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '21!' });
    expect(browser.action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 3, color: '#8a3b00' });
    await deliver({ type: 'page-scanned', placed: null, findings: 0 }, ownTab);
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '' });
  });

  it("adds the painted articles' highlight styles, and only theirs, to the very frame that asked", async () => {
    expect(await deliver({ type: 'inject-styles', articleIds: [putinXi.id] }, { ...ownTab, frameId: 5 })).toEqual([true]);
    expect(browser.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 3, frameIds: [5] },
      css: highlightStyles(putinXi.speakers),
    });
  });

  it('does nothing for another extension, a sender outside a tab, or a malformed message', async () => {
    const styles = { type: 'inject-styles', articleIds: [putinXi.id] };
    await deliver(styles, { ...ownTab, id: 'another-extension' });
    await deliver(styles, { id: browser.runtime.id });
    await deliver({ type: 'inject-styles', articleIds: ['../manifest'] }, ownTab);
    await deliver({ type: 'detect', text: 42 }, ownTab);
    await deliver({ type: 'page-scanned', placed: '21', findings: 0 }, ownTab);
    await deliver({ type: 'page-scanned', placed: 21 }, ownTab);
    expect(browser.scripting.insertCSS).not.toHaveBeenCalled();
    expect(browser.action.setBadgeText).not.toHaveBeenCalled();
  });
});

describe('the background, on the browser events it listens to', () => {
  it('opens the welcome page on a first install, and brings the all-sites script in line with the permission', async () => {
    browser.runtime.onInstalled.fire({ reason: 'install' });
    await vi.waitFor(() => expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'extension://isnad-test/welcome/welcome.html' }));
    await vi.waitFor(() => expect(browser.permissions.contains).toHaveBeenCalled());
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('switches all highlights off with the shortcut, in the stored preferences', async () => {
    browser.commands.onCommand.fire('toggle-highlights');
    await vi.waitFor(() => expect(browser.storage.sync.set).toHaveBeenCalled());
    expect(browser.storage.sync.items['preferences.v1']).toMatchObject({ highlights: false });
  });

  it('sends the next-annotation shortcut to the active tab', async () => {
    browser.commands.onCommand.fire('next-annotation');
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'navigate', direction: 'next' }));
  });
});
