/** The module `isnad:articles` as the build bundles it, for unit tests of the entry files (see vitest.config.ts). */
import { loadArticles } from '../../scripts/articles';

export default loadArticles();
