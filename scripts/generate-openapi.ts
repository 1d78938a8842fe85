/**
 * Writes docs/openapi.json from the API contract (schemas/api-contract.ts): `npm run openapi`.
 * The gateway serves the committed file; a unit test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocumentPath } from '../schemas/openapi-document.js';
import { renderOpenApiFile } from './openapi-file.js';

writeFileSync(path.resolve(openApiDocumentPath), await renderOpenApiFile());
console.log(`wrote ${openApiDocumentPath}`);
