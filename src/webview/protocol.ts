/**
 * The messages between the notes panel and the extension: one discriminated union each way,
 * imported by both sides. Each side checks what it receives with the guards below and ignores
 * (and logs) anything else, so a stale or hostile message cannot drive either side.
 */

/** What the panel shows: plain data, never HTML. */
export interface NotesView {
  kind: 'layer' | 'topic';
  id: string;
  title: string;
  /** "Layer 3 · Deep Learning Core" for a topic, "Layer 3" for a layer. */
  context: string;
  goal?: string;
  summary?: string;
  items: Array<{ id: string; title: string }>;
}

export type ToPanel = { type: 'show'; view: NotesView };

export type FromPanel =
  | { type: 'ready' }
  | { type: 'open'; id: string };

export function isFromPanel(m: unknown): m is FromPanel {
  if (!m || typeof m !== 'object') return false;
  const msg = m as { type?: unknown; id?: unknown };
  switch (msg.type) {
    case 'ready':
      return true;
    case 'open':
      return typeof msg.id === 'string' && msg.id.length < 200;
    default:
      return false;
  }
}

export function isToPanel(m: unknown): m is ToPanel {
  if (!m || typeof m !== 'object') return false;
  const msg = m as { type?: unknown; view?: Partial<NotesView> };
  return msg.type === 'show' && !!msg.view && typeof msg.view.title === 'string' && Array.isArray(msg.view.items);
}
