/**
 * The authoring page (`npm run author -- FILE.json`): an article file's
 * paragraphs painted as on a news page, its quotations and claims beside
 * them to confirm, change, add, merge, split or remove, and its speakers.
 * Every edit is kept in this browser's storage until saved, and the file is
 * written only when it validates; each problem is shown at its field.
 * DOM APIs and textContent only.
 */
import { ClaimCategory, Cue, Verdict, type Speaker } from '../../article/schema';
import { placeInReference, quoteMatches, referenceText } from '../../article/text-quote';
import { readReportedSpeech } from '../../engine/reported-speech';
import { checkArticle, jsonPath, type ArticleProblem } from '../../engine/validate-article';
import { highlightGroups, highlightNames, pageHighlightApi, paint } from '../../page/paint';
import { elementById as byId, make } from '../../shared/extension-page';
import { highlightStyles } from '../../shared/highlights';
import { draftMark, isDraftMark } from '../../article/draft-mark';
import { draftSpeaker, freeId, selectorAt } from '../draft';

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];

let doc: Json = {};
let file = '';
let storageKey = '';

/** The value at `path`, a draft mark's proposal standing for it. */
function valueAt(path: Path): unknown {
  let value: unknown = doc;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}
const proposal = (value: unknown): unknown => (isDraftMark(value) ? value.value : value);
const textOf = (value: unknown): string => {
  const shown = proposal(value);
  return typeof shown === 'string' ? shown : Array.isArray(shown) ? shown.join('، ') : '';
};

function setAt(path: Path, value: unknown): void {
  let parent: Record<string | number, unknown> = doc;
  for (const segment of path.slice(0, -1)) {
    // A part the file lacks (or holds a draft mark for) is made as the value is written.
    const child = parent[segment];
    if (typeof child !== 'object' || child === null || isDraftMark(child)) parent[segment] = {};
    parent = parent[segment] as Record<string | number, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) parent[last] = value;
}

const paragraphs = (): string[] => (Array.isArray(doc.paragraphs) ? doc.paragraphs.map(String) : []);
const annotations = (): Json[] => (Array.isArray(doc.annotations) ? (doc.annotations as Json[]) : []);
const speakers = (): Json[] => (Array.isArray(doc.speakers) ? (doc.speakers as Json[]) : []);
const speakerIds = (): string[] =>
  speakers()
    .map((speaker) => textOf(speaker.id))
    .filter((id) => id !== '');

function say(text: string): void {
  byId('notice').textContent = text;
}

/** Keeps the edit in this browser, so nothing typed is lost before it is saved; then checks and paints. */
function changed(options: { render?: boolean } = {}): void {
  localStorage.setItem(storageKey, JSON.stringify(doc));
  if (options.render === true) render();
  else {
    showProblems();
    paintText();
  }
}

// ——— Fields ———

interface FieldOptions {
  readonly kind?: 'text' | 'textarea' | 'select' | 'list';
  readonly choices?: readonly string[];
  readonly lang?: 'ar' | 'en';
}

