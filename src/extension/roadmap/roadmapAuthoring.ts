import * as vscode from 'vscode';
import { MAX_OUTLINE_BYTES } from '../../core/authoring/outlineLimits';
import { slugOf, titleFromName } from '../../core/authoring/slugs';
import { starterFiles, type StarterPack } from '../../core/authoring/starter';
import { isWindowsReservedName } from '../../core/ids';
import { safeRelativePath } from '../../core/safePath';
import { outlineImporter } from '../base/lazyModules';
import { Disposable } from '../base/lifecycle';
import type { Settings } from '../base/settings';
import { containedFiles } from '../files/containedFiles';
import { exists } from '../files/exists';
import type { RoadmapService } from './roadmapService';

/** Where a new roadmap folder goes: a folder of the workspace that does not exist yet. */
interface NewFolder {
  uri: vscode.Uri;
  /** As the person named it, relative to the workspace folder. */
  name: string;
  workspace: vscode.WorkspaceFolder;
}

/** What New Roadmap and Import Outline return: the new roadmap.yaml, the sentence that refused, or undefined when cancelled. */
export type NewRoadmapResult = vscode.Uri | string | undefined;

export const NO_WORKSPACE = 'A new roadmap is written into the workspace: open a folder first.';

/**
 * The teacher's tools that write a roadmap: New Roadmap (the starter, from dist/starter.json) and
 * Import Outline (a markdown outline through the core importer). Both write into a folder of the
 * workspace that does not exist yet, never over anything, then show the roadmap and open its
 * roadmap.yaml. What the importer had to guess is listed in the Problems view, on the outline.
 */
