import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/graphql/**/*.graphql'],
  emitLegacyCommonJSImports: false,
  generates: {
    'src/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', ID: 'string' },
        skipTypename: true,
      },
    },
  },
  // A document that no longer matches the schema must fail the build.
  ignoreNoDocuments: false,
};

export default config;
