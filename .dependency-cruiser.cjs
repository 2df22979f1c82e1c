/**
 * The layout's rules (issue 12): core is engines and registries and knows no feature; a feature uses
 * another only through what that feature's index.ts offers; the web takes the server's API types only as
 * types. `npm run check:structure` runs this in `npm test`, so a break fails the build.
 */
const TESTS = '(\\.test\\.ts|/authorization\\.cases\\.ts)$';
/** Isomorphic modules the web may run (lazily) as well as the server. */
const SHARED = '^server/core/.+\\.shared\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'server-core-imports-no-feature',
      comment: 'server/core holds engines and registries; features fill the registries through their descriptions',
      severity: 'error',
      from: { path: '^server/core/' },
      to: { path: '^server/(features|seed|app\\.ts|main\\.ts)' },
    },
    {
      name: 'server-feature-only-through-index',
      comment: "a feature imports another feature's index.ts, never its internals",
      severity: 'error',
      from: { path: '^server/features/([^/]+)/', pathNot: TESTS },
      to: { path: '^server/features/[^/]+/', pathNot: ['^server/features/$1/', '^server/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'server-feature-not-the-app',
      comment: 'a feature does not reach back up into the list of features, the app or the seed',
      severity: 'error',
      from: { path: '^server/features/[^/]+/', pathNot: TESTS },
      to: { path: '^server/(features/index\\.ts|app\\.ts|main\\.ts|seed/)' },
    },
    {
      name: 'csv-exports-through-the-one-helper',
      comment: 'every CSV export escapes formulas (OWASP CSV injection): write it with core/csv/export.ts. The roster templates and the generated test sets are import files, written with the importer\'s own rules',
      severity: 'error',
      from: { pathNot: ['^server/core/csv/export\\.ts$', '^server/features/rosterImport/adapters/csv/write\\.ts$'] },
      to: { path: '(^|node_modules/)csv-stringify(/|$)' },
    },
    {
      name: 'web-core-imports-no-feature',
      comment: 'web/src/core holds the shared pieces; web/src/app assembles the features',
      severity: 'error',
      from: { path: '^web/src/core/' },
      to: { path: '^web/src/(features|app)/' },
    },
    {
      name: 'web-feature-only-through-index',
      comment: "a web feature imports another feature's index.ts, never its internals",
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/[^/]+/', pathNot: ['^web/src/features/$1/', '^web/src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'web-takes-only-types-from-the-server',
      comment: "the web imports the server's zod-inferred API types with `import type`, never server code",
      severity: 'error',
      from: { path: '^web/src/' },
      // the one exception: an isomorphic rule both sides must apply alike (the password strength), kept honest below
      to: { path: '^server/', pathNot: SHARED, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-modules-import-only-packages',
      comment: 'a *.shared.ts module runs in the browser too: it imports packages only, no node:* and nothing of the server',
      severity: 'error',
      from: { path: SHARED },
      to: { pathNot: '^node_modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
