/** Turns measurements into the results file's records, the targets, the terminal tables and the chart. */
import type { CatalogueBuild } from './catalogue';
import type { ColdResults } from './cold-report';
import type { HeapGrowth, PageMeasurement } from './measure';
import { median } from './measure';
import type { PeerName, Stages, ToolName } from './protocol';
import type { PackageSizes } from './sizes';

export const PEERS: readonly PeerName[] = ['hypothesis', 'apache-annotator', 'mark.js'];

export interface PeerRecord {
  readonly ms: number;
  /** Quotes (of 12) placed correctly. */
  readonly placed: number;
  readonly wrong: number;
  readonly claimsPlaced: number;
  readonly claimsWrong: number;
  readonly runs: number;
}

export interface PageRecord {
  readonly textBytes: number;
  readonly kind: 'article' | 'other';
  readonly floorMs: number;
  readonly isnadMs: number;
  /** Isnad's first run on the page load, with the engine's code not yet compiled (as in the content script's one scan). */
  readonly isnadFirstMs: number;
  /** Quotes (of 12) Isnad placed correctly. */
  readonly isnadPlaced: number;
  readonly peers: Partial<Record<PeerName, PeerRecord>>;
  readonly size: string;
  readonly textChars: number;
  readonly elements: number;
  readonly textNodes: number;
  readonly isnadWrong: number;
  readonly isnadClaimsPlaced: number;
  readonly isnadClaimsWrong: number;
  readonly runs: Partial<Record<ToolName, number>>;
  /** The built extension's own isnad:annotate measure (median), first scan after a fresh load; article pages only. */
  readonly extensionMs: number | null;
  readonly extensionPlaced: number | null;
  readonly extensionClaimsPlaced: number | null;
  readonly heap: Partial<Record<ToolName, HeapGrowth>>;
  /** Isnad's stages, each the median over the stage runs. */
  readonly stages: Partial<Record<keyof Stages, number | string>> | null;
  /** After a scan, judging a change that adds about 1 KB of text (median ms); on a page without the article that is all a change costs unless it brings the article. */
  readonly rescanMs: number;
  /** Whether that change called for a new scan (it never should: the text added is not the article). */
  readonly rescanScans: boolean;
  /** V8's used heap after annotating and a forced GC, less before (Chromium): what the content script keeps, which must not be the page's text. */
  readonly retainedHeapBytes: number | null;
  /** Tools not run on this page: a run of theirs on the article page of this size took too long for the bench's time. */
  readonly skipped: string[];
}

export interface Target {
  readonly name: string;
  readonly value: number;
  readonly limit: number;
  readonly sense: 'at most' | 'at least';
  readonly pass: boolean;
  readonly note?: string;
}

export interface BrowserResults {
  readonly browser: string;
  readonly generatedAt: string;
  /** The commit measured, and whether src/ differed from it. */
  readonly engine: { readonly commit: string; readonly srcModified: boolean };
  readonly machine: { readonly cpus: number; readonly model: string; readonly loadAverageAtStart: number };
  /** The headline: the built extension's cost per page load, cold. */
  readonly cold: ColdResults;
  /** The warm in-page runs (none with --cold-only). */
  readonly pages: PageRecord[];
  readonly contentScript: PackageSizes['contentScript'];
  readonly package: PackageSizes['package'];
  /** With --catalogue N: the catalogue measured instead of the bundled articles. */
  readonly catalogue?: CatalogueRecord;
  /** log(t4MB / t50KB) / log(text4MB / text50KB), article and other pages. */
  readonly growth: Record<'article' | 'other', Partial<Record<ToolName | 'extension', number>>>;
  readonly targets: Target[];
  readonly notes: string[];
}

export interface CatalogueRecord extends Pick<CatalogueBuild, 'synthetic' | 'articles' | 'buildMs' | 'bundledBuildMs'> {
  /** This browser's package, against the bundled articles' one. */
  readonly packageBytes: number;
  readonly bundledPackageBytes: number;
  /** packageBytes ÷ articles, and (packageBytes − bundledPackageBytes) ÷ the articles added. */
  readonly bytesPerArticle: number;
  readonly addedBytesPerArticle: number;
}

