/** The part of web-ext's programmatic API the tests use (web-ext ships no types). */
declare module 'web-ext' {
  interface LintSummary {
    readonly errors: number;
    readonly notices: number;
    readonly warnings: number;
  }
  interface LintMessage {
    readonly code: string;
    readonly message: string;
  }
  interface LintResult {
    readonly summary: LintSummary;
    readonly errors: readonly LintMessage[];
    readonly warnings: readonly LintMessage[];
    readonly notices: readonly LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        options: { sourceDir: string; output: 'none' | 'json' | 'text'; selfHosted?: boolean },
        settings: { shouldExitProgram: false },
      ): Promise<LintResult>;
    };
  };
  export default webExt;
}
