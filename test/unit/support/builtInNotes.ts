import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** Every note of the built-in roadmap: its path under roadmap/notes and its text. */
export function builtInNotes(): Array<{ path: string; markdown: string }> {
  const dir = join(repoRoot, 'roadmap', 'notes');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((path) => ({ path, markdown: readFileSync(join(dir, path), 'utf8') }));
}