export function pageRecord(size: string, kind: 'article' | 'other', measured: PageMeasurement, skipped: string[]): PageRecord {
  const ms = (tool: ToolName): number => median(measured.tools[tool]?.ms ?? []);
  const isnad = measured.tools.isnad?.placements;
  const peers: Partial<Record<PeerName, PeerRecord>> = {};
  for (const peer of PEERS) {
    const runs = measured.tools[peer];
    if (runs === undefined) continue;
    peers[peer] = {
      ms: median(runs.ms),
      placed: runs.placements.quotesCorrect,
      wrong: runs.placements.quotesWrong,
      claimsPlaced: runs.placements.claimsCorrect,
      claimsWrong: runs.placements.claimsWrong,
      runs: runs.ms.length,
    };
  }
  const runs: Partial<Record<ToolName, number>> = {};
  for (const [tool, entry] of Object.entries(measured.tools)) runs[tool as ToolName] = entry.ms.length;
  return {
    textBytes: measured.info.textBytes,
    kind,
    floorMs: ms('floor'),
    isnadMs: ms('isnad'),
    isnadFirstMs: measured.tools.isnad?.ms[0] ?? Number.NaN,
    isnadPlaced: isnad?.quotesCorrect ?? 0,
    peers,
    size,
    textChars: measured.info.textChars,
    elements: measured.info.elements,
    textNodes: measured.info.textNodes,
    isnadWrong: isnad?.quotesWrong ?? 0,
    isnadClaimsPlaced: isnad?.claimsCorrect ?? 0,
    isnadClaimsWrong: isnad?.claimsWrong ?? 0,
    runs,
    extensionMs: measured.extension === undefined ? null : median(measured.extension.ms),
    extensionPlaced: measured.extension?.quotesCorrect ?? null,
    extensionClaimsPlaced: measured.extension?.claimsCorrect ?? null,
    heap: measured.heap,
    stages: medianStages(measured.stages),
    rescanMs: median(measured.rescans.map((run) => run.ms)),
    rescanScans: measured.rescans.some((run) => run.rescans),
    retainedHeapBytes: measured.heap.isnad?.jsBytes ?? null,
    skipped,
  };
}

function medianStages(runs: readonly Stages[]): PageRecord['stages'] {
  const first = runs[0];
  if (first === undefined) return null;
  const result: Partial<Record<keyof Stages, number | string>> = {};
  for (const key of Object.keys(first) as (keyof Stages)[]) {
    const value = first[key];
    result[key] =
      typeof value === 'number'
        ? median(runs.map((run) => run[key]).filter((each): each is number => typeof each === 'number'))
        : String(value);
  }
  return result;
}

/** The exponent k in t ∝ size^k between the smallest and the largest page of a kind. */
export function growth(
  pages: readonly PageRecord[],
  kind: 'article' | 'other',
  time: (page: PageRecord) => number | null,
): number | undefined {
  const ofKind = pages.filter((page) => page.kind === kind).sort((a, b) => a.textBytes - b.textBytes);
  const small = ofKind[0];
  const large = ofKind[ofKind.length - 1];
  if (small === undefined || large === undefined || small === large) return undefined;
  const [from, to] = [time(small), time(large)];
  if (from === null || to === null || !(from > 0) || !(to > 0)) return undefined;
  return Math.log(to / from) / Math.log(large.textBytes / small.textBytes);
}

export function growthTable(pages: readonly PageRecord[]): BrowserResults['growth'] {
  const result: BrowserResults['growth'] = { article: {}, other: {} };
  for (const kind of ['article', 'other'] as const) {
    const set = (name: ToolName | 'extension', time: (page: PageRecord) => number | null): void => {
      const value = growth(pages, kind, time);
      if (value !== undefined) result[kind][name] = value;
    };
    set('floor', (page) => page.floorMs);
    set('isnad', (page) => page.isnadMs);
    if (kind === 'article') set('extension', (page) => page.extensionMs);
    for (const peer of PEERS) set(peer, (page) => page.peers[peer]?.ms ?? null);
  }
  return result;
}

