// `npm run test:quiz-answers`: every numeric answer of the built-in quizzes is computed. Each
// test/quiz-answers/<layer-folder>.py (plain Python 3 with Debian's numpy, torch and scikit-learn,
// offline) prints one JSON object mapping "<topic-id>/<item-id>" to the number it computes; every
// numeric item of every roadmap/notes/**/*.quiz.yaml must have an entry, and the item's answer
// must be within max(tolerance, 1e-9) of it. An entry that names no numeric item fails too (a
// renamed item or a typo). Ends with "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const TIMEOUT_MS = 120_000; // a script should take under 10 s; the budget only bounds a hang on a loaded machine

/** Every numeric item of the built-in quizzes: key -> { answer, tolerance, file }. */
function numericItems() {
  const items = new Map();
  const layersDir = join(root, 'roadmap', 'layers');
  for (const f of readdirSync(layersDir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
    const layer = parse(readFileSync(join(layersDir, f), 'utf8'));
    for (const topic of layer?.topics ?? []) {
      if (!topic.notes) continue;
      const quizFile = join(root, 'roadmap', topic.notes.replace(/\.md$/, '.quiz.yaml'));
      if (!existsSync(quizFile)) continue;
      const quiz = parse(readFileSync(quizFile, 'utf8'));
      for (const item of quiz?.items ?? []) {
        if (item?.kind === 'numeric') items.set(`${topic.id}/${item.id}`, { answer: item.answer, tolerance: item.tolerance ?? 0, file: quizFile.slice(root.length + 1) });
      }
    }
  }
  return items;
}

function run(script) {
  return new Promise((done) => {
    const child = spawn(python, [script], { cwd: join(root, 'test', 'quiz-answers'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ code: -1, out, err: e.message });
    });
  });
}

const items = numericItems();
const scriptsDir = join(root, 'test', 'quiz-answers');
const scripts = existsSync(scriptsDir) ? readdirSync(scriptsDir).filter((f) => f.endsWith('.py')).sort() : [];
const computed = new Map();
let passed = 0;
let failed = 0;
const fail = (line) => {
  failed++;
  console.log(`FAIL ${line}`);
};

for (const f of scripts) {
  const started = Date.now();
  const r = await run(join(scriptsDir, f));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.code !== 0) {
    fail(`${f}: exited with ${r.code} after ${seconds} s\n${r.err.slice(-3000)}`);
    continue;
  }
  // One JSON object: the whole output (it may be indented), or else its last line (after any prints).
  const out = r.out.trim();
  const last = out.split('\n').pop() ?? '';
  let values;
  try {
    values = JSON.parse(out);
  } catch {
    try {
      values = JSON.parse(last);
    } catch {
      fail(`${f}: its output is not one JSON object, whole or on its last line: ${last.slice(0, 200)}`);
      continue;
    }
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    fail(`${f}: printed ${JSON.stringify(values).slice(0, 100)}, not a JSON object`);
    continue;
  }
  for (const [key, value] of Object.entries(values)) {
    if (computed.has(key)) fail(`${f}: "${key}" is also computed by ${computed.get(key).script}`);
    computed.set(key, { value, script: f });
  }
  console.log(`ran  ${f} (${Object.keys(values).length} answers, ${seconds} s)`);
}

for (const [key, item] of items) {
  const c = computed.get(key);
  if (!c) {
    fail(`${key} (${item.file}): no script in test/quiz-answers computes it`);
    continue;
  }
  if (typeof c.value !== 'number' || !Number.isFinite(c.value)) {
    fail(`${key}: ${c.script} computed ${JSON.stringify(c.value)}, not a number`);
    continue;
  }
  const allowed = Math.max(item.tolerance, 1e-9);
  if (typeof item.answer !== 'number' || Math.abs(c.value - item.answer) > allowed) fail(`${key} (${item.file}): the answer is ${item.answer}, ${c.script} computes ${c.value} (allowed difference ${allowed})`);
  else passed++;
}
for (const [key, c] of computed) if (!items.has(key)) fail(`${key}: computed by ${c.script}, but no numeric quiz item has this key`);

console.log(`${items.size} numeric quiz items, ${scripts.length} answer scripts (${scripts.map((s) => basename(s)).join(', ') || 'none yet'})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
