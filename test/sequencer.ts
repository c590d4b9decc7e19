/**
 * The order test files start in: Vitest's own (within each project, files that failed last time, then the
 * longest last time; without a record, as on a fresh clone, the largest), except that the files known to take
 * longest start first among those that run together, so that none of them is left running alone at the end.
 * The summary printed after each run (test/summary-reporter.ts) says which files those are.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/engine/properties.test.ts',
  'test/real-pages/real-pages.test.ts',
  'test/pages/pages.test.ts',
  'test/e2e/catalogue.test.ts',
  'test/e2e/accessibility.test.ts',
  'test/e2e/hostile.test.ts',
];

const rank = (file: TestSpecification): number => {
  const at = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
  return at === -1 ? LONGEST_FIRST.length : at;
};

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const order = new Map(sorted.map((file, at) => [file, at]));
    const at = (file: TestSpecification): number => order.get(file) ?? 0;
    // Groups (sequence.groupOrder) run one after the other, so they stay in order; within one, the longest go first.
    const group = (file: TestSpecification): number => file.project.config.sequence.groupOrder;
    return sorted.sort((a, b) => group(a) - group(b) || rank(a) - rank(b) || at(a) - at(b));
  }
}