const MB = 1024 * 1024;
const nearest = (pages: readonly PageRecord[], kind: 'article' | 'other', bytes: number): PageRecord | undefined =>
  pages.filter((page) => page.kind === kind).sort((a, b) => Math.abs(a.textBytes - bytes) - Math.abs(b.textBytes - bytes))[0];

export function targets(pages: readonly PageRecord[], contentScriptGzipBytes: number): Target[] {
  const list: Target[] = [];
  const add = (name: string, value: number, limit: number, sense: Target['sense'], extra = true, note?: string): void => {
    const within = sense === 'at most' ? value <= limit : value >= limit;
    list.push({ name, value, limit, sense, pass: Number.isFinite(value) && within && extra, ...(note === undefined ? {} : { note }) });
  };
  for (const page of pages.filter((candidate) => candidate.kind === 'other')) {
    add(`rejects the ${page.size} page without the article in ≤ 1.5× the floor`, page.isnadMs / page.floorMs, 1.5, 'at most');
  }
  for (const page of pages.filter((candidate) => candidate.kind === 'article' && candidate.textBytes >= MB / 2)) {
    add(`annotates the ${page.size} page with the article in ≤ 3× the floor`, page.isnadMs / page.floorMs, 3, 'at most');
  }
  for (const page of pages.filter((candidate) => candidate.kind === 'article')) {
    const hypothesis = page.peers.hypothesis;
    if (hypothesis === undefined) continue;
    const complete = page.isnadPlaced === 12 && page.isnadWrong === 0 && page.isnadClaimsWrong === 0;
    add(
      `≥ 2× faster than the Hypothesis approach on the ${page.size} article page, all 12 quotes placed`,
      hypothesis.ms / page.isnadMs,
      2,
      'at least',
      complete,
      `Isnad ${page.isnadPlaced}/12 quotes right, ${page.isnadWrong + page.isnadClaimsWrong} wrong; Hypothesis ${hypothesis.placed}/12 right`,
    );
  }
  for (const kind of ['article', 'other'] as const) {
    const [one, four] = [nearest(pages, kind, MB), nearest(pages, kind, 4 * MB)];
    if (one === undefined || four === undefined || one === four) continue;
    add(
      `linear: the 4 MB ${kind} page costs ≤ 4.5× the 1 MB one`,
      four.isnadMs / one.isnadMs,
      4.5,
      'at most',
      true,
      `text ratio ${(four.textBytes / one.textBytes).toFixed(2)}, the floor's own ratio ${ratio(four.floorMs / one.floorMs)}`,
    );
  }
  const other = nearest(pages, 'other', MB);
  if (other !== undefined) {
    add(
      `a 1 KB change to the ${other.size} page without the article costs ≤ 0.2× the floor`,
      other.rescanMs / other.floorMs,
      0.2,
      'at most',
      !other.rescanScans,
    );
  }
  const large = nearest(pages, 'article', 4 * MB);
  if (large?.retainedHeapBytes !== null && large?.retainedHeapBytes !== undefined) {
    add(
      `after annotating the ${large.size} page, JS heap kept ≤ 25% of the page's text bytes`,
      large.retainedHeapBytes / large.textBytes,
      0.25,
      'at most',
      true,
      `${(large.retainedHeapBytes / 1024).toFixed(0)} KB of ${(large.textBytes / 1024).toFixed(0)} KB`,
    );
  }
  add('content script ≤ 20 KB minified and gzipped', contentScriptGzipBytes / 1024, 20, 'at most', true, `${contentScriptGzipBytes} bytes`);
  return list;
}

// ---------------------------------------------------------------- terminal

const fixed = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const size = (page: PageRecord): string =>
  page.textBytes >= 1024 * 1024 ? `${(page.textBytes / 1024 / 1024).toFixed(1)} MB` : `${(page.textBytes / 1024).toFixed(0)} KB`;
