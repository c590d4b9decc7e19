import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { projectRoot } from '../../scripts/paths';
import { articleIri, toWebAnnotationCollection, type WebAnnotation } from '../../src/article/web-annotation';

const suiteDir = join(projectRoot, '..', 'shared', 'w3c-annotation-model');
const mustList = join(suiteDir, 'annotations', 'annotationMusts.test');
const suitePresent = existsSync(mustList);
const ci = process.env['CI'] === 'true';
const skipSuite = !suitePresent && !ci;
const skipReason = 'skipped: ../shared/w3c-annotation-model is absent';

const articles = loadArticles();

describe('toWebAnnotationCollection', () => {
  it.each(articles.map((article) => [article.id, article] as const))('exports %s as one Annotation per annotation', (_, article) => {
    const collection = toWebAnnotationCollection(article);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(article.annotations.length);
    const { items } = collection.first;
    expect(items).toHaveLength(article.annotations.length);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    article.annotations.forEach((annotation, index) => {
      const item = items[index];
      expect(item?.['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item?.type).toBe('Annotation');
      expect(item?.id).toBe(`${articleIri(article)}:${annotation.id}`);
      expect(item?.motivation).toBe(annotation.kind === 'quote' ? 'identifying' : 'assessing');
      expect(item?.body.length).toBeGreaterThan(0);
      expect(item?.target.source).toBe(`urn:isnad:${article.id}`);
      expect(item?.target.selector).toStrictEqual({ type: 'TextQuoteSelector', ...annotation.target });
    });
  });
});

interface Assertion {
  readonly file: string;
  readonly id: string;
  readonly errorMessage: string;
  readonly expectedResult: 'valid' | 'invalid';
  readonly validate: ValidateFunction;
}

interface Failure {
  readonly annotation: string;
  readonly assertion: string;
  readonly errorMessage: string;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The MUST assertions of annotationMusts.test, compiled against every definition in `definitions/`. */
function loadMustAssertions(): Assertion[] {
  if (!suitePresent) throw new Error(`${mustList} is missing: the W3C test-suite data is required when CI=true`);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = join(suiteDir, 'definitions');
  for (const name of readdirSync(definitions)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    ajv.addSchema(readJson(join(definitions, name)) as object);
  }
  const { assertions } = readJson(mustList) as { assertions: string[] };
  return assertions
    .map((file) => ({ file, schema: readJson(join(suiteDir, file)) as Record<string, unknown> }))
    .filter(({ schema }) => schema['assertionType'] === 'must')
    .map(({ file, schema }) => ({
      file,
      id: String(schema['id']),
      errorMessage: String(schema['errorMessage']),
      expectedResult: schema['expectedResult'] === 'invalid' ? 'invalid' : 'valid',
      validate: ajv.compile(schema),
    }));
}

/** The MUST assertions whose result on `annotation` is not the expected one. */
function mustFailures(assertions: readonly Assertion[], annotation: unknown, label: string): Failure[] {
  return assertions
    .filter(({ validate, expectedResult }) => (validate(annotation) ? 'valid' : 'invalid') !== expectedResult)
    .map(({ id, errorMessage }) => ({ annotation: label, assertion: id, errorMessage }));
}

if (skipSuite) console.info(`web-annotation.test.ts: W3C MUST assertions ${skipReason}`);

describe.skipIf(skipSuite)(`W3C Web Annotation MUST assertions${skipSuite ? ` (${skipReason})` : ''}`, () => {
  let assertions: Assertion[] = [];
  beforeAll(() => {
    assertions = loadMustAssertions();
  });

  it('reads every assertion listed in annotationMusts.test', () => {
    const listed = (readJson(mustList) as { assertions: string[] }).assertions;
    expect(listed.length).toBeGreaterThan(0);
    expect(assertions.map((a) => a.file)).toEqual(listed);
  });

  it('finds no MUST failure in any exported annotation', () => {
    const items = articles.flatMap((article) => toWebAnnotationCollection(article).first.items);
    expect(items.length).toBeGreaterThan(0);
    expect(assertions.length).toBeGreaterThan(0);
    const failures = items.flatMap((item) => mustFailures(assertions, item, item.id));
    console.info(
      `W3C MUST assertions: ${assertions.length} × ${items.length} annotations = ${assertions.length * items.length} checks, ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  });

  it('finds a MUST failure in every parseable incorrect sample of the suite', () => {
    const samples = join(suiteDir, 'samples', 'incorrect');
    const parsed = readdirSync(samples)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap((name) => {
        try {
          return [{ name, sample: readJson(join(samples, name)) }];
        } catch {
          return []; // Some samples are not valid JSON as stored (trailing commas).
        }
      });
    expect(parsed.length).toBeGreaterThan(0);
    const passing = parsed.filter(({ name, sample }) => mustFailures(assertions, sample, name).length === 0).map((s) => s.name);
    expect(passing).toEqual([]);
  });

  describe('a deliberately broken copy of an exported annotation', () => {
    const original = (): WebAnnotation => {
      const item = articles.flatMap((article) => toWebAnnotationCollection(article).first.items)[0];
      if (item === undefined) throw new Error('no exported annotation to break');
      return item;
    };
    const failing = (annotation: unknown): string[] => mustFailures(assertions, annotation, 'broken').map((f) => f.assertion);

    it('passes before it is broken', () => {
      expect(failing(original())).toEqual([]);
    });

    it('fails without @context', () => {
      const { '@context': _context, ...broken } = original();
      expect(failing(broken)).toEqual(['3.1-annotationContextValidated.json']);
    });

    it('fails with a non-URI id', () => {
      expect(failing({ ...original(), id: 'not a uri' })).toEqual(['3.1-annotationIdValidated.json']);
    });

    it('fails without a target', () => {
      const { target: _target, ...broken } = original();
      expect(failing(broken)).toEqual(['3.1-targetKeyFound.json']);
    });

    it('fails with both body and bodyValue', () => {
      expect(failing({ ...original(), bodyValue: 'text' })).toEqual(['3.2.5-notBodyBodyValue.json']);
    });
  });
});
