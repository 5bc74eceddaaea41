// `npm run test:exercises`: every exercise in roadmap/exercises/ must fail its tests as
// scaffolded (the starter) and pass them with the reference solution laid over it, offline,
// with Debian's Python (python3-torch, python3-sklearn, python3-pytest).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const only = process.argv.slice(2);

execFileSync('bash', [join(root, 'scripts', 'ensure-debian-packages.sh'), 'python3-torch', 'python3-sklearn', 'python3-pytest', 'python3-pandas', 'python3-matplotlib'], { stdio: 'inherit' });

// The built-in roadmap's exercises, and the one of the starter roadmap New Roadmap writes.
const dirs = [join(root, 'roadmap', 'exercises'), join(root, 'starter', 'exercises')];
const ids = dirs.flatMap((dir) => readdirSync(dir).map((id) => ({ id, dir }))).filter(({ id }) => !only.length || only.includes(id)).sort((a, b) => a.id.localeCompare(b.id));
let passed = 0;
let failed = 0;
const rows = [];
for (const { id, dir } of ids) {
  const ex = join(dir, id);
  const missing = ['exercise.yaml', 'template', 'solution'].filter((f) => !existsSync(join(ex, f)));
  if (missing.length) {
    failed++;
    rows.push(`${id}: missing ${missing.join(', ')}`);
    continue;
  }
  const work = mkdtempSync(join(tmpdir(), `exercise-${id}-`));
  try {
    cpSync(join(ex, 'template'), work, { recursive: true });
    const starter = pytest(work);
    cpSync(join(ex, 'solution'), work, { recursive: true });
    const solution = pytest(work);
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

function pytest(cwd) {
  const started = Date.now();
  const r = spawnSync(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--no-header'], {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '2' },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const summary = output.trim().split('\n').pop()?.replace(/=+/g, '').trim() ?? '';
  return { code: r.status ?? 1, output, summary: summary.slice(0, 60), seconds: ((Date.now() - started) / 1000).toFixed(1) };
}