const ratio = (value: number): string => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×` : '–');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function timesTable(pages: readonly PageRecord[]): string {
  const header = [
    'text',
    'kind',
    'floor ms',
    'Isnad ms',
    'first',
    'ext ms',
    'Isnad/floor',
    ...PEERS.flatMap((peer) => [`${peer} ms`, '/Isnad']),
  ];
  const rows = pages.map((page) => [
    size(page),
    page.kind,
    fixed(page.floorMs, 2),
    fixed(page.isnadMs),
    fixed(page.isnadFirstMs),
    fixed(page.extensionMs),
    ratio(page.isnadMs / page.floorMs),
    ...PEERS.flatMap((peer) => {
      const record = page.peers[peer];
      if (page.skipped.includes(peer)) return ['skipped', '–'];
      return record === undefined
        ? ['–', '–']
        : [`${fixed(record.ms)}${record.runs < (page.runs.isnad ?? 0) ? `(${record.runs})` : ''}`, ratio(record.ms / page.isnadMs)];
    }),
  ]);
  return table(header, rows);
}

export function placementsTable(pages: readonly PageRecord[]): string {
  const cell = (right: number, wrong: number, claimsRight: number, claimsWrong: number): string =>
    `${right}/12${wrong > 0 ? ` +${wrong}✗` : ''} · ${claimsRight}/9${claimsWrong > 0 ? ` +${claimsWrong}✗` : ''}`;
  const header = ['text', 'kind', 'Isnad', 'extension', ...PEERS];
  const rows = pages.map((page) => [
    size(page),
    page.kind,
    cell(page.isnadPlaced, page.isnadWrong, page.isnadClaimsPlaced, page.isnadClaimsWrong),
    page.extensionPlaced === null ? '–' : `${page.extensionPlaced}/12 · ${page.extensionClaimsPlaced ?? 0}/9`,
    ...PEERS.map((peer) => {
      const record = page.peers[peer];
      return record === undefined ? '–' : cell(record.placed, record.wrong, record.claimsPlaced, record.claimsWrong);
    }),
  ]);
  return table(header, rows);
}

export function stagesTable(pages: readonly PageRecord[]): string {
  const header = [
    'text',
    'kind',
    'floor',
    'native',
    'precheck',
    'locate',
    'read',
    'match',
    'ranges',
    'sum',
    'Isnad ms',
    'read chars',
    'probes',
    'outcome',
    'rescan',
  ];
  const rows = pages
    .filter((page) => page.stages !== null)
    .map((page) => {
      const stage = (key: keyof Stages): number | undefined => {
        const value = page.stages?.[key];
        return typeof value === 'number' ? value : undefined;
      };
      const parts: (keyof Stages)[] = ['nativeMs', 'precheckMs', 'locateMs', 'readMs', 'matchMs', 'rangesMs'];
      const sum = parts.reduce((total, key) => total + (stage(key) ?? 0), 0);
      return [
        size(page),
        page.kind,
        fixed(page.floorMs),
        ...parts.map((key) => fixed(stage(key), 2)),
        fixed(sum),
        fixed(page.isnadMs),
        `${stage('readChars') ?? '–'} of ${stage('nativeChars') ?? '–'}`,
        `${stage('probesFound') ?? '–'}/${stage('probes') ?? '–'}`,
        String(page.stages?.outcome ?? '–'),
        fixed(page.rescanMs, 3),
      ];
    });
  return table(header, rows);
}

export function targetLines(list: readonly Target[]): string {
  return list
    .map(
      (target) =>
        `${target.pass ? 'PASS' : 'MISS'}  ${target.name}: ${ratio(target.value)} (${target.sense} ${target.limit}×)${target.note === undefined ? '' : ` — ${target.note}`}`,
    )
    .join('\n');
}

// ---------------------------------------------------------------- chart

const SERIES: readonly {
  readonly name: string;
  readonly color: string;
  readonly dash?: string;
  readonly time: (page: PageRecord) => number | null;
}[] = [
  { name: 'floor (TreeWalker)', color: '#888888', dash: '4 3', time: (page) => page.floorMs },
  { name: 'Isnad (engine in page)', color: '#b3261e', time: (page) => page.isnadMs },
  { name: 'Isnad (extension’s own measure)', color: '#b3261e', dash: '6 3', time: (page) => page.extensionMs },
  { name: 'Hypothesis approach', color: '#1f6feb', time: (page) => page.peers.hypothesis?.ms ?? null },
  { name: 'Apache Annotator', color: '#2da44e', time: (page) => page.peers['apache-annotator']?.ms ?? null },
  { name: 'mark.js', color: '#9a6700', time: (page) => page.peers['mark.js']?.ms ?? null },
];

/** Log-log time against text size, article pages. */
export function chart(results: BrowserResults): string {
  const pages = results.pages.filter((page) => page.kind === 'article').sort((a, b) => a.textBytes - b.textBytes);
  const width = 760;
  const height = 480;
  const margin = { left: 72, right: 230, top: 48, bottom: 56 };
  const times = pages
    .flatMap((page) => SERIES.map((series) => series.time(page)))
    .filter((value): value is number => value !== null && value > 0);
  const sizes = pages.map((page) => page.textBytes);
  const [xMin, xMax] = [Math.min(...sizes) / 1.3, Math.max(...sizes) * 1.3];
  const [yMin, yMax] = [10 ** Math.floor(Math.log10(Math.min(...times))), 10 ** Math.ceil(Math.log10(Math.max(...times)))];
  const x = (bytes: number): number =>
    margin.left + ((Math.log(bytes) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * (width - margin.left - margin.right);
  const y = (ms: number): number =>
    height - margin.bottom - ((Math.log(ms) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin))) * (height - margin.top - margin.bottom);
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${margin.left}" y="28" font-size="16" font-weight="bold">Time to place the article's annotations, by page size (${escapeXml(results.browser)})</text>`,
  );
  for (let decade = yMin; decade <= yMax; decade *= 10) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(decade).toFixed(1)}" y2="${y(decade).toFixed(1)}" stroke="#e5e5e5"/>`,
    );
    parts.push(
      `<text x="${margin.left - 8}" y="${(y(decade) + 4).toFixed(1)}" font-size="12" text-anchor="end">${decade >= 1 ? decade.toFixed(0) : decade}</text>`,
    );
  }
  for (const page of pages) {
    const label = size(page);
    parts.push(
      `<line x1="${x(page.textBytes).toFixed(1)}" x2="${x(page.textBytes).toFixed(1)}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#f0f0f0"/>`,
    );
    parts.push(
      `<text x="${x(page.textBytes).toFixed(1)}" y="${height - margin.bottom + 18}" font-size="12" text-anchor="middle">${label}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${width - margin.left - margin.right}" height="${height - margin.top - margin.bottom}" fill="none" stroke="#333"/>`,
  );
  parts.push(
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 14}" font-size="13" text-anchor="middle">page text (UTF-8 bytes, log scale)</text>`,
  );
  parts.push(
    `<text transform="translate(20 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" font-size="13" text-anchor="middle">time (ms, log scale; median)</text>`,
  );
  SERIES.forEach((series, index) => {
    const points = pages
      .map((page) => [page.textBytes, series.time(page)] as const)
      .filter((point): point is readonly [number, number] => point[1] !== null && point[1] > 0);
    if (points.length === 0) return;
    const path = points.map(([bytes, ms], at) => `${at === 0 ? 'M' : 'L'}${x(bytes).toFixed(1)},${y(ms).toFixed(1)}`).join(' ');
    const dash = series.dash === undefined ? '' : ` stroke-dasharray="${series.dash}"`;
    parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const [bytes, ms] of points)
      parts.push(`<circle cx="${x(bytes).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="3" fill="${series.color}"/>`);
    const legendY = margin.top + 12 + index * 22;
    const legendX = width - margin.right + 16;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" stroke="${series.color}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}" font-size="12">${escapeXml(series.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
