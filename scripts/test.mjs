// `npm test`: every check, each timed: install the host if missing, type-check, lint, build, unit,
// integration (real VS Code), web (its web worker host), UI (Chromium on real VS Code, both
// hosts), then the package and a smoke suite on the installed vsix. Beside that lane, a second
// one runs the Python checks (exercises and their mutants, the notes' snippets, the quizzes'
// computed answers) at a lower priority: the editor suites spend much of their time waiting on
// the browser, so the Python work fills the idle cores instead of adding its minutes at the end.
// A lane stops at its first red step; the run ends with one line "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const editorLane = [
  { name: 'host', cmd: 'bash', args: ['scripts/install-host.sh'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build:tests'] },
  { name: 'unit', cmd: 'npm', args: ['run', '-s', 'test:unit'], count: nodeTestCounts },
  { name: 'integration', cmd: 'npm', args: ['run', '-s', 'test:integration'], count: mochaCounts },
  { name: 'web', cmd: 'npm', args: ['run', '-s', 'test:web'], count: mochaCounts },
  { name: 'ui', run: () => runUiFiles() },
  // Last: packaging replaces the development build in dist/ with the production one.
  { name: 'package', cmd: 'npm', args: ['run', '-s', 'package'] },
  { name: 'smoke', cmd: 'npm', args: ['run', '-s', 'test:smoke'], count: mochaCounts },
];
// None of these reads dist/ or out/: they check roadmap/ and test/ with Debian's python3.
const pythonLane = [
  { name: 'exercises', cmd: 'npm', args: ['run', '-s', 'test:exercises'], count: plainCounts },
  { name: 'mutants', cmd: 'npm', args: ['run', '-s', 'test:exercise-mutants'], count: plainCounts },
  { name: 'snippets', cmd: 'npm', args: ['run', '-s', 'test:snippets'], count: plainCounts },
  { name: 'quiz-answers', cmd: 'npm', args: ['run', '-s', 'test:quiz-answers'], count: plainCounts },
];

/**
 * The UI files, longest first so the last to start is short. They take a third of the run, most
 * of it after the Python lane has ended; from then on a second worker takes files from the same
 * queue, so at most two heavy jobs share the two cores at any time. Each file's report prints
 * whole when it ends.
 */
const UI_LONGEST_FIRST = ['accessibility', 'keyboard', 'twoWindows', 'map', 'walkthrough', 'quiz', 'progress', 'runnableNotes', 'studyPlan', 'web', 'teacherTools', 'testExplorer', 'pictures', 'subtopics', 'exercises', 'xss', 'sidebar', 'notes', 'papers', 'katexFonts'];
const UI_WORKERS = Number(process.env.AI_ROADMAP_UI_WORKERS ?? 2);
const ui = { addWorker: undefined };

const only = process.argv.slice(2);
const pick = (lane) => lane.filter((s) => !only.length || only.includes(s.name) || s.name === 'build');
const started = Date.now();
const results = [];
// The host step may install Debian packages; the Python lane waits for it so two apt runs never meet.
const editor = runLane(pick(editorLane), { live: true, onStepDone: (name) => name === 'host' && startPython() });
let python = Promise.resolve();
let pythonStarted = false;
function startPython() {
  if (pythonStarted) return;
  pythonStarted = true;
  python = runLane(pick(pythonLane), { live: false, nice: 15 }).then(() => {
    pythonDone = true;
    ui.addWorker?.();
  });
}
let pythonDone = false;
if (!pick(editorLane).some((s) => s.name === 'host')) startPython();
await editor;
startPython();
await python;

const failed = results.filter((r) => r.code !== 0);
const totals = results.reduce((t, r) => ({ passed: t.passed + (r.counts?.passed ?? 0), failed: t.failed + (r.counts?.failed ?? 0) + (r.code && !r.counts?.failed ? 1 : 0) }), { passed: 0, failed: 0 });
console.log(`\n=== summary (wall ${((Date.now() - started) / 1000).toFixed(0)} s; the Python lane ran beside the editor lane) ===`);
for (const r of results) console.log(`${r.lane.padEnd(7)} ${r.name.padEnd(12)} ${r.seconds.padStart(6)} s${r.counts ? `   ${r.counts.passed} passed, ${r.counts.failed} failed` : ''}${r.code ? '   FAILED' : ''}`);
for (const r of failed) console.log(`\nThe ${r.name} step failed.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed.length ? 1 : 0);

async function runLane(steps, { live, nice, onStepDone }) {
  for (const step of steps) {
    const t0 = Date.now();
    if (live) console.log(`\n=== ${step.name} ===`);
    const cmd = nice ? 'nice' : step.cmd;
    const args = nice ? ['-n', String(nice), step.cmd, ...step.args] : step.args;
    const { code, output } = step.run ? await step.run() : await run(cmd, args, live);
    // A buffered step prints whole when it ends, so the two lanes never interleave line by line.
    if (!live) console.log(`\n=== ${step.name} (Python lane) ===\n${output}`);
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    results.push({ lane: live ? 'editor' : 'python', name: step.name, seconds, code, counts: step.count?.(output) ?? (step.run ? nodeTestCounts(output) : undefined) });
    onStepDone?.(step.name);
    if (code !== 0) return;
  }
}

async function runUiFiles() {
  const rank = (f) => { const i = UI_LONGEST_FIRST.indexOf(f.replace(/\.test\.js$/, '')); return i < 0 ? UI_LONGEST_FIRST.length : i; };
  // AI_ROADMAP_UI_FILES=map,quiz runs only those files (as AI_ROADMAP_TEST_FILES does for integration).
  const wanted = process.env.AI_ROADMAP_UI_FILES?.split(',').map((f) => `${f.trim()}.test.js`);
  const queue = readdirSync('out/test/ui').filter((f) => f.endsWith('.test.js') && (!wanted || wanted.includes(f))).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const outputs = [];
  let worst = 0;
  const workers = [];
  const worker = async (n) => {
    for (let file; (file = queue.shift()); ) {
      const t0 = Date.now();
      const { code, output } = await run('node', ['--test', '--test-reporter=spec', '--test-concurrency=1', `out/test/ui/${file}`], false);
      console.log(`\n=== ui ${file} (worker ${n}, ${((Date.now() - t0) / 1000).toFixed(0)} s${code ? ', FAILED' : ''}) ===\n${output}`);
      outputs.push(output);
      worst ||= code;
    }
  };
  ui.addWorker = () => {
    if (workers.length < UI_WORKERS && queue.length) workers.push(worker(workers.length + 1));
  };
  ui.addWorker();
  if (pythonDone || !pythonStarted) ui.addWorker();
  // A worker may join while the others run: wait until none is left running.
  for (let seen = 0; seen < workers.length; ) {
    seen = workers.length;
    await Promise.all(workers);
  }
  ui.addWorker = undefined;
  const total = outputs.map(nodeTestCounts).reduce((t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed }), { passed: 0, failed: 0 });
  return { code: worst, output: `ℹ pass ${total.passed}\nℹ fail ${total.failed}\n` };
}

function run(cmd, args, live) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (b) => {
      output += b.toString();
      if (live) stream.write(b);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function nodeTestCounts(out) {
  const n = (k) => Number(out.match(new RegExp(`^ℹ ${k} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled') };
}

/** Summed over every mocha run in the output (the integration step runs two). */
function mochaCounts(out) {
  const n = (k) => [...out.matchAll(new RegExp(`^\\s*(\\d+) ${k}`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: n('passing'), failed: n('failing') };
}

function plainCounts(out) {
  const m = out.match(/(\d+) passed, (\d+) failed/g)?.pop()?.match(/(\d+) passed, (\d+) failed/);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
}
