/** `web-ext lint`, the check addons.mozilla.org runs, on the built Firefox extension. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webExt from 'web-ext';
import { describe, expect, it } from 'vitest';
import { firefoxDir } from './support';

const lint = (sourceDir: string) => webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });

describe('web-ext lint', () => {
  it('reports 0 errors, 0 warnings and 0 notices on dist/firefox', async () => {
    const result = await lint(firefoxDir);
    expect([...result.errors, ...result.warnings, ...result.notices]).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, notices: 0, warnings: 0 });
  });

  it('reports a warning when the manifest has one', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'isnad-lint-'));
    try {
      cpSync(firefoxDir, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      const { browser_specific_settings: _dropped, ...withoutGeckoSettings } = manifest;
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(withoutGeckoSettings));
      const result = await lint(copy);
      expect(result.summary.errors + result.summary.warnings).toBeGreaterThan(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
