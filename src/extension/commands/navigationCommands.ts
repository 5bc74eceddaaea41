import * as vscode from 'vscode';
import { setContext } from '../base/editorContext';
import { VIEWS } from '../base/viewIds';
import { notesIdOf, resourceOf, stringOf } from './commandArgs';
import type { CommandHandlers } from './commandTable';
import type { Services } from './services';

/** Open Notes and the Dashboard, Go to Topic, Next Topics, Open Resource, Hide/Show Completed, Collapse All. */
export function navigationHandlers(s: Services): Pick<CommandHandlers, 'openNotes' | 'openDashboard' | 'goToTopic' | 'showNextTopics' | 'openNextTopic' | 'openResource' | 'hideCompleted' | 'showCompleted' | 'collapseAll'> {
  const setHidden = (hide: boolean) => {
    for (const t of s.trees) t.setOptions({ hideCompleted: hide });
    setContext('hideCompleted', hide);
  };
  return {
    openNotes: async (target) => {
      // A row that is neither a layer nor a topic opens nothing; no target at all asks.
      const given = notesIdOf(target);
      const id = given ?? (typeof target === 'string' ? undefined : await s.navigation.pickNotesTarget());
      if (id) await showNotes(s, id);
    },
    openDashboard: () => s.dashboard.show(),
    goToTopic: (query) => s.navigation.goToTopic(stringOf(query)),
    showNextTopics: (options) => s.navigation.showNextTopics(options?.pick !== false),
    openNextTopic: () => s.navigation.openNextTopic(),
    openResource: async (element) => {
      const resource = resourceOf(element);
      if (resource) await s.navigation.openResource(resource.topicId, resource.n);
    },
    hideCompleted: () => setHidden(true),
    showCompleted: () => setHidden(false),
    collapseAll: async () => {
      for (const view of Object.values(VIEWS)) await vscode.commands.executeCommand(`workbench.actions.treeView.${view}.collapseAll`);
    },
  };
}

/** Shows notes, telling the learner in words when the id is not in the roadmap. */
export async function showNotes(s: Pick<Services, 'notes'>, id: string, options?: { beside?: vscode.ViewColumn }): Promise<void> {
  try {
    await s.notes.show(id, options);
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
  }
}
