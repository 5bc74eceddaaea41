// VS Code for the Web keeps what activation does not run inside dist/web/extension.js, unevaluated
// until first use: the web worker has no synchronous read of another file, and the features are
// built synchronously (lazyFeatures.ts). See lazyPart.ts for the Node host's split.

/** The web build has no separate lazy part. */
export function lazyPartState(): 'not loaded' | 'loaded' | 'none' {
  return 'none';
}
