import { slugOf, titleFromName } from './slugs';

/** The starter roadmap as the build packs it (dist/starter.json, from starter/). */
export interface StarterPack {
  files: Record<string, string>;
}

/**
 * The starter's files for a new folder named `folderName`: its roadmap id and title follow the
 * name, so two roadmaps made from the starter keep their progress apart.
 */
export function starterFiles(pack: StarterPack, folderName: string): Record<string, string> {
  const files = { ...pack.files };
  const title = titleFromName(folderName) || 'My roadmap';
  files['roadmap.yaml'] = files['roadmap.yaml']
    .replace(/^id: my-roadmap$/m, `id: ${slugOf(folderName, 'my-roadmap')}`)
    .replace(/^title: My roadmap$/m, `title: ${JSON.stringify(title)}`);
  return files;
}
