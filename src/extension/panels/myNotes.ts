import * as vscode from 'vscode';
import type { Topic } from '../../core/model';
import { exists } from '../files/exists';

/**
 * The learner's own notes, one markdown file per topic in the extension's global storage, so
 * they outlive the panel and are the same in every workspace.
 */
export class MyNotes {
  constructor(private readonly storage: vscode.Uri) {}

  uri(roadmapId: string, topicId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'my-notes', roadmapId, `${topicId}.md`);
  }

  exists(roadmapId: string, topicId: string): Promise<boolean> {
    return exists(this.uri(roadmapId, topicId));
  }

  /** Opens the file beside the panel, creating it with a heading the first time (never overwriting). */
  async open(roadmapId: string, topic: Topic): Promise<vscode.TextEditor> {
    const uri = this.uri(roadmapId, topic.id);
    if (!(await this.exists(roadmapId, topic.id))) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# My notes: ${topic.title}\n\n`));
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
}
