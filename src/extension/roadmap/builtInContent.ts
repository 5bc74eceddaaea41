import * as vscode from 'vscode';

/**
 * The built-in roadmap's notes and exercise files, as a read-only file system over the content
 * pack (dist/content.json.zst, written by scripts/compile-roadmap.ts). One JSON file compressed
 * with Zstandard is far smaller in the vsix than a hundred small ones; through this provider the
 * rest of the extension reads, lists, copies and opens them like any folder. The pack is read and
 * decompressed (fzstd, plain JavaScript, so the web worker does the same) on first use.
 */
export class BuiltInContent implements vscode.FileSystemProvider {
  static readonly scheme = 'ai-roadmap';
  static readonly root = vscode.Uri.from({ scheme: BuiltInContent.scheme, path: '/' });
  private files: Promise<Map<string, string | Uint8Array>> | undefined;
  private readonly never = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.never.event;

  constructor(private readonly packUri: vscode.Uri) {}

  static register(packUri: vscode.Uri): vscode.Disposable {
    const provider = new BuiltInContent(packUri);
    return vscode.Disposable.from(provider.never, vscode.workspace.registerFileSystemProvider(BuiltInContent.scheme, provider, { isReadonly: true, isCaseSensitive: true }));
  }

  private pack(): Promise<Map<string, string | Uint8Array>> {
    this.files ??= Promise.resolve(vscode.workspace.fs.readFile(this.packUri)).then((bytes) => {
      // Required here, not imported: the decompressor is evaluated with the first note, not at activation.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { decompress } = require('fzstd') as typeof import('fzstd');
      // Text files as they are; pictures that are not text (PNG, JPEG...) in base64.
      const { files, binary = {} } = JSON.parse(new TextDecoder().decode(decompress(bytes))) as { files: Record<string, string>; binary?: Record<string, string> };
      const decoded = Object.entries(binary).map(([k, b64]) => [k, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))] as const);
      return new Map<string, string | Uint8Array>([...Object.entries(files), ...decoded]);
    });
    this.files.catch(() => (this.files = undefined)); // a failed read may be retried
    return this.files;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const files = await this.pack();
    const key = keyOf(uri);
    const file = files.get(key);
    if (file !== undefined) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: bytesOf(file).byteLength, permissions: vscode.FilePermission.Readonly };
    if (key === '' || [...files.keys()].some((f) => f.startsWith(`${key}/`))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const files = await this.pack();
    const key = keyOf(uri);
    const prefix = key ? `${key}/` : '';
    const entries = new Map<string, vscode.FileType>();
    for (const f of files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const [name, ...rest] = f.slice(prefix.length).split('/');
      entries.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    if (!entries.size && key) throw vscode.FileSystemError.FileNotFound(uri);
    return [...entries];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const file = (await this.pack()).get(keyOf(uri));
    if (file === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return bytesOf(file);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // the pack never changes while the extension runs
  }

  createDirectory(uri: vscode.Uri): never {
    throw readOnly(uri);
  }
  writeFile(uri: vscode.Uri): never {
    throw readOnly(uri);
  }
  delete(uri: vscode.Uri): never {
    throw readOnly(uri);
  }
  rename(uri: vscode.Uri): never {
    throw readOnly(uri);
  }
}

function bytesOf(file: string | Uint8Array): Uint8Array {
  return typeof file === 'string' ? new TextEncoder().encode(file) : file;
}

/** "notes/x.md" for ai-roadmap:/notes/x.md; "" for the root. */
function keyOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\/+|\/+$/g, '');
}

function readOnly(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(`${uri.path} is part of the built-in roadmap, which is read-only.`);
}
