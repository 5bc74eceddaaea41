import * as vscode from 'vscode';
import { listTemplate } from '../../core/exercises/templateFiles';
import { FileRefused } from '../../core/loading/containedFiles';
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_FILE_BYTES } from '../../core/loading/limits';
import type { ExerciseEntry } from '../../core/model';
import { join } from '../../core/util/posixPath';
import { containedFiles } from '../files/containedFiles';
import type { RoadmapService } from '../roadmap/roadmapService';

/** Everything a scaffold needs, checked before the first byte is written. */
export interface PreparedCopy {
  /** The template's plain files and their bytes, by path relative to the exercise folder. */
  sources: Map<string, Uint8Array>;
  /** Template paths that already exist in the exercise folder. */
  existing: string[];
  /** Template entries left out: links and anything that is not a plain file. */
  left: string[];
  at(rel: string): vscode.Uri;
}

/**
 * Reads an exercise's template from inside the roadmap folder and checks every destination in
 * the workspace: a target folder that is, or holds, a link leading out of the workspace is
 * refused with a sentence, before anything is written.
 */
export async function prepareCopy(roadmaps: RoadmapService, exercise: ExerciseEntry, folder: vscode.Uri): Promise<PreparedCopy> {
  if (!exercise.path) throw new Error(`Exercise "${exercise.title}" has no template folder.`);
  const roadmap = containedFiles(roadmaps.contentRoot, 'the roadmap folder');
  const templateDir = join(exercise.path, 'template');
  const { base, rel: target } = containingFolder(folder);
  const workspace = containedFiles(base, base === folder ? 'the exercise folder' : 'the workspace folder');
  try {
    const listing = await listTemplate(roadmap, templateDir);
    const sources = new Map<string, Uint8Array>();
    let total = 0;
    for (const rel of listing.files) {
      const bytes = await roadmap.read(join(templateDir, rel), MAX_TEMPLATE_FILE_BYTES);
      if (!bytes) throw new Error(`The template file "${rel}" disappeared while it was read.`);
      total += bytes.byteLength;
      if (total > MAX_TEMPLATE_BYTES) throw new Error(`The template's files together are larger than ${MAX_TEMPLATE_BYTES / 1048576} MB.`);
      sources.set(rel, bytes);
    }
    const existing: string[] = [];
    if (target) await workspace.checkWritable(target);
    for (const rel of sources.keys()) {
      const dest = target ? join(target, rel) : rel;
      await workspace.checkWritable(dest);
      if ((await workspace.kind(dest)) !== undefined) existing.push(rel);
    }
    return { sources, existing, left: listing.left, at: (rel) => vscode.Uri.joinPath(folder, ...rel.split('/')) };
  } catch (e) {
    if (e instanceof FileRefused) throw new Error(`${e.message} Nothing was written.`);
    throw e;
  }
}

/** The workspace folder that holds `folder` and the path between them; a folder outside any workspace stands for itself. */
function containingFolder(folder: vscode.Uri): { base: vscode.Uri; rel: string } {
  const ws = vscode.workspace.getWorkspaceFolder(folder);
  if (!ws || ws.uri.toString() === folder.toString()) return { base: ws?.uri ?? folder, rel: '' };
  return { base: ws.uri, rel: folder.path.slice(ws.uri.path.replace(/\/$/, '').length + 1) };
}
