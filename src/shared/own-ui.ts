/**
 * The attribute marking Isnad's own element in a page (the tooltip's host):
 * set by the tooltip, and passed over by the text reader and the watcher,
 * since it is not the page's.
 */
export const OWN_UI_ATTRIBUTE = 'data-isnad-ui';
