// esbuild plugin: every `import * as vscode from 'vscode'` shares one namespace object. Left to
// itself, esbuild wraps require('vscode') once per importing file (about sixty), copying each of
// the API's few hundred properties onto a fresh object every time, which costs activation
// milliseconds for nothing. Here `vscode` resolves to one module that re-exports the real API once.
export const vscodeNamespacePlugin = {
  name: 'vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
