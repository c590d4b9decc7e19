import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { articleJsonSchemaFile, articleJsonSchemaText } from '../../scripts/json-schema';

describe('article.schema.json', () => {
  const committed = readFileSync(articleJsonSchemaFile, 'utf8');

  it('is what the zod schema generates (run `npm run schema` after changing it)', () => {
    expect(committed).toBe(articleJsonSchemaText());
  });

  it('accepts the bundled articles and rejects a quote without its translation', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(committed) as object);
    const [article] = loadArticles();
    expect(validate(article), JSON.stringify(validate.errors)).toBe(true);

    const broken = structuredClone(article) as unknown as { annotations: Record<string, unknown>[] };
    const quote = broken.annotations.find((annotation) => annotation.kind === 'quote');
    delete quote?.translation;
    expect(validate(broken)).toBe(false);
  });
});
