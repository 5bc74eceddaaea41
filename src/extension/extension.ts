// Entry point: wires the services to the editor. Activation builds objects and registers
// providers only; the roadmap itself is read when a view first asks for it.
import * as vscode from 'vscode';
import { registerOpenNotes } from './commands/openNotes';
import { NotesPanel } from './panels/notesPanel';
import { RoadmapService } from './roadmapService';
import { RoadmapTreeProvider } from './views/roadmapTree';

/** What activate returns: a small surface for the integration tests and other extensions. */
export interface AiRoadmapApi {
  roadmapTree: RoadmapTreeProvider;
  notesPanel: NotesPanel;
  roadmaps: RoadmapService;
}

export function activate(context: vscode.ExtensionContext): AiRoadmapApi {
  const log = vscode.window.createOutputChannel('AI Roadmap', { log: true });
  const roadmaps = new RoadmapService(context.extensionUri);
  const roadmapTree = new RoadmapTreeProvider(roadmaps);
  const notesPanel = new NotesPanel(context.extensionUri, roadmaps, log);
  const treeView = vscode.window.createTreeView('aiRoadmap.roadmap', { treeDataProvider: roadmapTree, showCollapseAll: true });

  context.subscriptions.push(log, roadmaps, roadmapTree, notesPanel, treeView, registerOpenNotes(roadmaps, notesPanel));
  return { roadmapTree, notesPanel, roadmaps };
}

export function deactivate() {
  // Everything is disposed through context.subscriptions.
}
