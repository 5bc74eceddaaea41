// A pool of warm Python processes that run pytest sessions (scripts/lib/pytest_forkserver.py):
// torch and scikit-learn are imported once per worker instead of once per session, which is most
// of the cost of a short session. Each session still runs in its own fork and its own folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SERVER = join(import.meta.dirname, 'pytest_forkserver.py');
const PRELOAD = ['numpy', 'torch', 'sklearn', 'sklearn.linear_model', 'sklearn.model_selection', 'sklearn.pipeline'];

/**
 * @param {{ python: string, env: Record<string, string>, workers?: number }} options
 * @returns {{ run(cwd: string, args: string[], timeoutMs: number): Promise<{ code: number, output: string, timedOut: boolean }>, close(): void }}
 */
export function createPytestPool({ python, env, workers = 1 }) {
  const logs = mkdtempSync(join(tmpdir(), 'pytest-pool-'));
  const idle = [];
  const waiting = [];
  const all = [];
  let seq = 0;
  for (let i = 0; i < workers; i++) {
    const child = spawn(python, [SERVER, ...PRELOAD], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
    const answers = createInterface({ input: child.stdout });
    const worker = { child, pending: undefined };
    answers.on('line', (line) => {
      const settle = worker.pending;
      worker.pending = undefined;
      settle?.(JSON.parse(line));
    });
    child.on('exit', (code) => worker.pending?.({ code: 3, timedOut: false, died: `the pytest server exited with ${code}` }));
    all.push(worker);
    idle.push(worker);
  }
  const take = () => (idle.length ? Promise.resolve(idle.pop()) : new Promise((res) => waiting.push(res)));
  const give = (w) => (waiting.length ? waiting.shift()(w) : idle.push(w));
  return {
    async run(cwd, args, timeoutMs) {
      const worker = await take();
      const log = join(logs, `${++seq}.log`);
      try {
        const answer = await new Promise((res) => {
          worker.pending = res;
          worker.child.stdin.write(`${JSON.stringify({ cwd, args, log, timeout: timeoutMs / 1000 })}\n`);
        });
        let output = '';
        try {
          output = readFileSync(log, 'utf8');
        } catch {
          output = answer.died ?? '';
        }
        return { code: answer.code ?? -1, output, timedOut: answer.timedOut };
      } finally {
        give(worker);
      }
    },
    close() {
      for (const w of all) w.child.stdin.end();
      rmSync(logs, { recursive: true, force: true });
    },
  };
}
