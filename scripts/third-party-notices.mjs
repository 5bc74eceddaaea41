// Writes dist/THIRD_PARTY_NOTICES.md: the licence of every npm package whose code esbuild put into
// a shipped bundle (read from the bundles' metafiles), plus KaTeX's fonts, which ship as files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Package folders ("node_modules/@scope/name") named by the inputs of esbuild metafiles. */
export function bundledPackages(metafiles) {
  const dirs = new Set(['node_modules/katex']); // its fonts and CSS are copied, not bundled
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) dirs.add(m[1].slice(m[1].lastIndexOf('node_modules/')));
    }
  }
  return [...dirs].sort();
}

export function writeNotices(metafiles, out = 'dist/THIRD_PARTY_NOTICES.md') {
  const sections = bundledPackages(metafiles).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `Licensed under ${pkg.license ?? 'an unnamed licence'}; the package ships no licence file.`;
    return `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown'})\n\n${pkg.homepage ?? ''}\n\n\`\`\`text\n${text}\n\`\`\`\n`;
  });
  writeFileSync(out, `# Third-party notices\n\nAI Roadmap bundles the following open-source packages. Their licences follow.\n\n${sections.join('\n')}`);
  return sections.length;
}
