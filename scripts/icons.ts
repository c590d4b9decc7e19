// Renders the extension's toolbar/store PNG icons from the SVG sources, so only the SVGs are edited by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const iconsDir = fileURLToPath(new URL('../icons/', import.meta.url));
const large = readFileSync(`${iconsDir}isnad.svg`, 'utf8');
// Small sizes use a simplified drawing: the full one's details turn to mush at 16 and 32 px.
const small = readFileSync(`${iconsDir}isnad-small.svg`, 'utf8');

for (const size of [16, 32, 48, 128] as const) {
  const svg = size <= 32 ? small : large;
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`${iconsDir}icon-${size}.png`, png);
  console.log(`icons/icon-${size}.png`);
}
