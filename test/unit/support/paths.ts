import { join, resolve } from 'node:path';

/** Tests are bundled to out/test/unit/; the sources and fixtures stay where they are. */
export const repoRoot = resolve(__dirname, '..', '..', '..');
export const fixture = (...p: string[]) => join(repoRoot, 'test', 'fixtures', ...p);
