// `npm run test:stress`: the flake check. Runs the integration and UI suites five times in a row
// while every core is kept busy by a CPU burner (`yes` under `nice`, bounded in time), and
// passes only if all five rounds pass. Not part of `npm test`: it takes several minutes.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const ROUNDS = Number(process.env.STRESS_ROUNDS ?? 5);
const BURN_SECONDS = 3 * 3600; // an upper bound: the burners are stopped when the rounds end

const build = spawnSync('npm', ['run', '-s', 'build:tests'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const burners = Array.from({ length: availableParallelism() }, () =>
  spawn('nice', ['-n', '10', 'timeout', String(BURN_SECONDS), 'sh', '-c', 'yes > /dev/null'], { stdio: 'ignore', detached: true }),
);
const stopBurners = () => burners.forEach((b) => { try { process.kill(-b.pid, 'SIGKILL'); } catch { /* already gone */ } });
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));

const started = Date.now();
const rows = [];
let passedRounds = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const roundStart = Date.now();
  const results = ['test:integration', 'test:ui'].map((script) => {
    const r = spawnSync('npm', ['run', '-s', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) console.log(`--- round ${round}: ${script} failed ---\n${(r.stdout + r.stderr).slice(-6000)}`);
    return `${script} ${r.status === 0 ? 'passed' : 'FAILED'}`;
  });
  const ok = results.every((r) => r.endsWith('passed'));
  if (ok) passedRounds++;
  rows.push(`round ${round}: ${results.join(', ')} in ${((Date.now() - roundStart) / 1000).toFixed(0)} s`);
  console.log(rows.at(-1));
}
stopBurners();
console.log(`\nunder load (${burners.length} CPU burners): ${passedRounds}/${ROUNDS} rounds passed in ${((Date.now() - started) / 60000).toFixed(1)} min`);
console.log(`stress: ${passedRounds} passed, ${ROUNDS - passedRounds} failed`);
process.exit(passedRounds === ROUNDS ? 0 : 1);
