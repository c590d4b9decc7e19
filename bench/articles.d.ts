/** The validated article files, bundled into the harness by bench/bundle.ts. */
declare module 'isnad:articles' {
  // An import type: an ambient module may not import a relative path.
  const articles: readonly import('../src/article/schema').Article[];
  export default articles;
}
