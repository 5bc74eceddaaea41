// `npm test`: every check, in order, each timed: install the host if missing, type-check,
// lint, build, unit, integration (real VS Code), web (its web worker host), UI (Chromium on real
// VS Code, both hosts), exercises and
// their mutants, the notes' snippets, the quizzes' computed answers, then the package and a smoke suite on the installed vsix.
// Stops at the first red step; ends with one line "tests: N passed, N failed".
import { spawn } from 'node:child_process';

const steps = [
  { name: 'host', cmd: 'bash', args: ['scripts/install-host.sh'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build:tests'] },
  { name: 'unit', cmd: 'npm', args: ['run', '-s', 'test:unit'], count: nodeTestCounts },
  { name: 'integration', cmd: 'npm', args: ['run', '-s', 'test:integration'], count: mochaCounts },
  { name: 'web', cmd: 'npm', args: ['run', '-s', 'test:web'], count: mochaCounts },
  { name: 'ui', cmd: 'npm', args: ['run', '-s', 'test:ui'], count: nodeTestCounts },
  { name: 'exercises', cmd: 'npm', args: ['run', '-s', 'test:exercises'], count: plainCounts },
  { name: 'mutants', cmd: 'npm', args: ['run', '-s', 'test:exercise-mutants'], count: plainCounts },
  { name: 'snippets', cmd: 'npm', args: ['run', '-s', 'test:snippets'], count: plainCounts },
  { name: 'quiz-answers', cmd: 'npm', args: ['run', '-s', 'test:quiz-answers'], count: plainCounts },
  // Last: packaging replaces the development build in dist/ with the production one.
  { name: 'package', cmd: 'npm', args: ['run', '-s', 'package'] },
  { name: 'smoke', cmd: 'npm', args: ['run', '-s', 'test:smoke'], count: mochaCounts },
];

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0 };
const timings = [];
let failedStep;
for (const step of steps) {
  if (only.length && !only.includes(step.name) && step.name !== 'build') continue;
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const { code, output } = await run(step.cmd, step.args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = step.count?.(output);
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  }
  timings.push(`${step.name.padEnd(12)} ${seconds.padStart(6)} s${counts ? `   ${counts.passed} passed, ${counts.failed} failed` : ''}${code ? '   FAILED' : ''}`);
  if (code !== 0) {
    failedStep = step.name;
    if (!counts || counts.failed === 0) totals.failed += 1;
    break;
  }
}
console.log(`\n=== summary ===\n${timings.join('\n')}`);
if (failedStep) console.log(`\nThe ${failedStep} step failed.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStep ? 1 : 0);

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (b) => {
      output += b.toString();
      stream.write(b);
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
