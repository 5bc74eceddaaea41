// `npm run test:snippets [note.md ...]`: every fenced ```python block in the roadmap's notes runs
// as written, on its own, offline, with Debian's python3 (torch, scikit-learn, numpy, pandas,
// matplotlib), in under 30 s of CPU time (a CPU limit, so the rule holds on a loaded machine and
// beside the editor suites in `npm test`; a wall-clock limit four times longer catches a block
// that waits). A block whose info string says `no-run` (```python no-run) is
// shown to the learner but not run here: it needs a model download or a GPU; the count of
// those is printed so it stays small.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const CPU_SECONDS = 30;
const TIMEOUT_MS = 4 * CPU_SECONDS * 1000;
const WORKERS = 2;

execFileSync('bash', [join(root, 'scripts', 'ensure-debian-packages.sh'), 'python3-torch', 'python3-sklearn', 'python3-pytest', 'python3-pandas', 'python3-matplotlib'], { stdio: 'inherit' });

const args = process.argv.slice(2).map((a) => resolve(a));
const notes = args.length ? args : walk(join(root, 'roadmap', 'notes')).filter((f) => f.endsWith('.md'));
const blocks = notes.flatMap(blocksOf);
const runnable = blocks.filter((b) => !b.noRun);

let passed = 0;
let failed = 0;
const rows = [];
const queue = [...runnable];
await Promise.all(Array.from({ length: WORKERS }, async () => {
  for (let b = queue.shift(); b; b = queue.shift()) {
    let r = await run(b.code);
    // A wall-clock time-out on a loaded machine is retried once: the limit is about the snippet, not the load.
    if (r.timedOut) r = await run(b.code);
    const where = `${relative(root, b.file)}:${b.line}`;
    if (r.ok) passed++;
    else failed++;
    rows.push(`${r.ok ? 'ok  ' : 'FAIL'} ${where.padEnd(70)} ${r.seconds} s`);
    if (!r.ok) console.log(`\n${where}: ${r.why}\n${r.output.slice(-3000)}`);
  }
}));
console.log(rows.sort((a, b) => a.slice(5).localeCompare(b.slice(5))).join('\n'));
console.log(`${blocks.length} python blocks in ${notes.length} notes; ${blocks.length - runnable.length} marked no-run`);
console.log(`snippets: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function blocksOf(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*(python|py)\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(open[1]) && l.trim() === open[1]);
    if (end < 0) break;
    found.push({ file, line: i + 1, code: lines.slice(i + 1, end).join('\n'), noRun: /\bno-run\b/.test(open[3]) });
    i = end;
  }
  return found;
}

function run(code) {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  writeFileSync(join(dir, 'snippet.py'), code);
  const started = Date.now();
  return new Promise((done) => {
    // `ulimit -t` ends the block with SIGXCPU past its CPU budget; one thread per library keeps CPU and wall time alike.
    const child = spawn('bash', ['-c', `ulimit -S -t ${CPU_SECONDS} && exec "$0" snippet.py`, python], {
      cwd: dir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1', MPLBACKEND: 'Agg', HF_HUB_OFFLINE: '1', TRANSFORMERS_OFFLINE: '1', MPLCONFIGDIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const why = signal === 'SIGXCPU' ? `used more than ${CPU_SECONDS} s of CPU time` : signal ? `did not finish in ${TIMEOUT_MS / 1000} s` : `exited with ${status}`;
      done({ ok: status === 0 && !signal, output, seconds, why, timedOut: signal === 'SIGKILL' });
    });
  });
}
