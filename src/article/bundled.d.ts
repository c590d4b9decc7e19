/** The validated article files, bundled into the extension by the build (scripts/build.ts). */
declare module 'isnad:articles' {
  import type { Article } from './schema';

  const articles: readonly Article[];
  export default articles;
}
