import * as vscode from 'vscode';
import type { SourceLocation } from '../../core/exercises/pytestReport';
import { defaultExerciseFolder } from '../../core/exercises/scaffoldPlan';
import { discoverTests, isTestFile, MAX_TEST_FILE_CHARS, withoutParameters } from '../../core/exercises/testDiscovery';
import { CoalescingRunner } from '../../core/util/coalescingRunner';
import type { RoadmapService } from '../roadmap/roadmapService';
import { exists } from '../files/exists';

export const CONTROLLER_ID = 'aiRoadmap.exercises';

/**
 * The Test Explorer's tree: exercise → test file → test, for every exercise scaffolded in
 * exercises/<id> of a workspace folder. Item ids: "<exercise>", "<exercise>/<file>",
 * "<exercise>/<pytest node id>". Files are re-read when they change; pytest's results add the
 * tests the text scan missed.
 */
export class ExerciseTestTree implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(CONTROLLER_ID, 'AI Roadmap Exercises');
  private readonly folders = new Map<string, vscode.Uri>();
  private readonly rediscover = new CoalescingRunner(() => this.discover(), 250);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly roadmaps: RoadmapService) {
    this.controller.resolveHandler = (item) => (item ? this.resolve(item) : this.discover());
    this.controller.refreshHandler = () => this.discover();
    const watcher = vscode.workspace.createFileSystemWatcher('**/exercises/**');
    const changed = (uri: vscode.Uri) => void this.onFileChanged(uri);
    // The watcher can miss events on a loaded machine (code-server); the editor's own file events and saves cannot.
    const each = (e: { readonly files: readonly vscode.Uri[] }) => e.files.forEach(changed);
    this.disposables.push(
      watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri)), vscode.workspace.onDidCreateFiles(each), vscode.workspace.onDidDeleteFiles(each),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => (changed(f.oldUri), changed(f.newUri)))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rediscover.request()), roadmaps.onDidChange(() => this.rediscover.request()),
    );
  }

  /** Finds the scaffolded exercises: one item each, in roadmap order, children read at once (the files are few and small). */
  async discover(): Promise<void> {
    const index = await this.roadmaps.current();
    const found: vscode.TestItem[] = [];
    this.folders.clear();
    for (const [order, exercise] of index.roadmap.exercises.entries()) {
      for (const ws of vscode.workspace.workspaceFolders ?? []) {
        const folder = vscode.Uri.joinPath(ws.uri, ...defaultExerciseFolder(exercise.id).split('/'));
        if (!(await exists(folder))) continue;
        const item = this.controller.items.get(exercise.id) ?? this.controller.createTestItem(exercise.id, exercise.title, folder);
        item.sortText = String(order).padStart(4, '0');
        this.folders.set(exercise.id, folder);
        found.push(item);
        break;
      }
    }
    this.controller.items.replace(found);
    await Promise.all(found.map((item) => this.resolve(item)));
  }

  /** The exercise item for an exercise in `folder` (made when the folder is new to the tree). */
  async ensureExercise(id: string, title: string, folder: vscode.Uri): Promise<vscode.TestItem> {
    let item = this.controller.items.get(id);
    if (!item || item.uri?.toString() !== folder.toString()) {
      item = this.controller.createTestItem(id, title, folder);
      this.controller.items.add(item);
    }
    this.folders.set(id, folder);
    await this.resolve(item);
    return item;
  }

  folderOf(exerciseId: string): vscode.Uri | undefined {
    return this.folders.get(exerciseId);
  }

  /** The exercise a file belongs to, when it is inside a scaffolded exercise folder. */
  exerciseAt(uri: vscode.Uri): string | undefined {
    for (const [id, folder] of this.folders) if (uri.toString().startsWith(`${folder.toString()}/`)) return id;
    return undefined;
  }

  /** pytest node ids for the items a request names, grouped by exercise; an empty list means the whole exercise. */
  static nodeIdsOf(item: vscode.TestItem): { exerciseId: string; nodeId?: string } {
    const slash = item.id.indexOf('/');
    return slash < 0 ? { exerciseId: item.id } : { exerciseId: item.id.slice(0, slash), nodeId: item.id.slice(slash + 1) };
  }

  /** The item a pytest result belongs to (parameters fold into their test); made when the scan missed it. */
  itemFor(exerciseId: string, nodeId: string, definedAt: SourceLocation | undefined): vscode.TestItem | undefined {
    const exercise = this.controller.items.get(exerciseId);
    const folder = this.folders.get(exerciseId);
    if (!exercise || !folder) return undefined;
    const [file, ...rest] = nodeId.split('::');
    const fileId = `${exerciseId}/${file}`;
    let fileItem = exercise.children.get(fileId);
    if (!fileItem) {
      fileItem = this.controller.createTestItem(fileId, file, vscode.Uri.joinPath(folder, ...file.split('/')));
      exercise.children.add(fileItem);
    }
    if (!rest.length) return fileItem;
    const testId = `${exerciseId}/${withoutParameters(nodeId)}`;
    let test = fileItem.children.get(testId);
    if (!test) {
      test = this.controller.createTestItem(testId, withoutParameters(nodeId).split('::').slice(1).join('::'), fileItem.uri);
      if (definedAt) test.range = new vscode.Range(definedAt.line - 1, 0, definedAt.line - 1, 0);
      fileItem.children.add(test);
    }
    return test;
  }

  private async onFileChanged(uri: vscode.Uri): Promise<void> {
    const id = this.exerciseAt(uri);
    const item = id && this.controller.items.get(id);
    if (item) await this.resolve(item);
    else if (/\/exercises\/[^/]+$/.test(uri.path) || /\/exercises\/[^/]+\//.test(uri.path)) this.rediscover.request();
  }

  private async resolve(item: vscode.TestItem): Promise<void> {
    const { exerciseId, nodeId } = ExerciseTestTree.nodeIdsOf(item);
    const folder = this.folders.get(exerciseId);
    if (nodeId || !folder) return;
    let files: string[];
    try {
      files = (await listFiles(folder)).filter(isTestFile);
    } catch {
      files = [];
    }
    const fileItems: vscode.TestItem[] = [];
    for (const file of files) {
      const uri = vscode.Uri.joinPath(folder, ...file.split('/'));
      const fileItem = item.children.get(`${exerciseId}/${file}`) ?? this.controller.createTestItem(`${exerciseId}/${file}`, file, uri);
      const text = await readText(uri);
      fileItem.children.replace(
        discoverTests(file, text).map((t) => {
          const test = fileItem.children.get(`${exerciseId}/${t.id}`) ?? this.controller.createTestItem(`${exerciseId}/${t.id}`, t.id.split('::').slice(1).join('::'), uri);
          test.range = new vscode.Range(t.line - 1, 0, t.line - 1, 0);
          return test;
        }),
      );
      fileItems.push(fileItem);
    }
    item.children.replace(fileItems);
  }

  dispose(): void {
    this.rediscover.dispose();
    for (const d of this.disposables) d.dispose();
    this.controller.dispose();
  }
}

/** Bounds on what the tree reads of a learner's folder: it is theirs, and may hold anything. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 500;

/** Files below `root` as relative paths: links not followed, caches and hidden folders skipped, depth and count bounded. */
async function listFiles(root: vscode.Uri): Promise<string[]> {
  const out: string[] = [];
  let seen = 0;
  const walk = async (rel: string, depth: number): Promise<void> => {
    const entries = await vscode.workspace.fs.readDirectory(rel ? vscode.Uri.joinPath(root, ...rel.split('/')) : root);
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (++seen > MAX_ENTRIES) return;
      if (type & vscode.FileType.SymbolicLink || name.startsWith('.') || name === '__pycache__') continue;
      const path = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (depth < MAX_DEPTH) await walk(path, depth + 1);
      } else if (type & vscode.FileType.File) out.push(path);
    }
  };
  await walk('', 0);
  return out;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_TEST_FILE_CHARS) return '';
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}
