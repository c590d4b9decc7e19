/** The id of the element holding the story on every bench page: where the article's annotations belong. */
export const STORY_ID = 'story';

/** The id of the <template> holding a bench page's body, which the harness renders from. */
export const BENCH_TEMPLATE_ID = 'bench-body';
