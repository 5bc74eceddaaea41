import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

type PapersCommand = Extract<keyof CommandHandlers, `papers.${string}`>;

/** Add Paper and what is done to a paper or to the whole reading list. */
export function papersHandlers(s: Services): Pick<CommandHandlers, PapersCommand> {
  const a = s.papers.actions;
  return {
    'papers.add': (input, options) => a.add(input, options),
    'papers.fetchMetadata': (paper) => a.fetchMetadata(paper),
    'papers.setStatus': (paper, status) => a.setStatus(paper, status),
    'papers.nextPass': (paper) => a.nextPass(paper),
    'papers.openNote': (paper) => a.openNote(paper),
    'papers.editTags': (paper, tags) => a.editTags(paper, tags),
    'papers.linkTopics': (paper, topicIds) => a.linkTopics(paper, topicIds),
    'papers.openPaper': (paper) => a.openPaper(paper),
    'papers.remove': (paper, confirmed) => a.remove(paper, confirmed),
    'papers.checkHabit': (item, done) => a.checkHabit(item, done),
    'papers.exportBibtex': (file) => a.exportBibtex(file),
    'papers.exportReadingLog': (file) => a.exportReadingLog(file),
    'papers.importBibtex': (file) => a.importBibtex(file),
  };
}
