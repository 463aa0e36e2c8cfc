// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';

/**
 * The API refuses documents nested deeper than `ARMOR.maxDepth` (apps/api/src/app.module.ts, with
 * fragments flattened): a page whose query crosses it fails to load, which only a browser would
 * otherwise notice. Same rule, same settings.
 */
const API_MAX_DEPTH = { n: 10, flattenFragments: true };

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const operationsDir = new URL('../graphql/operations/', import.meta.url);
const schema = buildSchema(read('../../../api/schema.gql'));
const document = parse(
  readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(new URL(file, operationsDir), 'utf8'))
    .join('\n'),
);
const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
const operations = document.definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
);

describe('web operations and the API depth limit', () => {
  it.each(operations.map((op) => [op.name?.value ?? '(anonymous)', op] as const))('%s', (_name, operation) => {
    const single: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
    const errors = validate(schema, single, [maxDepthRule({ ...API_MAX_DEPTH, exposeLimits: true })]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
