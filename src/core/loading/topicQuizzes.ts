import { MAX_NOTES_BYTES } from './limits';
import type { Roadmap } from '../model';
import { topicName, topicPlaces } from '../topicUnits';
import type { Problem } from '../problem';
import { checkQuizItems } from '../quiz/quizCheck';
import { parseQuizFile } from '../quiz/quizFile';
import { quizFileOf, type QuizItem, type TopicQuiz } from '../quiz/quizModel';
import { noteHeadingIds } from '../render/slug';
import { safeRelativePath } from '../safePath';
import { join } from '../util/posixPath';
import type { RoadmapFiles } from './roadmapFiles';
import { LIMITS, type PathSegment } from './yamlSource';

type Place = (path: PathSegment[]) => { file: string; line: number; column: number };

/**
 * Gives each topic its quiz: the `quiz:` list written on it and the `<note>.quiz.yaml` beside
 * its note (both may exist; ids are unique across the two). Every rule of the format that an
 * item breaks is a problem at its place; a `section` that names no heading of the note is a
 * warning. Quiz files draw on the load's byte budget like layer files.
 */
export async function attachQuizzes(files: RoadmapFiles, base: string, roadmap: Roadmap, budget: { left: number }, place: Place, readFiles: boolean): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string, severity: Problem['severity'] = 'error') => problems.push({ ...place(path), message, severity });
  // Topics and sub-topics alike: a sub-topic has a quiz of its own, keyed by its id.
  for (const unit of topicPlaces(roadmap)) {
    const { topic, path: topicPath } = unit;
    const inline = (topic as { quiz?: unknown }).quiz;
    delete topic.quiz;
    const taken = new Set<string>();
    const items: QuizItem[] = [];
    if (inline !== undefined) {
      const checked = checkQuizItems(inline, topic.id, taken);
      checked.issues.forEach((i) => at([...topicPath, 'quiz', ...i.path], i.message));
      items.push(...checked.items);
    }
    let file: string | undefined;
    const notes = topic.notes && safeRelativePath(topic.notes);
    if (readFiles && notes) {
      const rel = quizFileOf(notes);
      const read = await readQuizText(files, join(base, rel), budget).catch((e: Error) => ({ refused: e.message }));
      if ('refused' in read) at([...topicPath, 'notes'], `The quiz file "${rel}" of ${topicName(unit)}: ${read.refused}`);
      else if (read.text !== undefined) {
        file = rel;
        const parsed = parseQuizFile(join(base, rel), read.text, topic.id, taken);
        problems.push(...parsed.problems);
        items.push(...parsed.items);
      }
      const sections = items.filter((i) => i.section);
      if (sections.length) {
        const headings = await noteHeadings(files, join(base, notes));
        for (const item of sections) {
          if (headings && !headings.has(item.section!)) at([...topicPath, 'notes'], `Quiz item "${item.id}" of ${topicName(unit)} links to the section "${item.section}", which is not a heading of its note${hint(headings)}.`, 'warning');
        }
      }
    }
    if (items.length === 0 && !file && inline === undefined) continue;
    const quiz: TopicQuiz = { ids: items.map((i) => i.id), items };
    if (file) quiz.file = file;
    topic.quiz = quiz;
  }
  return problems;
}

async function readQuizText(files: RoadmapFiles, rel: string, budget: { left: number }): Promise<{ text: string | undefined }> {
  const size = await files.size(rel);
  if (size === undefined) return { text: undefined };
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  if (size > LIMITS.maxFileBytes) throw new Error(`it is ${mb(size)}; roadmap files may be at most ${mb(LIMITS.maxFileBytes)}.`);
  if (size > budget.left) throw new Error(`it (${mb(size)}) does not fit in what one roadmap's YAML files may hold together (${mb(LIMITS.maxRoadmapBytes)}).`);
  budget.left -= size;
  const text = await files.readText(rel);
  if (text === undefined) throw new Error('it could not be read.');
  return { text };
}

async function noteHeadings(files: RoadmapFiles, rel: string): Promise<Set<string> | undefined> {
  try {
    const size = await files.size(rel);
    if (size === undefined || size > MAX_NOTES_BYTES) return undefined;
    const text = await files.readText(rel);
    return text === undefined ? undefined : noteHeadingIds(text);
  } catch {
    return undefined; // the notes check reports a note that cannot be read
  }
}

function hint(headings: Set<string>): string {
  const some = [...headings].slice(0, 8);
  return some.length ? ` (its headings: ${some.join(', ')}${headings.size > some.length ? ', …' : ''})` : '';
}
