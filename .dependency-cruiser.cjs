/** The dependency rule of DESIGN §4, checked on every `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'server/domain imports nothing of the project outside itself and no platform.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: {
        pathNot: ['^server/domain/', '^node_modules/canonicalize/'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-does-not-import-infra',
      comment: 'Use cases depend on ports; infra implements them.',
      severity: 'error',
      from: { path: '^server/app/' },
      to: { path: ['^server/infra/', '^cloudfunctions/', '^tools/'] },
    },
    {
      name: 'contract-imports-only-domain',
      severity: 'error',
      from: { path: '^server/contract/' },
      to: { path: ['^server/app/', '^server/infra/', '^cloudfunctions/', '^tools/'] },
    },
    {
      name: 'miniprogram-only-types-from-contract',
      comment: 'zod never ships to the client: mini programs forbid new Function.',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'miniprogram-only-contract',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^server/', pathNot: '^server/contract/' },
    },
    {
      name: 'sdk-only-in-function-entry',
      comment:
        'wx-server-sdk is imported only by each function src/index.ts, and by the local cloud that runs the functions on it (a function instance, the host) and its wire test.',
      severity: 'error',
      from: {
        pathNot: [
          '^cloudfunctions/[^/]+/src/index\\.ts$',
          '^tools/local-cloud/(function-worker|local-cloud)\\.ts$',
          '^tests/integration/local-cloud/openapi-wire\\.test\\.ts$',
        ],
      },
      to: { path: 'wx-server-sdk' },
    },
    {
      name: 'no-circular',
      comment:
        'No module reaches itself through its imports, type-only ones included: a cycle hides which side owns the shared name.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^wx-server-sdk$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.build/', 'miniprogram_npm', '^cloudfunctions/[^/]+/index\\.js$'] },
    tsPreCompilationDeps: true,
    // A git worktree may link node_modules from another checkout: paths stay `node_modules/…`.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
