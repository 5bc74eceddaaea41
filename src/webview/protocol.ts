/**
 * Messages between the webview panels and the extension: one discriminated union each way per
 * panel, imported by both sides. Each side checks what it receives with the guards below and
 * ignores (and logs) anything else, so a stale or hostile message cannot drive either side.
 */
import type { Status } from '../core/progress/progressModel';

export type { Status };
export const STATUS_LABELS: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export interface TopicRef {
  id: string;
  title: string;
  status: Status;
}

export interface TopicView {
  kind: 'topic';
  id: string;
  title: string;
  layer: { id: string; number: number; title: string };
  hours?: number;
  status: Status;
  /** Rendered by the extension from markdown with raw HTML disabled. */
  notesHtml: string;
  prerequisites: TopicRef[];
  resources: Array<{ title: string; url: string; kind: string; free?: boolean }>;
  exercises: Array<{ id: string; title: string; difficulty: string; hours?: number; status: Status }>;
  previous?: TopicRef;
  next?: TopicRef;
  hasMyNotes: boolean;
  /** arXiv papers cited in the notes' references, each with whether it is in the reading list. */
  paperRefs?: Array<{ arxivId: string; title: string; listed: boolean }>;
}

export interface LayerView {
  kind: 'layer';
  id: string;
  number: number;
  title: string;
  goal: string;
  summary?: string;
  topics: TopicRef[];
  done: number;
  total: number;
}

export type NotesView = TopicView | LayerView;

export type ToNotesPanel =
  | { type: 'show'; view: NotesView }
  /** A status changed elsewhere (tree, command): the panel updates in place. */
  | { type: 'status'; id: string; status: Status }
  /** What came of an action started in the panel (a check's result), for its live region. */
  | { type: 'feedback'; text: string };

export type FromNotesPanel =
  | { type: 'ready' }
  | { type: 'open'; id: string }
  | { type: 'setStatus'; id: string; status: Status }
  | { type: 'openLink'; href: string }
  | { type: 'openMyNotes'; id: string }
  | { type: 'exercise'; action: 'scaffold' | 'check'; id: string }
  /** One click on a reference: the extension looks the reference up in the topic's own notes. */
  | { type: 'addPaper'; id: string; arxivId: string };

const STATUS_VALUES: readonly string[] = ['not-started', 'in-progress', 'done', 'skipped'];
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 200;

export function isFromNotesPanel(m: unknown): m is FromNotesPanel {
  if (!m || typeof m !== 'object') return false;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
      return true;
    case 'open':
    case 'openMyNotes':
      return isId(msg.id);
    case 'setStatus':
      return isId(msg.id) && typeof msg.status === 'string' && STATUS_VALUES.includes(msg.status);
    case 'openLink':
      return typeof msg.href === 'string' && msg.href.length < 4000;
    case 'exercise':
      return isId(msg.id) && (msg.action === 'scaffold' || msg.action === 'check');
    case 'addPaper':
      return isId(msg.id) && typeof msg.arxivId === 'string' && msg.arxivId.length < 40;
    default:
      return false;
  }
}

export function isToNotesPanel(m: unknown): m is ToNotesPanel {
  if (!m || typeof m !== 'object') return false;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'status') return isId(msg.id) && typeof msg.status === 'string' && STATUS_VALUES.includes(msg.status);
  if (msg.type === 'feedback') return typeof msg.text === 'string' && msg.text.length < 2000;
  if (msg.type !== 'show' || !msg.view || typeof msg.view !== 'object') return false;
  const view = msg.view as Record<string, unknown>;
  return (view.kind === 'topic' || view.kind === 'layer') && isId(view.id) && typeof view.title === 'string';
}

/** State the notes webview keeps with vscode.setState, so a reload comes back where it was. */
export interface NotesPanelState {
  id: string;
  scrollY: number;
}

export function isNotesPanelState(s: unknown): s is NotesPanelState {
  return !!s && typeof s === 'object' && isId((s as NotesPanelState).id) && typeof (s as NotesPanelState).scrollY === 'number';
}

// ---- Dashboard panel -------------------------------------------------------------------

export type { DashboardData } from '../core/progress/dashboardStats';
import type { DashboardData } from '../core/progress/dashboardStats';

export type ToDashboard = { type: 'show'; data: DashboardData };

export type FromDashboard = { type: 'ready' } | { type: 'open'; id: string } | { type: 'command'; command: 'showNextTopics' | 'goToTopic' | 'startStudyPlan' };

export function isFromDashboard(m: unknown): m is FromDashboard {
  if (!m || typeof m !== 'object') return false;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'ready') return true;
  if (msg.type === 'open') return isId(msg.id);
  return msg.type === 'command' && (msg.command === 'showNextTopics' || msg.command === 'goToTopic' || msg.command === 'startStudyPlan');
}

export function isToDashboard(m: unknown): m is ToDashboard {
  if (!m || typeof m !== 'object') return false;
  const msg = m as { type?: unknown; data?: Partial<DashboardData> };
  return msg.type === 'show' && !!msg.data && Array.isArray(msg.data.layers) && Array.isArray(msg.data.weeks);
}
