import { isWindowsReservedName, reservedNameMessage } from '../ids';
import type { ContainedFiles } from '../loading/containedFiles';
import { MAX_TEMPLATE_FILES, MAX_WALK_DEPTH } from '../loading/limits';
import { join } from '../util/posixPath';

export interface TemplateListing {
  /** Regular files, relative to the template folder, in a stable order. */
  files: string[];
  /** Entries that are left out: links (never followed, never copied) and devices or pipes. */
  left: string[];
}

/** Caches a test run leaves in a template folder; not part of the starter. */
const IGNORED = new Set(['__pycache__', '.pytest_cache']);

/**
 * Every file of a template folder. Links are listed apart and never followed, so a template
 * with link loops ends; depth and count are bounded, and a name that is a device on Windows
 * refused, each with a sentence.
 */
export async function listTemplate(files: ContainedFiles, templateDir: string): Promise<TemplateListing> {
  const out: TemplateListing = { files: [], left: [] };
  const visit = async (rel: string, depth: number) => {
    if (depth > MAX_WALK_DEPTH) throw new Error(`The template nests folders deeper than ${MAX_WALK_DEPTH} levels (at "${rel}"); nothing was scaffolded.`);
    const entries = await files.list(rel ? join(templateDir, rel) : templateDir);
    for (const { name, kind } of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (IGNORED.has(name)) continue;
      const path = rel ? `${rel}/${name}` : name;
      // The learner may be on Windows, where such a file cannot be written (or writes to a device).
      if (isWindowsReservedName(name)) throw new Error(`${reservedNameMessage(`The template's ${kind === 'directory' ? 'folder' : 'file'}`, path)} Nothing was scaffolded.`);
      if (kind === 'directory') await visit(path, depth + 1);
      else if (kind === 'file') out.files.push(path);
      else out.left.push(path);
      if (out.files.length + out.left.length > MAX_TEMPLATE_FILES) {
        throw new Error(`The template has more than ${MAX_TEMPLATE_FILES} files; nothing was scaffolded.`);
      }
    }
  };
  await visit('', 0);
  return out;
}
