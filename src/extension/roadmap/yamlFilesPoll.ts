import * as vscode from 'vscode';

/**
 * A backstop for the file watcher: while an author's roadmap is shown, the YAML files of its
 * folder (and of its direct subfolders) are stat'ed every few seconds, so a change made outside
 * the editor is seen even when the watcher misses it (seen in code-server on a loaded machine).
 * Bounded: 200 entries a folder, links not followed, one check at a time.
 */
export class YamlFilesPoll implements vscode.Disposable {
  private readonly timer: ReturnType<typeof setInterval>;
  private last: string | undefined;
  private busy = false;

  constructor(
    private readonly dir: vscode.Uri,
    private readonly onChange: () => void,
    intervalMs = 3000,
  ) {
    void this.fingerprint().then((f) => (this.last ??= f));
    this.timer = setInterval(() => void this.check(), intervalMs);
  }

  private async check() {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = await this.fingerprint();
      if (this.last !== undefined && now !== this.last) this.onChange();
      this.last = now;
    } finally {
      this.busy = false;
    }
  }

  private async fingerprint(): Promise<string> {
    const parts: string[] = [];
    const visit = async (folder: vscode.Uri, depth: number) => {
      let entries: Array<[string, vscode.FileType]>;
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        return;
      }
      for (const [name, type] of entries.slice(0, 200)) {
        if (type & vscode.FileType.SymbolicLink) continue;
        const child = vscode.Uri.joinPath(folder, name);
        if (type === vscode.FileType.Directory && depth === 0) await visit(child, 1);
        else if (type === vscode.FileType.File && /\.ya?ml$/i.test(name)) {
          const s = await vscode.workspace.fs.stat(child).then(undefined, () => undefined);
          if (s) parts.push(`${child.path}:${s.mtime}:${s.size}`);
        }
      }
    };
    await visit(this.dir, 0);
    return parts.sort().join('\n');
  }

  dispose() {
    clearInterval(this.timer);
  }
}
