import * as vscode from 'vscode';
import { FileRefused } from '../../core/loading/containedFiles';
import type { Topic } from '../../core/model';
import type { PythonBlock } from '../../core/snippets/pythonBlocks';
import { notesRenderer } from '../base/lazyModules';
import { containedFiles } from '../files/containedFiles';
import type { RoadmapService } from '../roadmap/roadmapService';

/** What to do when the file to write exists: ask (the default), replace it, open it as it is, or stop. */
export type OnConflict = 'ask' | 'overwrite' | 'keep' | 'cancel';

export interface NoteFileOptions {
  onConflict?: OnConflict;
  /** Open the file after writing it (the default). */
  open?: boolean;
}

/**
 * A note's code for the learner's workspace: its Python blocks (parsed from the extension's own
 * copy of the note), a block saved as a .py file, and the whole note as a Jupyter notebook. No
 * file is replaced without asking.
 */
export class NoteCode {
  constructor(private readonly roadmaps: RoadmapService) {}

  /** The topic, its note and the note's Python blocks; undefined when the id is not a topic with notes. */
  async read(topicId: string): Promise<{ topic: Topic; markdown: string; blocks: PythonBlock[] } | undefined> {
    const topic = (await this.roadmaps.current()).topic(topicId);
    if (!topic?.notes) return undefined;
    const markdown = await this.roadmaps.readNotes(topic.notes);
    return { topic, markdown, blocks: (await notesRenderer()).notePythonBlocks(markdown) };
  }

  async block(topicId: string, index: number): Promise<{ topic: Topic; block: PythonBlock } | undefined> {
    const note = await this.read(topicId);
    const block = note?.blocks[index];
    return note && block && { topic: note.topic, block };
  }

  /** "Open as Notebook": writes notebooks/<topic>.ipynb and opens it (in the notebook editor where one is registered). */
  async openNotebook(topicId: string, options: NoteFileOptions = {}): Promise<vscode.Uri | undefined> {
    const note = await this.read(topicId);
    if (!note) return void vscode.window.showErrorMessage(`"${topicId}" is not a topic with notes in this roadmap.`);
    const renderer = await notesRenderer();
    const notebook = renderer.noteToNotebook({ markdown: note.markdown, blocks: note.blocks, topicId: note.topic.id, title: note.topic.title });
    const text = renderer.serializeNotebook(notebook);
    const uri = await this.writeNew(`notebooks/${note.topic.id}.ipynb`, text, `the notebook of "${note.topic.title}"`, options);
    if (uri && options.open !== false) await vscode.commands.executeCommand('vscode.open', uri);
    return uri;
  }

  /** "Copy to Workspace": writes snippets/<topic>-<n>.py with the block's code and opens it. */
  async copyBlock(topicId: string, index: number, options: NoteFileOptions = {}): Promise<vscode.Uri | undefined> {
    const found = await this.block(topicId, index);
    if (!found) return void vscode.window.showErrorMessage(`The notes of "${topicId}" have no Python block ${index + 1}.`);
    const { topic, block } = found;
    const header = `# ${topic.title}: Python block ${index + 1} of its AI Roadmap notes.\n`;
    const code = block.code.endsWith('\n') ? block.code : `${block.code}\n`;
    const uri = await this.writeNew(`snippets/${topic.id}-${index + 1}.py`, header + code, `block ${index + 1} of "${topic.title}"`, options);
    if (uri && options.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }

  /**
   * Writes `rel` in the first workspace folder (or where the learner says, without one) unless it
   * exists: then asks, or does what `onConflict` says. A path through a link that leads out of the
   * folder is refused with a sentence. Returns the file to open, or undefined when nothing is.
   */
  private async writeNew(rel: string, text: string, what: string, options: NoteFileOptions): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) {
      const name = rel.split('/').pop()!;
      const chosen = await vscode.window.showSaveDialog({ title: `Save ${what}`, defaultUri: vscode.Uri.file(name), saveLabel: 'Save' });
      if (chosen) await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(text));
      return chosen;
    }
    const uri = vscode.Uri.joinPath(folder, ...rel.split('/'));
    try {
      const files = containedFiles(folder, 'the workspace folder');
      await files.checkWritable(rel);
      const kind = await files.kind(rel);
      if (kind !== undefined && kind !== 'file') throw new Error(`${rel} exists in the workspace and is not a file.`);
      if (kind === 'file') {
        const choice = await this.onConflict(rel, options.onConflict ?? 'ask');
        if (choice === 'cancel') return undefined;
        if (choice === 'keep') return uri;
      }
    } catch (e) {
      const reason = e instanceof FileRefused ? `${e.message} Nothing was written.` : (e as Error).message;
      void vscode.window.showErrorMessage(`Could not save ${what}: ${reason}`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  private async onConflict(rel: string, given: OnConflict): Promise<Exclude<OnConflict, 'ask'>> {
    if (given !== 'ask') return given;
    const answer = await vscode.window.showWarningMessage(
      `${rel} already exists in the workspace.`,
      { modal: true, detail: 'Replace it with a fresh copy from the notes (your changes in it are lost), or open it as it is?' },
      'Replace',
      'Open Existing',
    );
    return answer === 'Replace' ? 'overwrite' : answer === 'Open Existing' ? 'keep' : 'cancel';
  }
}
