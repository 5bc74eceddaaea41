import * as vscode from 'vscode';
import type { Roadmap } from '../core/model';
import { RoadmapIndex } from '../core/roadmapIndex';
import { safeRelativePath } from '../core/safePath';

/**
 * Owns the roadmap the extension shows. The built-in one is the JSON index compiled at build
 * time (no YAML parsed in the editor); it is read on first use, not at activation.
 */
export class RoadmapService implements vscode.Disposable {
  private loaded: Promise<RoadmapIndex> | undefined;
  private readonly changed = new vscode.EventEmitter<RoadmapIndex>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The root folder of the shown roadmap: notes and templates are relative to it. */
  get contentRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'roadmap');
  }

  current(): Promise<RoadmapIndex> {
    this.loaded ??= this.readBuiltIn();
    return this.loaded;
  }

  /** The text of a notes file of the shown roadmap; paths were checked when it was loaded. */
  async readNotes(notesPath: string): Promise<string> {
    const safe = safeRelativePath(notesPath);
    if (!safe) throw new Error(`Notes path "${notesPath}" leaves the roadmap folder.`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.contentRoot, ...safe.split('/')));
    return new TextDecoder().decode(bytes);
  }

  private async readBuiltIn(): Promise<RoadmapIndex> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'roadmap.json'));
    return new RoadmapIndex(JSON.parse(new TextDecoder().decode(bytes)) as Roadmap);
  }

  dispose() {
    this.changed.dispose();
  }
}
