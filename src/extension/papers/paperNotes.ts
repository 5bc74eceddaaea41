import * as vscode from 'vscode';
import { noteFileName } from '../../core/papers/paperIds';
import type { Paper } from '../../core/papers/paperModel';
import { exists } from '../files/exists';

/**
 * A markdown note per paper, kept like My notes: a file in the extension's global storage,
 * created once with a heading and never overwritten, and kept when the paper leaves the list
 * (adding it again brings the note back).
 */
export class PaperNotes {
  constructor(private readonly storage: vscode.Uri) {}

  uri(paperId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'paper-notes', noteFileName(paperId));
  }

  exists(paperId: string): Promise<boolean> {
    return exists(this.uri(paperId));
  }

  async open(paper: Paper): Promise<vscode.TextEditor> {
    const uri = this.uri(paper.id);
    if (!(await this.exists(paper.id))) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      const heading = `# ${paper.title.replace(/[\r\n]+/g, ' ')}\n\n<!-- ${paper.id} -->\n\n## First pass\n\n## Second pass\n\n## Third pass\n\n`;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(heading));
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
}
