/** The article files' JSON Schema, as generated from the zod schema. */
import { join } from 'node:path';
import { z } from 'zod';
import { Article } from '../src/article/schema';
import { projectRoot } from './paths';

export const articleJsonSchemaFile = join(projectRoot, 'src', 'article', 'article.schema.json');

export function articleJsonSchemaText(): string {
  const schema = { ...z.toJSONSchema(Article, { io: 'input' }), title: 'Isnad article file' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
