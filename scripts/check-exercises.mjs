// `npm run test:exercises`: every exercise in roadmap/exercises/ must fail its tests as
// scaffolded (the starter) and pass them with the reference solution laid over it, offline,
// with Debian's Python (python3-torch, python3-sklearn, python3-pytest).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPytestPool } from './lib/pytestPool.mjs';

const root = resolve(import.meta.dirname, '..');
const python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const only = process.argv.slice(2);
// Only a bound on a hang: the slowest solution takes 40 s alone and four times that beside the editor suites.
const HANG_MS = 600_000;

execFileSync('bash', [join(root, 'scripts', 'ensure-debian-packages.sh'), 'python3-torch', 'python3-sklearn', 'python3-pytest', 'python3-pandas', 'python3-matplotlib'], { stdio: 'inherit' });

// The built-in roadmap's exercises, and the one of the starter roadmap New Roadmap writes.
const dirs = [join(root, 'roadmap', 'exercises'), join(root, 'starter', 'exercises')];
const ids = dirs.flatMap((dir) => readdirSync(dir).map((id) => ({ id, dir }))).filter(({ id }) => !only.length || only.includes(id)).sort((a, b) => a.id.localeCompare(b.id));
let passed = 0;
let failed = 0;
const rows = [];
// Two warm workers, one thread each: torch and scikit-learn are imported once per worker.
const pool = createPytestPool({ python, workers: 2, env: { PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1' } });
const queue = [...ids];
await Promise.all([0, 1].map(async () => {
  for (let next = queue.shift(); next; next = queue.shift()) await check(next);
}));
pool.close();
rows.sort((a, b) => a.slice(5).localeCompare(b.slice(5)));

async function check({ id, dir }) {
  const ex = join(dir, id);
  const missing = ['exercise.yaml', 'template', 'solution'].filter((f) => !existsSync(join(ex, f)));
  if (missing.length) {
    failed++;
    rows.push(`FAIL ${id}: missing ${missing.join(', ')}`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), `exercise-${id}-`));
  try {
    cpSync(join(ex, 'template'), work, { recursive: true });
    const starter = await pytest(work);
    cpSync(join(ex, 'solution'), work, { recursive: true });
    const solution = await pytest(work);
    const ok = starter.code !== 0 && solution.code === 0;
    if (ok) passed++;
    else failed++;
    rows.push(`${ok ? 'ok  ' : 'FAIL'} ${id.padEnd(30)} starter: ${starter.summary.padEnd(28)} solution: ${solution.summary} in ${solution.seconds} s`);
    if (!ok) {
      if (starter.code === 0) console.log(`${id}: the starter passes its tests; it should fail until the learner does the work.`);
      if (solution.code !== 0) console.log(`${id}: the reference solution fails:\n${solution.output}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
console.log(rows.join('\n'));
console.log(`exercises: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

async function pytest(cwd) {
  const started = Date.now();
  const r = await pool.run(cwd, ['-q', '-p', 'no:cacheprovider', '--no-header'], HANG_MS);
  const summary = r.timedOut ? `did not finish in ${HANG_MS / 1000} s` : (r.output.trim().split('\n').pop()?.replace(/=+/g, '').trim() ?? '');
  return { code: r.timedOut ? 1 : r.code, output: r.output, summary: summary.slice(0, 60), seconds: ((Date.now() - started) / 1000).toFixed(1) };
}
