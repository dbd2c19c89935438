/** `npm run schemas`: rewrites schemas/*.schema.json from the zod schemas in src/model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/model/json-schema.ts';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(JSON_SCHEMAS)) {
  writeFileSync(new URL(name, dir), jsonSchemaText(name));
  console.log(`schemas/${name}`);
}
