/**
 * The catalogue's detection index as the background reads it from the
 * package: once per background start, and kept.
 */
import { CatalogueIndex } from '../engine/catalogue-index';
import { extensionApi as browser } from '../shared/extension-api';
import { CATALOGUE_INDEX } from '../shared/package-files';

let index: Promise<CatalogueIndex> | undefined;

/** The detection index; read from the package at the first call, and again after a failed read. */
export function catalogueIndex(): Promise<CatalogueIndex> {
  index ??= fetch(browser.runtime.getURL(`/${CATALOGUE_INDEX}`))
    .then(async (response) => {
      if (!response.ok) throw new Error(`${CATALOGUE_INDEX}: ${response.status}`);
      return new CatalogueIndex(await response.arrayBuffer());
    })
    .catch((error: unknown) => {
      index = undefined;
      throw error;
    });
  return index;
}