/** A labelled control for the value at `path`; a draft mark shows what it asks, and its proposal until confirmed or changed. */
function field(path: Path, label: string, { kind = 'text', choices = [], lang = 'ar' }: FieldOptions = {}): HTMLElement {
  const row = make('div', 'field');
  const id = `field-${jsonPath(path).replace(/[^\w-]/g, '_')}`;
  const title = make('label', undefined, label);
  title.htmlFor = id;
  const current = valueAt(path);
  let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  if (kind === 'select') {
    const select = make('select');
    const shown = textOf(current);
    if (!choices.includes(shown)) select.append(new Option('—', '', true, true));
    for (const choice of choices) select.append(new Option(choice, choice, false, choice === shown));
    control = select;
  } else {
    control = kind === 'textarea' ? make('textarea') : make('input');
    control.value = textOf(current);
  }
  control.id = id;
  control.dataset.path = jsonPath(path);
  control.lang = lang;
  control.dir = lang === 'ar' ? 'rtl' : 'ltr';
  const write = (): void => {
    const value = control.value.trim();
    setAt(
      path,
      kind === 'list'
        ? value
            .split(/[،,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        : value,
    );
    row.querySelector('.draft')?.remove();
    row.querySelector('button.confirm')?.remove();
    changed();
  };
  control.addEventListener(kind === 'select' ? 'change' : 'input', write);
  row.append(title, control);
  if (isDraftMark(current)) {
    const note = make('p', 'draft', `مسودة · draft: ${current.$draft}`);
    note.id = `${id}-draft`;
    control.setAttribute('aria-describedby', note.id);
    row.append(note);
    if (current.value !== undefined) {
      const confirm = make('button', 'confirm', 'أكّد · Confirm');
      confirm.type = 'button';
      confirm.addEventListener('click', () => {
        setAt(path, current.value);
        note.remove();
        confirm.remove();
        changed();
        control.focus();
      });
      row.append(confirm);
    }
  }
  return row;
}

const button = (text: string, action: () => void, name?: string): HTMLButtonElement => {
  const node = make('button', undefined, text);
  node.type = 'button';
  if (name !== undefined) node.dataset.action = name;
  node.addEventListener('click', action);
  return node;
};

// ——— Rendering ———

function render(): void {
  renderParagraphs();
  const meta = byId('article-fields');
  meta.replaceChildren(
    field(['id'], 'المعرّف · id', { lang: 'en' }),
    field(['title', 'ar'], 'العنوان · title (ar)'),
    field(['title', 'en'], 'العنوان بالإنجليزية · title (en)', { lang: 'en' }),
    field(['date'], 'التاريخ · date (YYYY-MM-DD)', { lang: 'en' }),
  );
  byId('speakers').replaceChildren(...speakers().map((_, index) => speakerCard(index)));
  byId('annotations').replaceChildren(...annotations().map((_, index) => annotationCard(index)));
  showProblems();
  paintText();
}

function speakerCard(index: number): HTMLLIElement {
  const card = make('li', 'card');
  const at = ['speakers', index] as const;
  card.append(
    field([...at, 'id'], 'المعرّف · id', { lang: 'en' }),
    field([...at, 'name', 'ar'], 'الاسم · name (ar)'),
    field([...at, 'name', 'en'], 'الاسم بالإنجليزية · name (en)', { lang: 'en' }),
    field([...at, 'role', 'ar'], 'الصفة · role (ar)'),
    field([...at, 'role', 'en'], 'الصفة بالإنجليزية · role (en)', { lang: 'en' }),
    field([...at, 'names'], 'الأسماء في النص · names, separated by ،', { kind: 'list' }),
    field([...at, 'color'], 'اللون · colour (#rrggbb)', { lang: 'en' }),
    field([...at, 'cue'], 'الخط · underline', { kind: 'select', choices: Cue.options, lang: 'en' }),
  );
  return card;
}

function annotationCard(index: number): HTMLLIElement {
  const annotation = annotations()[index] ?? {};
  const at = ['annotations', index] as const;
  const card = make('li', 'card');
  card.dataset.annotation = String(annotation.id);
  const exact = textOf((annotation.target as Json | undefined)?.exact);
  const kind = annotation.kind === 'quote' ? 'اقتباس · quotation' : 'ادعاء · claim';
  card.append(make('p', 'excerpt', `${kind}: «${exact}»`));
  if (annotation.kind === 'quote') {
    card.append(
      field([...at, 'speaker'], 'المتحدث · speaker', { kind: 'select', choices: speakerIds(), lang: 'en' }),
      attributionField(index),
      field([...at, 'translation', 'en'], 'الترجمة · translation (en)', { lang: 'en' }),
      button('ادمجه مع التالي · Merge with the next', () => merge(index), 'merge'),
      button('اقسمه عند التحديد · Split at the selection', () => split(index), 'split'),
    );
  } else {
    card.append(
      field([...at, 'attributedTo'], 'صاحب الادعاء · claimed by (ids, separated by ،)', { kind: 'list', lang: 'en' }),
      field([...at, 'category'], 'الفئة · category', { kind: 'select', choices: ClaimCategory.options, lang: 'en' }),
      field([...at, 'verdict'], 'الحكم · verdict', { kind: 'select', choices: Verdict.options, lang: 'en' }),
      field([...at, 'context', 'ar'], 'السياق · context (ar)', { kind: 'textarea' }),
      field([...at, 'context', 'en'], 'السياق بالإنجليزية · context (en)', { kind: 'textarea', lang: 'en' }),
      sourcesEditor(index),
    );
  }
  card.append(button('احذفه · Remove', () => remove(index), 'remove'));
  return card;
}

/** A quotation's attribution phrase, typed as words: the nearest place before the quotation that has them becomes its selector. */
function attributionField(index: number): HTMLElement {
  const path = ['annotations', index, 'attribution'];
  const row = field(path, 'عبارة الإسناد · attribution');
  const control = row.querySelector('input');
  if (control === null) return row;
  control.value = textOf((proposal(valueAt(path)) as { exact?: unknown } | undefined)?.exact);
  control.addEventListener('input', () => {
    const words = control.value.trim();
    const reference = referenceText(paragraphs());
    const quote = annotations()[index];
    const before = quote === undefined ? undefined : placeOf(quote)?.start;
    const places = quoteMatches(reference, { exact: words });
    const start = places.filter((at) => before === undefined || at < before).at(-1) ?? places[0];
    setAt(path, start === undefined || words === '' ? { exact: words } : selectorAt(reference, start, start + words.length));
    changed();
  });
  return row;
}

/** A claim's sources, one per line: publisher; date; title. */
function sourcesEditor(index: number): HTMLElement {
  const path = ['annotations', index, 'sources'];
  const row = field(path, 'المصادر · sources: publisher; YYYY-MM-DD; title — one per line', { kind: 'textarea', lang: 'en' });
  const control = row.querySelector('textarea');
  if (control === null) return row;
  const sources = proposal(valueAt(path));
  control.value = Array.isArray(sources)
    ? (sources as Json[])
        .map((source) =>
          [source.publisher, source.date, source.title].filter((part): part is string => typeof part === 'string').join('; '),
        )
        .join('\n')
    : '';
  control.addEventListener('input', () => {
    setAt(
      path,
      control.value
        .split('\n')
        .map((line) => line.split(';').map((part) => part.trim()))
        .filter(([publisher]) => publisher !== undefined && publisher !== '')
        .map(([publisher, date = '', title]) => ({ publisher, date, ...(title === undefined || title === '' ? {} : { title }) })),
    );
    changed();
  });
  return row;
}

function renderParagraphs(): void {
  byId('paragraphs').replaceChildren(
    ...paragraphs().map((text, index) => {
      const paragraph = make('p', undefined, text);
      paragraph.dataset.paragraph = String(index);
      return paragraph;
    }),
  );
}

// ——— Painting, with the news page's own code ———

let paintedNames: string[] = [];
const style = document.createElement('style');
document.head.append(style);

/** Where [start, end) of the reference text is in the shown paragraphs. */
function rangeAt(start: number, end: number): Range | undefined {
  const text = referenceText(paragraphs());
  const paragraph = text.slice(0, start).split('\n').length - 1;
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const node = document.querySelector(`#paragraphs [data-paragraph="${paragraph}"]`)?.firstChild;
  if (node === null || node === undefined || end - paragraphStart > (node.textContent ?? '').length) return undefined;
  const range = document.createRange();
  range.setStart(node, start - paragraphStart);
  range.setEnd(node, end - paragraphStart);
  return range;
}

function paintText(): void {
  const api = pageHighlightApi();
  if (api === undefined) return;
  const reference = referenceText(paragraphs());
  const known = speakers()
    .map((speaker) => ({ ...speaker, id: textOf(speaker.id), color: textOf(speaker.color), cue: textOf(speaker.cue) }))
    .filter((speaker) => /^#[0-9a-f]{6}$/i.test(speaker.color) && speaker.id !== '') as unknown as Speaker[];
  const ranges = new Map<string, Range>();
  const paintable = annotations().flatMap((annotation) => {
    const target = annotation.target as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
    if (typeof target?.exact !== 'string') return [];
    const place = placeInReference(reference, target as { exact: string; prefix?: string; suffix?: string });
    const range = place === undefined ? undefined : rangeAt(place.start, place.end);
    if (range === undefined) return [];
    ranges.set(String(annotation.id), range);
    return [{ ...annotation, speaker: textOf(annotation.speaker) }];
  });
  const article = { speakers: known, annotations: paintable } as unknown as Parameters<typeof highlightGroups>[0];
  style.textContent = highlightStyles(known);
  const names = highlightNames([article]);
  paint(api, [...new Set([...paintedNames, ...names])], highlightGroups(article, ranges));
  paintedNames = names;
}

// ——— Problems ———

function showProblems(): readonly ArticleProblem[] {
  const check = checkArticle(doc);
  const problems = check.ok ? [] : check.problems;
  for (const node of document.querySelectorAll('.problem')) node.remove();
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of document.querySelectorAll('[aria-describedby]')) {
    const kept = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && !id.startsWith('problem-'));
    if (kept.length > 0) node.setAttribute('aria-describedby', kept.join(' '));
    else node.removeAttribute('aria-describedby');
  }
  const list = byId('problems');
  list.replaceChildren();
  if (problems.length === 0) return problems;
  list.append(make('p', undefined, `${problems.length} مسائل قبل الحفظ · ${problems.length} to settle before saving`));
  const items = make('ul');
  for (const [index, problem] of problems.entries()) {
    const control = controlFor(problem.path);
    const item = make('li');
    if (control === undefined) item.textContent = `${problem.path}: ${problem.message}`;
    else {
      control.setAttribute('aria-invalid', 'true');
      // A draft mark's note already says what is missing, and describes the field.
      if (!(problem.message.startsWith('draft: ') && control.closest('.field')?.querySelector('.draft') != null)) {
        const note = make('p', 'problem', problem.message);
        note.id = `problem-${index}`;
        control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), note.id].filter((id) => id !== null).join(' '));
        control.closest('.field')?.append(note);
      }
      item.append(button(`${problem.path}: ${problem.message}`, () => control.focus(), 'go-to-problem'));
    }
    items.append(item);
  }
  list.append(items);
  return problems;
}

