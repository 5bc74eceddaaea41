import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type * as vscode from 'vscode';

export interface SnippetProcessOptions {
  python: string;
  code: string;
  timeoutMs: number;
  token?: vscode.CancellationToken;
  /** Each piece of output as it comes, decoded (a character split between reads is kept whole). */
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  /** Where figures the code saved are moved to (made when there is one); the run folder itself is removed. */
  figuresFolder: string;
}

export interface SnippetProcessResult {
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  spawnError?: string;
  /** Figures moved to `figuresFolder`: the name the code gave (relative to the run folder) and where it is now. */
  figures: Array<{ name: string; path: string }>;
}

/** At most this many figures per run, each at most this large: a loop that saves thousands shows the first few. */
export const MAX_FIGURES = 12;
export const MAX_FIGURE_BYTES = 10 * 1024 * 1024;
const FIGURE_TYPES = /\.(png|jpe?g|gif|svg|webp)$/i;

/**
 * Runs a snippet with `python -u snippet.py` in a fresh private temporary folder, with
 * matplotlib's file-only backend (figures are saved, never opened in a window), stdin closed,
 * a time limit and cancellation. The process gets a group of its own, so Stop and the time
 * limit end whatever it started too. Afterwards the folder is removed; figures it saved there
 * are moved out first (plain image files only: never a link, never a file with other names).
 */
export function runSnippetProcess(opts: SnippetProcessOptions): Promise<SnippetProcessResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-roadmap-run-'));
  writeFileSync(join(dir, 'snippet.py'), opts.code);
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    const child = spawn(opts.python, ['-u', 'snippet.py'], {
      cwd: dir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', MPLBACKEND: 'Agg', PYTHONIOENCODING: 'utf-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const kill = () => {
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already; the child may not be
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const sub = opts.token?.onCancellationRequested(() => {
      cancelled = true;
      kill();
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new TextDecoder();
      child[stream].on('data', (b: Buffer) => opts.onOutput(stream, decoder.decode(b, { stream: true })));
      child[stream].on('end', () => {
        const rest = decoder.decode();
        if (rest) opts.onOutput(stream, rest);
      });
    }
    const end = (exitCode: number | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sub?.dispose();
      if (!spawnError) kill(); // anything the snippet left running in its group goes with it
      let figures: SnippetProcessResult['figures'] = [];
      try {
        figures = spawnError ? [] : keepFigures(dir, opts.figuresFolder);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      resolve({ exitCode, timedOut, cancelled, spawnError, figures });
    };
    child.on('error', (e) => end(null, e.message));
    child.on('close', (code) => end(code));
  });
}

/** A new folder's path for this session's figures; made, private, on first use. */
export function newFiguresRoot(): string | undefined {
  return join(tmpdir(), `ai-roadmap-figures-${randomBytes(8).toString('hex')}`);
}

/** Makes the session's figures folder (only this user may read it) and a new folder in it for one run. */
export function makeRunFiguresFolder(root: string, runId: string): string {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  return join(root, runId);
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Moves the image files the snippet saved (two folder levels deep at most) to `to`; returns them in name order. */
function keepFigures(dir: string, to: string): SnippetProcessResult['figures'] {
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= MAX_FIGURES) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 2) walk(path, depth + 1);
      else if (entry.isFile() && FIGURE_TYPES.test(entry.name) && isPlainImage(path)) found.push(path);
    }
  };
  walk(dir, 0);
  if (!found.length) return [];
  mkdirSync(to, { mode: 0o700 });
  return found.map((path, i) => {
    const name = relative(dir, path).split('\\').join('/');
    const kept = join(to, `${i + 1}-${name.replace(/[^\w.-]/g, '_')}`);
    renameSync(path, kept);
    return { name, path: kept };
  });
}

/** A regular file with one name (no link, no second name for a file elsewhere), not too large, whose first bytes are an image's. */
function isPlainImage(path: string): boolean {
  const st = lstatSync(path);
  if (!st.isFile() || st.nlink !== 1 || st.size === 0 || st.size > MAX_FIGURE_BYTES) return false;
  const head = Buffer.alloc(512);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const ascii = head.toString('latin1');
  return (
    ascii.startsWith('\x89PNG') ||
    (head[0] === 0xff && head[1] === 0xd8) ||
    ascii.startsWith('GIF8') ||
    (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') ||
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/.test(ascii) ||
    /^\s*<\?xml[\s\S]*<svg[\s>]/.test(ascii)
  );
}
