/**
 * `npm run schema`: writes src/article/article.schema.json, the JSON
 * Schema of an article file generated from the zod schema, so that editors
 * check article files as they are written. A test keeps it current.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { articleJsonSchemaFile, articleJsonSchemaText } from './json-schema';
import { projectRoot } from './paths';

writeFileSync(articleJsonSchemaFile, articleJsonSchemaText());
console.log(`wrote ${relative(projectRoot, articleJsonSchemaFile)}`);
