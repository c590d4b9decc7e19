import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceManifest } from '../../scripts/manifest';
import { listedSites } from '../../src/shared/sites';
import { projectRoot } from '../../scripts/paths';
import { siteLabel } from '../../src/welcome/sites';

describe('siteLabel', () => {
  it('shows a match pattern as the site a reader knows', () => {
    expect(siteLabel('*://*.asharq.com/*')).toBe('asharq.com');
    expect(siteLabel('*://arabic.rt.com/*')).toBe('arabic.rt.com');
    expect(siteLabel('*://*.bbc.com/arabic*')).toBe('bbc.com/arabic');
    expect(siteLabel('*://*.france24.com/ar/*')).toBe('france24.com/ar');
  });

  it('leaves no wildcard or scheme in any of the listed sites', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as SourceManifest;
    const labels = listedSites(manifest).map(siteLabel);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^[a-z0-9.-]+\.[a-z]+(?:\/[a-z0-9-]+)?$/);
  });
});
