/**
 * The notes panel's messages, both ways, and the state its page keeps. Both sides import this
 * file; each checks what it receives with the guards derived from these descriptions.
 */
import type { NotesView } from '../../core/views/notesView';
import { isStatus } from '../../core/progress/progressModel';
import { isId, isNumber, isStringUpTo, messageGuard, objectGuard, oneOf, type Check, type MessageOf } from '../../core/util/messageSchema';
import { fromNotesSnippets, toNotesSnippets } from './snippetProtocol';

export type { LayerView, NotesView, TopicRef, TopicView } from '../../core/views/notesView';
export type { BlockRunState, ShownFigure } from './snippetProtocol';

const isNotesView: Check<NotesView> = (v): v is NotesView => {
  const view = v as Partial<NotesView> | null;
  return !!view && typeof view === 'object' && (view.kind === 'topic' || view.kind === 'layer') && isId(view.id) && typeof view.title === 'string';
};

const fromNotesPanel = {
  ready: {},
  open: { id: isId },
  setStatus: { id: isId, status: isStatus },
  openLink: { href: isStringUpTo(4000) },
  openMyNotes: { id: isId },
  exercise: { action: oneOf('scaffold', 'check'), id: isId },
  /** One click on a reference: the extension looks the reference up in the topic's own notes. */
  addPaper: { id: isId, arxivId: isStringUpTo(40) },
  /** The topic's quiz, or a review of its due cards, in the quiz panel. */
  quiz: { id: isId, mode: oneOf('quiz', 'review') },
  ...fromNotesSnippets,
};

const toNotesPanel = {
  show: { view: isNotesView },
  /** A status changed elsewhere (tree, command): the panel updates in place. */
  status: { id: isId, status: isStatus },
  /** What came of an action started in the panel (a check's result), for its live region. */
  feedback: { text: isStringUpTo(2000) },
  /** Scrolls to a heading of the note ("Show the section" after a wrong quiz answer). */
  scrollTo: { anchor: isStringUpTo(200) },
  ...toNotesSnippets,
};

export type FromNotesPanel = MessageOf<typeof fromNotesPanel>;
export type ToNotesPanel = MessageOf<typeof toNotesPanel>;
export const isFromNotesPanel = messageGuard(fromNotesPanel);
export const isToNotesPanel = messageGuard(toNotesPanel);

/** What the page keeps with setState, so a reloaded panel comes back to its topic and place. */
export const isNotesPanelState = objectGuard({ id: isId, scrollY: isNumber });
export type NotesPanelState = typeof isNotesPanelState extends Check<infer T> ? T : never;
