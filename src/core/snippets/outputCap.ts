/** How much of a run's output the notes panel shows: beyond it the rest is counted, not kept. */
export const MAX_RUN_OUTPUT_CHARS = 100_000;

/**
 * Keeps a run's output within `max` characters. What fits is handed on; the rest is dropped
 * and counted, so a snippet that prints megabytes costs the panel no more than the cap.
 */
export class OutputCap {
  private shown = 0;
  private droppedChars = 0;

  constructor(private readonly max = MAX_RUN_OUTPUT_CHARS) {}

  /** The part of `text` that may still be shown ('' once the cap is reached). */
  take(text: string): string {
    const room = this.max - this.shown;
    if (text.length <= room) {
      this.shown += text.length;
      return text;
    }
    const kept = room > 0 ? text.slice(0, room) : '';
    this.shown += kept.length;
    this.droppedChars += text.length - kept.length;
    return kept;
  }

  get cut(): boolean {
    return this.droppedChars > 0;
  }

  /** The sentence to show where the output stops, when it was cut. */
  note(): string | undefined {
    if (!this.cut) return undefined;
    return `Output cut at ${this.max.toLocaleString('en')} characters: ${this.droppedChars.toLocaleString('en')} more were not shown.`;
  }
}

/**
 * Output as plain text for the panel: terminal colour and cursor codes removed, line endings
 * made "\n", other control characters dropped. It is shown as text, never as HTML, either way.
 */
// Control characters are what these patterns are about.
/* eslint-disable no-control-regex */
export function plainOutput(text: string): string {
  return text
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI: colours, cursor moves
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '') // OSC: titles, links
    .replace(/\r\n?/g, '\n')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
/* eslint-enable no-control-regex */
