/**
 * Ends a test run with where its time went (the slowest test files, and the time of each project's files),
 * then one plain line, `Tests: N passed, N failed, N skipped`, for people and CI logs alike: that line is last.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** How many of the slowest files are listed. */
const SLOWEST = 15;

/**
 * A file's own time: its imports and setup, its tests and hooks. Not the environment's set-up, which files
 * that share a worker share (and Vitest then reports against each of them).
 */
function fileTime(module: TestModule): number {
  const { collectDuration, setupDuration, duration } = module.diagnostic();
  return collectDuration + setupDuration + duration;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export default class SummaryReporter implements Reporter {
  #startedAt = performance.now();

  onTestRunStart(): void {
    this.#startedAt = performance.now();
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const lines: string[] = [];
    const timed = testModules.map((module) => ({ module, time: fileTime(module) })).sort((a, b) => b.time - a.time);
    if (timed.length > 0) {
      lines.push('', `Slowest test files (imports and tests):`);
      for (const { module, time } of timed.slice(0, SLOWEST))
        lines.push(`  ${seconds(time).padStart(8)}  ${module.project.name}  ${module.relativeModuleId}`);
      const projects = new Map<string, { files: number; time: number }>();
      for (const { module, time } of timed) {
        const project = projects.get(module.project.name) ?? { files: 0, time: 0 };
        projects.set(module.project.name, { files: project.files + 1, time: project.time + time });
      }
      lines.push(`Time per project (its files' times added up; the workers run side by side):`);
      for (const [name, { files, time }] of [...projects].sort(([a], [b]) => a.localeCompare(b)))
        lines.push(`  ${seconds(time).padStart(8)}  ${name} (${files} ${files === 1 ? 'file' : 'files'})`);
      lines.push(`  ${seconds(performance.now() - this.#startedAt).padStart(8)}  wall time of the run`);
    }

    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed' || state === 'failed') counts[state] += 1;
        else counts.skipped += 1;
      }
    }
    lines.push('', `Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
