/** `npm run package`: store-ready zips of the built extensions, dist/isnad-<browser>-<version>.zip. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { browsers } from './manifest';
import { distDir, extensionVersion, projectRoot } from './paths';
import { zipFolder } from './zip';

const version = extensionVersion();
for (const browser of browsers) {
  const dir = join(distDir, browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`${relative(projectRoot, dir)} is not built: run \`npm run build\` first`);
    process.exit(1);
  }
  const file = join(distDir, `isnad-${browser}-${version}.zip`);
  const zip = zipFolder(dir);
  writeFileSync(file, zip);
  console.log(`wrote ${relative(projectRoot, file)} (${zip.length} bytes)`);
}
