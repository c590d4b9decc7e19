import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Unit test files that need a module graph and globals of their own: they import an entry module for its
 * side effects (listeners registered at import), stub globals or patch prototypes, or leave watchers behind
 * in the document. Each runs in a fresh VM context of a shared worker, which costs a tenth of a fresh worker.
 */
const ownContext = [
  'test/background/index.test.ts',
  'test/detector/watch.test.ts',
  'test/page/annotator.test.ts',
  'test/page/hit-test.test.ts',
  'test/page/paint.test.ts',
  'test/page/pointer.test.ts',
  'test/page/tooltip.test.ts',
  'test/popup/index.test.ts',
  'test/welcome/index.test.ts',
];

/**
 * Those that need a fresh worker of their own: the detector reads Node's performance marks, which a VM context
 * lacks, and the longest files run a third slower in one (jsdom and fast-check are slower there); they start
 * first (LongestFirstSequencer). Each runs in a process of its own with a larger young generation: the pages
 * they build are short-lived garbage, and with V8's default a tenth of their time went to collecting it (worker
 * threads cannot be given V8 flags).
 */
const ownWorker = [
  'test/detector/index.test.ts',
  'test/engine/properties.test.ts',
  'test/pages/pages.test.ts',
  'test/real-pages/real-pages.test.ts',
];

/**
 * The order test files start in: Vitest's own (within each project, files that failed last time, then the
 * longest last time; without a record, as on a fresh clone, the largest), except that the files known to take
 * longest start first among those that run together, so that none of them is left running alone at the end.
 * The summary printed after each run (test/summary-reporter.ts) says which files those are.
 */
const LONGEST_FIRST = [
  'test/engine/properties.test.ts',
  'test/real-pages/real-pages.test.ts',
  'test/pages/pages.test.ts',
  'test/e2e/hostile.test.ts',
  'test/e2e/catalogue.test.ts',
  'test/e2e/accessibility.test.ts',
];

const rank = (file: TestSpecification): number => {
  const at = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
  return at === -1 ? LONGEST_FIRST.length : at;
};

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const group = (file: TestSpecification): number => file.project.config.sequence.groupOrder;
    // Groups (sequence.groupOrder) run one after the other, so they stay in order; within one, the longest go
    // first, and the rest keep Vitest's order (the sort is stable).
    return (await super.sort(files)).sort((a, b) => group(a) - group(b) || rank(a) - rank(b));
  }
}

/** Every core: the main process mostly waits on the workers. */
const workers = availableParallelism();

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit-isolated',
          include: ownWorker,
          environment: 'jsdom',
          pool: 'forks',
          execArgv: ['--max-semi-space-size=64'],
          maxWorkers: workers,
        },
      },
      {
        test: {
          name: 'unit-vm',
          include: ownContext,
          environment: 'jsdom',
          pool: 'vmThreads',
          maxWorkers: workers,
        },
      },
      {
        test: {
          // The other unit files share their workers' module graph and jsdom window (setting up each afresh
          // cost about a second a file): a file here must not rely on a fresh import or on globals of its own.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', ...ownWorker, ...ownContext],
          environment: 'jsdom',
          pool: 'threads',
          isolate: false,
          maxWorkers: workers,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Three files at once, each with its browsers: alone, a file's tests wait on pages and timers much of the
          // time (the hostile pages' file keeps a third of a core busy), and two left the cores idle a third of the
          // run; three keep them busy, and a fourth gained nothing (measured on two cores).
          maxWorkers: 3,
          // After the unit projects when all run together: its workers are a group of their own.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
