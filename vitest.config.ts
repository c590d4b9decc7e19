import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/sequencer';

/**
 * Unit test files that need a module graph and globals of their own: they import an entry module for its
 * side effects (listeners registered at import), stub globals or patch prototypes, or leave watchers behind
 * in the document. They run isolated, each in a fresh worker. The longest files are here too: isolation
 * costs them nothing, and they start first (test/sequencer.ts).
 */
const isolated = [
  'test/background/index.test.ts',
  'test/detector/index.test.ts',
  'test/detector/watch.test.ts',
  'test/page/annotator.test.ts',
  'test/page/hit-test.test.ts',
  'test/page/paint.test.ts',
  'test/page/tooltip.test.ts',
  'test/popup/index.test.ts',
  'test/welcome/index.test.ts',
  'test/engine/properties.test.ts',
  'test/pages/pages.test.ts',
  'test/real-pages/real-pages.test.ts',
];

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
          include: isolated,
          environment: 'jsdom',
          pool: 'threads',
          maxWorkers: workers,
        },
      },
      {
        test: {
          // The other unit files share their workers' module graph and jsdom window (setting up each afresh
          // cost about a second a file): a file here must not rely on a fresh import or on globals of its own.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', ...isolated],
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
          // Two files at once, each with its browsers: their tests wait on pages and timers much of the time, and
          // on two cores a third browser at work slows them all more than it gains (measured).
          maxWorkers: 2,
          // After the unit projects when all run together: its workers are a group of their own.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
