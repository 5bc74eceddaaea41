import * as vscode from 'vscode';

/** Opens only http and https addresses, through the editor; anything else is refused. */
export async function openWebLink(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') {
    void vscode.window.showWarningMessage(`AI Roadmap opens only http and https links; "${url.slice(0, 80)}" was not opened.`);
    return false;
  }
  return vscode.env.openExternal(uri);
}
