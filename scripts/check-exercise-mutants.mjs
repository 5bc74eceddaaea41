// `npm run test:exercise-mutants [id ...]`: every exercise's tests must catch the wrong solutions
// kept for it in test/exercise-mutants/<id>.yaml. Each mutant is a small edit of the reference
// solution (a realistic mistake or shortcut); its pytest run must end in failed tests (exit 1).
// A mutant whose edit does not apply, that breaks collection (exit 2+) or that hangs is reported
// as a broken mutant, so the set never silently stops testing anything.
//
//   - name: the bias is never trained
//     kind: unused-parameter
//     edits:
//       - file: logistic_regression.py   # in solution/; defaults to the exercise's main file
//         find: "b -= lr * db"            # must occur exactly once
//         replace: "pass"
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { createPytestPool } from './lib/pytestPool.mjs';

const root = resolve(import.meta.dirname, '..');
const python = process.env.AI_ROADMAP_PYTHON ?? '/usr/bin/python3';
const MIN_MUTANTS = 5;
// Only a bound on a hang (a mutant that loops): a loaded machine runs the slowest suites near 3 minutes.
const TIMEOUT_MS = 600_000;
const WORKERS = 2;
const only = process.argv.slice(2);

execFileSync('bash', [join(root, 'scripts', 'ensure-debian-packages.sh'), 'python3-torch', 'python3-sklearn', 'python3-pytest'], { stdio: 'inherit' });

const exercisesDir = join(root, 'roadmap', 'exercises');
const mutantsDir = join(root, 'test', 'exercise-mutants');
const ids = readdirSync(exercisesDir).filter((id) => !only.length || only.includes(id)).sort();

const problems = [];
const jobs = [];
const bases = [];
for (const id of ids) {
  const file = join(mutantsDir, `${id}.yaml`);
  if (!existsSync(file)) {
    problems.push(`${id}: no test/exercise-mutants/${id}.yaml`);
    continue;
  }
  const mutants = parse(readFileSync(file, 'utf8')) ?? [];
  if (mutants.length < MIN_MUTANTS) problems.push(`${id}: ${mutants.length} mutants, at least ${MIN_MUTANTS} wanted`);
  const main = parse(readFileSync(join(exercisesDir, id, 'exercise.yaml'), 'utf8')).main;
  const base = mkdtempSync(join(tmpdir(), `mutant-base-${id}-`));
  bases.push(base);
  cpSync(join(exercisesDir, id, 'template'), base, { recursive: true });
  cpSync(join(exercisesDir, id, 'solution'), base, { recursive: true });
  for (const m of mutants) jobs.push({ id, main, base, mutant: m });
}

// Warm workers: most of a mutant's session was importing torch and scikit-learn.
const pool = createPytestPool({ python, workers: WORKERS, env: { PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1' } });
const perExercise = new Map(ids.map((id) => [id, { caught: 0, total: 0 }]));
const queue = [...jobs];
await Promise.all(Array.from({ length: WORKERS }, async () => {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const tally = perExercise.get(job.id);
    tally.total++;
    const outcome = await tryMutant(job);
    if (outcome.caught) tally.caught++;
    else problems.push(`${job.id}: mutant "${job.mutant.name}" ${outcome.why}`);
  }
}));
pool.close();
for (const base of bases) rmSync(base, { recursive: true, force: true });

let passed = 0;
for (const [id, { caught, total }] of perExercise) {
  passed += caught;
  console.log(`${caught === total && total >= MIN_MUTANTS ? 'ok  ' : 'FAIL'} ${id.padEnd(32)} caught ${caught} of ${total}`);
}
if (problems.length) console.log(`\n${problems.join('\n')}`);
console.log(`exercise-mutants: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);

async function tryMutant({ main, base, mutant }) {
  const work = mkdtempSync(join(tmpdir(), 'mutant-'));
  try {
    cpSync(base, work, { recursive: true });
    for (const edit of mutant.edits ?? []) {
      const path = join(work, edit.file ?? main);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const count = text.split(edit.find).length - 1;
      if (count !== 1) return { caught: false, why: `does not apply: "${String(edit.find).slice(0, 60)}" occurs ${count} times in ${edit.file ?? main}` };
      writeFileSync(path, text.replace(edit.find, () => edit.replace));
    }
    if (!mutant.edits?.length) return { caught: false, why: 'has no edits' };
    const r = await pytest(work);
    if (r.timedOut) return { caught: false, why: `hung past ${TIMEOUT_MS / 1000} s` };
    if (r.code === 1) return { caught: true };
    if (r.code === 0) return { caught: false, why: 'PASSES the tests: they do not catch it' };
    return { caught: false, why: `breaks the run (pytest exit ${r.code}), which proves nothing:\n${r.output.slice(-1500)}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pytest(cwd) {
  return pool.run(cwd, ['-x', '-q', '-p', 'no:cacheprovider', '--no-header'], TIMEOUT_MS);
}
