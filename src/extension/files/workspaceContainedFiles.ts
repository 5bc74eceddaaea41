import * as vscode from 'vscode';
import { refuse, type ContainedFiles, type EntryKind } from '../../core/loading/containedFiles';
import { safeRelativePath } from '../../core/safePath';

/**
 * ContainedFiles through the editor's file system, for folders that are not on a local disk
 * (VS Code for the Web, virtual folders). It cannot read where a link leads, so every link
 * below the folder is refused; stat names devices and pipes as neither file nor folder.
 */
export function workspaceContainedFiles(root: vscode.Uri, label: string): ContainedFiles {
  const parts = (rel: string): string[] => {
    if (rel === '' || rel === '.') return [];
    const safe = safeRelativePath(rel);
    if (!safe) refuse('badPath', rel, label);
    return safe.split('/');
  };
  /** Stats each step from the folder down; undefined when a step is missing, a refusal on a link. */
  const walk = async (rel: string): Promise<{ uri: vscode.Uri; stat: vscode.FileStat } | undefined> => {
    let uri = root;
    let stat: vscode.FileStat | undefined = await statOf(root);
    for (const name of parts(rel)) {
      if (!stat) return undefined;
      uri = vscode.Uri.joinPath(uri, name);
      stat = await statOf(uri);
      if (stat && stat.type & vscode.FileType.SymbolicLink) refuse('link', rel);
    }
    return stat && { uri, stat };
  };
  return {
    label,
    async read(rel, maxBytes) {
      const found = await walk(rel);
      if (!found || found.stat.type === vscode.FileType.Directory) return undefined;
      if (found.stat.type !== vscode.FileType.File) refuse('notRegular', rel);
      if (found.stat.size > maxBytes) refuse('tooBig', rel, maxBytes);
      const bytes = await vscode.workspace.fs.readFile(found.uri);
      if (bytes.byteLength > maxBytes) refuse('tooBig', rel, maxBytes);
      return bytes;
    },
    async kind(rel) {
      const found = await walk(rel);
      return found && kindOf(found.stat.type);
    },
    async size(rel) {
      return (await walk(rel))?.stat.size;
    },
    async list(rel) {
      const found = await walk(rel);
      if (!found) return [];
      const entries = await vscode.workspace.fs.readDirectory(found.uri);
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    async checkWritable(rel) {
      // Every existing step must be a plain folder (or the file itself, not a link).
      await walk(rel);
    },
  };
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileNotADirectory')) return undefined;
    throw e;
  }
}

function kindOf(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.SymbolicLink) return 'link';
  return type === vscode.FileType.File ? 'file' : type === vscode.FileType.Directory ? 'directory' : 'other';
}