/** The control of a JSON path, or of the nearest path above it that has one. */
function controlFor(path: string): HTMLElement | undefined {
  for (let at = path; at.length > 1;) {
    const control = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"]`);
    if (control !== null) return control;
    const parent = at.replace(/(?:\.[^.[]+|\[[^\]]+\])$/, '');
    if (parent === at) break;
    at = parent;
  }
  return undefined;
}

// ——— Quotations and claims: add, merge, split, remove ———

/** Where the reader's selection is in the reference text, if it is in the paragraphs. */
function selectionPlace(): { start: number; end: number } | undefined {
  const selection = getSelection();
  if (selection === null || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const offset = (node: Node, at: number): number | undefined => {
    const paragraph = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest('[data-paragraph]');
    if (!(paragraph instanceof HTMLElement)) return undefined;
    const index = Number(paragraph.dataset.paragraph);
    return referenceText(paragraphs().slice(0, index)).length + (index > 0 ? 1 : 0) + at;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  return start === undefined || end === undefined ? undefined : { start, end };
}

const nextId = (prefix: string): string =>
  freeId(
    prefix,
    annotations().map((annotation) => String(annotation.id)),
  );

function add(kind: 'quote' | 'claim', words: string): void {
  const reference = referenceText(paragraphs());
  let place = selectionPlace();
  if (place === undefined || reference.slice(place.start, place.end).trim() !== words) {
    const found = quoteMatches(reference, { exact: words });
    if (found.length !== 1) {
      say(
        found.length === 0
          ? `«${words}» ليست في النص · not in the text`
          : `«${words}» ترد ${found.length} مرات: حدّدها في النص · appears ${found.length} times: select it in the text`,
      );
      return;
    }
    const [start = 0] = found;
    place = { start, end: start + words.length };
  }
  const target = selectorAt(reference, place.start, place.end);
  // The speakers as written so far: a name still a draft mark is no name yet.
  const known = speakers().map((speaker) => ({
    id: textOf(speaker.id),
    names: [proposal(speaker.names)].flat<unknown[]>().filter((name): name is string => typeof name === 'string' && name !== ''),
  }));
  const quotation = readReportedSpeech(reference, known).quotations.find((read) => read.start <= place.start && place.end <= read.end);
  const annotation: Json =
    kind === 'quote'
      ? {
          id: nextId('quote'),
          kind,
          speaker: quotation?.credit?.speaker ?? draftMark('who said it'),
          form: 'direct',
          translation: { en: draftMark('the quotation in English') },
          target,
          attribution:
            quotation?.phrase === undefined
              ? draftMark('the phrase that attributes the quotation')
              : selectorAt(reference, quotation.phrase.start, quotation.phrase.end),
        }
      : {
          id: nextId('claim'),
          kind,
          attributedTo: draftMark('who makes the claim'),
          category: draftMark('statistic, event, history, accusation, denial or statement'),
          verdict: draftMark('the verdict'),
          context: { ar: draftMark('a short note of context, in Arabic'), en: draftMark('a short note of context, in English') },
          sources: [],
          target,
        };
  doc.annotations = [...annotations(), annotation];
  changed({ render: true });
  say(`أضيف · added: ${String(annotation.id)}`);
  document
    .querySelector<HTMLElement>(`[data-annotation="${String(annotation.id)}"] select, [data-annotation="${String(annotation.id)}"] input`)
    ?.focus();
}

function placeOf(annotation: Json): { start: number; end: number } | undefined {
  const target = annotation.target as { exact: string; prefix?: string; suffix?: string } | undefined;
  return target === undefined ? undefined : placeInReference(referenceText(paragraphs()), target);
}

function merge(index: number): void {
  const list = annotations();
  const first = list[index];
  const next = list.slice(index + 1).findIndex((annotation) => annotation.kind === first?.kind) + index + 1;
  const second = list[next];
  const from = first === undefined ? undefined : placeOf(first);
  const to = second === undefined ? undefined : placeOf(second);
  if (first === undefined || from === undefined || to === undefined || next <= index) {
    say('لا شيء بعده يُدمج · nothing after it to merge');
    return;
  }
  first.target = selectorAt(referenceText(paragraphs()), Math.min(from.start, to.start), Math.max(from.end, to.end));
  doc.annotations = list.filter((_, at) => at !== next);
  changed({ render: true });
  say(`دُمج · merged into ${String(first.id)}`);
}

function split(index: number): void {
  const annotation = annotations()[index];
  const place = annotation === undefined ? undefined : placeOf(annotation);
  const at = selectionPlace()?.start;
  if (annotation === undefined || place === undefined || at === undefined || at <= place.start || at >= place.end) {
    say('ضع المؤشر داخل الاقتباس أولاً · put the caret inside the quotation first');
    return;
  }
  const reference = referenceText(paragraphs());
  const trimmedEnd =
    place.start +
    reference
      .slice(place.start, at)
      .trimEnd()
      .replace(/[،,\s]+$/u, '').length;
  const rest = at + (reference.slice(at, place.end).length - reference.slice(at, place.end).trimStart().length);
  annotation.target = selectorAt(reference, place.start, trimmedEnd);
  const second = { ...annotation, id: nextId(String(annotation.kind)), target: selectorAt(reference, rest, place.end) };
  const list = annotations();
  doc.annotations = [...list.slice(0, index + 1), second, ...list.slice(index + 1)];
  changed({ render: true });
  say(`قُسم · split: ${second.id}`);
}

function remove(index: number): void {
  const removed = annotations()[index];
  doc.annotations = annotations().filter((_, at) => at !== index);
  changed({ render: true });
  say(`حُذف · removed: ${String(removed?.id)}`);
}

// ——— Loading and saving ———

async function save(): Promise<void> {
  if (showProblems().length > 0) {
    say('لم يُحفظ: هناك مسائل · not saved: settle the problems listed first');
    byId('problems').querySelector('button')?.focus();
    return;
  }
  const response = await fetch('/api/article', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  if (response.ok) {
    localStorage.removeItem(storageKey);
    say(`حُفظ · saved ${file}`);
  } else say(`لم يُحفظ · not saved: ${await response.text()}`);
}

async function load(): Promise<void> {
  const answer = (await (await fetch('/api/article')).json()) as { file: string; text: string };
  file = answer.file;
  storageKey = `isnad-authoring:${file}`;
  byId('file').textContent = file;
  const kept = localStorage.getItem(storageKey);
  try {
    doc = JSON.parse(kept ?? answer.text) as Json;
    if (kept !== null && kept !== answer.text) say('استُعيدت تعديلاتك غير المحفوظة · your unsaved edits are back');
  } catch {
    say(`${file}: ليس JSON صالحاً · not valid JSON; the file is left as it is`);
    doc = { paragraphs: [], speakers: [], annotations: [] };
  }
  render();
}

byId('add', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  const kind = (event.submitter as HTMLButtonElement | null)?.value === 'claim' ? 'claim' : 'quote';
  const input = byId('add-exact', HTMLInputElement);
  add(kind, input.value.trim());
});
document.addEventListener('selectionchange', () => {
  const place = selectionPlace();
  if (place !== undefined && place.end > place.start)
    byId('add-exact', HTMLInputElement).value = referenceText(paragraphs()).slice(place.start, place.end).trim();
});
byId('add-speaker').addEventListener('click', () => {
  doc.speakers = [...speakers(), draftSpeaker(freeId('speaker', speakerIds()), 0, ['#0072B2'])];
  changed({ render: true });
  byId('speakers').lastElementChild?.querySelector('input')?.focus();
});
byId('save').addEventListener('click', () => void save());
byId('discard').addEventListener('click', () => {
  localStorage.removeItem(storageKey);
  void load();
});

void load();
