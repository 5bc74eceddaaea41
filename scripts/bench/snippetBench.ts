import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSnippetProcess } from '../../src/extension/exercises/snippetProcess';
import { ms, type Row } from './measure';

/** Time to the first output of `print(1)` through the notes' runner: temporary folder, file, process group, figure scan. */
async function throughRunner(python: string, figures: string): Promise<number> {
  const t0 = performance.now();
  let first = 0;
  await runSnippetProcess({ python, code: 'print(1)\n', timeoutMs: 60_000, figuresFolder: figures, onOutput: () => (first ||= performance.now() - t0) });
  return first;
}

/** The floor: the bare `python3 -c 'print(1)'` spawn, to its first stdout. */
function bare(python: string): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let first = 0;
    const child = spawn(python, ['-c', 'print(1)']);
    child.stdout.on('data', () => (first ||= performance.now() - t0));
    child.on('close', () => resolve(first));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run → first output line of `print(1)` beside the bare spawn: median of 11, alternating, after a warm-up of each. */
export async function snippetRows(python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3'): Promise<Row[]> {
  const figures = mkdtempSync(join(tmpdir(), 'bench-figures-'));
  try {
    await throughRunner(python, join(figures, 'warm'));
    await bare(python);
    const runner: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 11; i++) {
      runner.push(await throughRunner(python, join(figures, String(i))));
      floor.push(await bare(python));
    }
    const [r, f] = [median(runner), median(floor)];
    return [{ figure: "Run → first output line of print(1) (notes' runner, no editor)", value: ms(r), floor: `python3 -c 'print(1)': ${ms(f)}`, ratio: `${(r / f).toFixed(2)}x` }];
  } finally {
    rmSync(figures, { recursive: true, force: true });
  }
}