export class RoadmapAuthoring extends Disposable {
  private readonly remarks = this._register(vscode.languages.createDiagnosticCollection('AI Roadmap outline'));

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly settings: Settings,
    private readonly roadmaps: RoadmapService,
  ) {
    super();
  }

  /** "New Roadmap...": `target` is a folder (a URI, or a path relative to the workspace); asked for when missing. */
  async newRoadmap(target?: unknown): Promise<NewRoadmapResult> {
    const folder = await this.newFolder(target, 'my-roadmap', 'Name of the new roadmap folder, in the workspace');
    if (typeof folder !== 'object') return this.refused(folder);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'starter.json'));
    const pack = JSON.parse(new TextDecoder().decode(bytes)) as StarterPack;
    const name = folder.name.split('/').pop() ?? folder.name;
    return this.writeAndShow(folder, starterFiles(pack, name));
  }

  /** "Import Outline as Roadmap...": `outline` a markdown file (else the active one, else asked); `target` as for newRoadmap. */
  async importOutline(outline?: unknown, target?: unknown): Promise<NewRoadmapResult> {
    const file = outline instanceof vscode.Uri ? outline : await this.pickOutline();
    if (!file) return undefined;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(file)).catch(() => undefined);
    if (!stat || stat.type !== vscode.FileType.File) return this.refused(`There is no outline file ${file.path.split('/').pop()}.`);
    if (stat.size > MAX_OUTLINE_BYTES) return this.refused(`The outline is larger than ${MAX_OUTLINE_BYTES / 1024 / 1024} MB, the most that is imported.`);
    const base = file.path.split('/').pop()!.replace(/\.[^.]*$/, '');
    const folder = await this.newFolder(target, slugOf(base, 'imported-roadmap'), 'Name of the new roadmap folder for this outline, in the workspace');
    if (typeof folder !== 'object') return this.refused(folder);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const { importOutline } = await outlineImporter(); // markdown-it and yaml load on first use
    let imported;
    try {
      imported = importOutline(text, { title: titleFromName(folder.name.split('/').pop()!) || 'Imported roadmap' });
    } catch (e) {
      return this.refused((e as Error).message);
    }
    this.remarks.set(
      file,
      imported.remarks.map((r) => {
        const d = new vscode.Diagnostic(new vscode.Range(r.line - 1, 0, r.line - 1, 1000), r.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'AI Roadmap outline';
        return d;
      }),
    );
    const shown = await this.writeAndShow(folder, imported.files);
    if (shown instanceof vscode.Uri) {
      const { layers, topics, subtopics, resources } = imported.counts;
      const guessed = imported.remarks.length ? ` ${imported.remarks.length} remark${imported.remarks.length === 1 ? ' is' : 's are'} in the Problems view.` : '';
      void vscode.window.showInformationMessage(`Imported ${layers} layer(s), ${topics} topic(s), ${subtopics} sub-topic(s) and ${resources} resource(s) into ${folder.name}.${guessed}`);
    }
    return shown;
  }

  private async pickOutline(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    if (active && (active.languageId === 'markdown' || /\.md$/i.test(active.uri.path))) return active.uri;
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Markdown outline': ['md', 'markdown'] }, openLabel: 'Import as Roadmap' });
    return picked?.[0];
  }

  /** The folder to write: `target` when given, else asked for; a sentence when it cannot be used. */
  private async newFolder(target: unknown, suggested: string, prompt: string): Promise<NewFolder | string | undefined> {
    const workspace = target instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(target) : vscode.workspace.workspaceFolders?.[0];
    if (!workspace) return target instanceof vscode.Uri ? `${target.path} is not inside a workspace folder; a new roadmap is written into the workspace.` : NO_WORKSPACE;
    let name: string | undefined;
    if (target instanceof vscode.Uri) name = target.path.slice(workspace.uri.path.replace(/\/$/, '').length + 1);
    else if (typeof target === 'string') name = target;
    else {
      name = await vscode.window.showInputBox({
        title: prompt,
        prompt: 'A folder that does not exist yet; nothing is ever overwritten.',
        value: await this.freeName(workspace, suggested),
        validateInput: async (value) => (await this.check(workspace, value)) ?? undefined,
      });
      if (name === undefined) return undefined;
    }
    const refusal = await this.check(workspace, name);
    if (refusal) return refusal;
    const rel = safeRelativePath(name.trim().replace(/\/+$/, ''))!;
    return { uri: vscode.Uri.joinPath(workspace.uri, ...rel.split('/')), name: rel, workspace };
  }

  /** Why `name` cannot be the new folder, or undefined when it can. */
  private async check(workspace: vscode.WorkspaceFolder, name: string): Promise<string | undefined> {
    const rel = safeRelativePath(name.trim().replace(/\/+$/, ''));
    if (!rel) return `"${name}" is not a folder name inside the workspace.`;
    const reserved = rel.split('/').find(isWindowsReservedName);
    if (reserved) return `"${reserved}" is a device name on Windows, so no folder can have it; choose another name.`;
    if (await exists(vscode.Uri.joinPath(workspace.uri, ...rel.split('/')))) {
      return `"${rel}" already exists in the workspace, so nothing was written: a new roadmap never overwrites anything. Choose another name.`;
    }
    try {
      // A folder on the way that is a link out of the workspace is refused.
      await containedFiles(workspace.uri, 'the workspace folder').checkWritable(rel);
    } catch (e) {
      return (e as Error).message;
    }
    return undefined;
  }

  /** `suggested`, or `suggested-2`, `-3`... the first that is free. */
  private async freeName(workspace: vscode.WorkspaceFolder, suggested: string): Promise<string> {
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? suggested : `${suggested}-${n}`;
      if (!(await exists(vscode.Uri.joinPath(workspace.uri, name)))) return name;
    }
    return suggested;
  }

  /** Writes the files into the new folder, each only where nothing is, then shows the roadmap and opens roadmap.yaml. */
  private async writeAndShow(folder: NewFolder, files: Record<string, string>): Promise<NewRoadmapResult> {
    // Checked again just before writing: something may have appeared while the person typed.
    if (await exists(folder.uri)) return this.refused(`"${folder.name}" already exists in the workspace, so nothing was written: a new roadmap never overwrites anything. Choose another name.`);
    await vscode.workspace.fs.createDirectory(folder.uri);
    const encoder = new TextEncoder();
    for (const [rel, text] of Object.entries(files)) {
      const safe = safeRelativePath(rel);
      if (!safe) continue; // the starter and the importer write relative paths only
      const uri = vscode.Uri.joinPath(folder.uri, ...safe.split('/'));
      if (await exists(uri)) return this.refused(`"${folder.name}/${safe}" appeared while the roadmap was written; the files written so far stay, nothing was overwritten.`);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    }
    const roadmapFile = vscode.Uri.joinPath(folder.uri, 'roadmap.yaml');
    // Relative to the workspace, so a class can commit the setting.
    await this.settings.update('roadmapFile', vscode.workspace.asRelativePath(roadmapFile, false));
    await this.roadmaps.reload();
    await vscode.window.showTextDocument(roadmapFile, { preview: false });
    return roadmapFile;
  }

  private refused(sentence: string | undefined): string | undefined {
    if (sentence) void vscode.window.showErrorMessage(`AI Roadmap: ${sentence}`);
    return sentence;
  }
}
