import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planScaffold } from '../../src/core/exercises/scaffoldPlan';
import { ms, type Row } from './measure';

function filesBelow(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(dir, join(rel, e.name)) : [join(rel, e.name)]));
}

/**
 * Per exercise: scaffolding (the plan plus one read and one write per file, as the command does)
 * beside a bare recursive copy of the template, and the reference solution's test run.
 */
export function exerciseRows(root: string, python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3'): Row[] {
  const rows: Row[] = [];
  const base = join(root, 'roadmap', 'exercises');
  for (const id of readdirSync(base).sort()) {
    const template = join(base, id, 'template');
    const work = mkdtempSync(join(tmpdir(), `bench-${id}-`));
    const bare = mkdtempSync(join(tmpdir(), `bench-bare-${id}-`));
    try {
      const t0 = performance.now();
      const plan = planScaffold(filesBelow(template), new Set(), 'skip');
      for (const rel of plan.write) cpSync(join(template, rel), join(work, rel), { recursive: true });
      const scaffold = performance.now() - t0;
      const t1 = performance.now();
      cpSync(template, bare, { recursive: true });
      const floor = performance.now() - t1;
      cpSync(join(base, id, 'solution'), work, { recursive: true });
      const t2 = performance.now();
      const run = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: work, encoding: 'utf8', timeout: 180_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
      const tests = (performance.now() - t2) / 1000;
      const summary = `${run.stdout ?? ''}`.trim().split('\n').pop()?.replace(/=+/g, '').replace(/ in [\d.]+s.*$/, '').trim();
      rows.push({ figure: `exercise ${id}: scaffold ${plan.write.length} files`, value: ms(scaffold), floor: `cp -r: ${ms(floor)}`, ratio: `${(scaffold / floor).toFixed(1)}x` });
      rows.push({ figure: `exercise ${id}: solution tests (${summary})`, value: `${tests.toFixed(1)} s`, goal: '< 60 s' });
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(bare, { recursive: true, force: true });
    }
  }
  return rows;
}
