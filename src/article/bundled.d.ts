/** The validated article files, bundled into the extension by the build (scripts/build.ts). */
declare module 'isnad:articles' {
  // An import type: an ambient module may not import a relative path.
  const articles: readonly import('./schema').Article[];
  export default articles;
}
