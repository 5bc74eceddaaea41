import MarkdownIt from 'markdown-it';
import { imageAddress, imagePathInRoadmap } from './noteImages';

const parser = new MarkdownIt({ html: false });
parser.validateLink = () => true;

/**
 * The picture files a note shows, as paths inside the roadmap folder (the note is `notesPath`,
 * relative to it): what the built-in content pack must carry beside the note. Web addresses and
 * refused paths are left out; whether each file exists is for the caller to check.
 */
export function notePictureFiles(markdown: string, notesPath: string): string[] {
  const found = new Set<string>();
  const visit = (tokens: ReturnType<typeof parser.parse>) => {
    for (const t of tokens) {
      if (t.type === 'image') {
        const address = imageAddress(String(t.attrGet('src') ?? ''));
        const place = address.kind === 'file' ? imagePathInRoadmap(notesPath, address.path) : undefined;
        if (place && 'rel' in place) found.add(place.rel);
      }
      if (t.children) visit(t.children);
    }
  };
  visit(parser.parse(markdown, {}));
  return [...found];
}
