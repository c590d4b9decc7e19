/**
 * The opt-in "detect on all sites" is the optional host permission itself:
 * granted means on, on this device only. The popup asks for it; the
 * background registers the all-sites content script while it is granted.
 */
export const EVERYWHERE = { origins: ['*://*/*'] };
