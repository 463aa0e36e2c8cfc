/**
 * Writes apps/api/schema.gql from the compiled resolvers, without a database: the contract the web
 * app's code generator reads and reviewers see. Every `*.resolver.js` under dist is included, so a
 * new capability cannot be forgotten.
 */
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { NestFactory } = require('@nestjs/core');
const { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } = require('@nestjs/graphql');
const { printSchema, lexicographicSortSchema } = require('graphql');

const distSrc = path.join(__dirname, '../dist/apps/api/src');

function resolverClasses(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return resolverClasses(full);
    if (!entry.name.endsWith('.resolver.js')) return [];
    return Object.values(require(full)).filter((value) => typeof value === 'function');
  });
}

async function main() {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolverClasses(distSrc));
  const header = [
    '# ------------------------------------------------------',
    '# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)',
    '# ------------------------------------------------------',
  ].join('\n');
  fs.writeFileSync(
    path.join(__dirname, '../schema.gql'),
    `${header}\n\n${printSchema(lexicographicSortSchema(schema))}\n`,
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
