/**
 * The files of the built extension that its parts name to each other: the
 * scripts, and the catalogue the build writes from the article files. One
 * table, so the build and the code that reads them cannot disagree.
 */
import type { Article } from '../article/schema';

/** The content script of every listed page: the detector alone. */
export const DETECTOR_SCRIPT = 'detector.js';
/** The annotator, added by the background to a frame where the detector found an article. */
export const ANNOTATOR_SCRIPT = 'annotator.js';
/** Every article's probes in one table (`engine/catalogue-index.ts`), read by the background. */
export const CATALOGUE_INDEX = 'catalogue/index.bin';
/** What the popup and the welcome page list of the catalogue: `CatalogueListing[]`, in file order. */
export const CATALOGUE_LIST = 'catalogue/list.json';

/** One article's data, read only where it is found or shown. */
export const articleFile = (id: string): string => `articles/${id}.json`;

/** What the catalogue's list holds of each article. */
export type CatalogueListing = Pick<Article, 'id' | 'title' | 'date'>;
