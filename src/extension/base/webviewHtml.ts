import * as vscode from 'vscode';

/**
 * The page every panel starts from: a strict CSP (nothing by default; scripts only with this
 * load's nonce; styles, images and fonts only from the extension through asWebviewUri).
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, opts: { title: string; script: string; styles: string[]; imgSrc?: string[] }): string {
  // Web Crypto: the same in the Node and the web worker extension hosts.
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const asset = (p: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, p)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    // KaTeX positions glyphs with style attributes; attributes cannot run script.
    "style-src-attr 'unsafe-inline'",
    `img-src ${[webview.cspSource, ...(opts.imgSrc ?? [])].join(' ')}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const links = opts.styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeHtml(opts.title)}</title>
  </head>
  <body>
    <main id="root"></main>
    <script nonce="${nonce}" src="${asset(opts.script)}"></script>
  </body>
</html>`;
}

/**
 * Webviews may load only what the extension ships under these folders, and the `extra` folders a
 * panel names (the notes panel: the figures of runs, and the shown roadmap's folder for the
 * pictures its notes show once checked).
 */
export function webviewOptions(extensionUri: vscode.Uri, extra: readonly vscode.Uri[] = []): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'webview'), ...extra],
    retainContextWhenHidden: false,
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
