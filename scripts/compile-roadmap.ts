// Build step: validates the built-in roadmap with the same loader users' roadmaps go through,
// and writes it as one compact JSON index, so activation parses no YAML. Fails the build on any problem.
import { writeFileSync } from 'node:fs';
import { loadRoadmap } from '../src/core/loading/loadRoadmap';
import { nodeRoadmapFiles } from '../src/node/roadmapFiles';
import { formatProblem } from '../src/core/problem';

async function main() {
  const [rootDir = 'roadmap', outFile = 'dist/roadmap.json'] = process.argv.slice(2);
  const result = await loadRoadmap(nodeRoadmapFiles(rootDir));
  if (!result.ok) {
    for (const p of result.problems) console.error(formatProblem({ ...p, file: `${rootDir}/${p.file}` }));
    console.error(`The built-in roadmap has ${result.problems.length} problem(s).`);
    process.exit(1);
  }
  for (const w of result.warnings) console.warn(formatProblem({ ...w, file: `${rootDir}/${w.file}` }));
  writeFileSync(outFile, JSON.stringify(result.roadmap));
}

void main();
