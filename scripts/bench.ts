// `npm run bench`: measured figures, each beside its floor where one exists. Not a test:
// it prints numbers and never fails on them.
import { resolve } from 'node:path';
import { activationRows } from './bench/activationBench';
import { bundleRows } from './bench/bundleBench';
import { loaderRows } from './bench/loaderBench';
import { printTable } from './bench/measure';
import { treeRows } from './bench/treeBench';

async function main() {
  const root = resolve(__dirname, '..', '..');
  const skipHost = process.argv.includes('--no-host');
  printTable('Bundles (production build)', bundleRows(root));
  printTable('Roadmap loader (median of 5, after a warm-up)', await loaderRows());
  printTable('Sidebar tree (median of 5, after a warm-up)', await treeRows());
  if (!skipHost) printTable('Real VS Code host', await activationRows());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
