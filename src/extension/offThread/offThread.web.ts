import type { LoadResult } from '../../core/loading/loadRoadmap';
import type { RoadmapFiles } from '../../core/loading/roadmapFiles';
import { renderWithLanguages, type NotesRenderer } from '../../core/render/codeLanguages';
import { codeLanguage, notesRenderer, roadmapLoader } from '../base/lazyModules';

let render: NotesRenderer | undefined;

/**
 * VS Code for the Web: the extension host is already a web worker, apart from the editor's UI;
 * the work runs here, on that worker's thread, within the core's bounds.
 */
export const offThread = {
  whereLabel: 'the web extension host',
  async renderNotes(markdown: string): Promise<string> {
    render ??= (await notesRenderer()).createNotesRenderer();
    return renderWithLanguages(render, markdown, codeLanguage);
  },
  async loadRoadmap(files: RoadmapFiles, entry: string): Promise<LoadResult> {
    return (await roadmapLoader()).loadRoadmap(files, entry);
  },
  dispose(): void {},
};
