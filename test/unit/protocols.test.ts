import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFromDashboard, isToDashboard, type FromDashboard } from '../../src/webview/dashboard/protocol';
import { isFromNotesPanel, isNotesPanelState, isToNotesPanel, type FromNotesPanel, type ToNotesPanel } from '../../src/webview/notes/protocol';

// Typed as the union, so a message the description does not allow fails to compile here.
const fromNotes: FromNotesPanel[] = [
  { type: 'ready' },
  { type: 'open', id: 'a' },
  { type: 'setStatus', id: 'a', status: 'done' },
  { type: 'openLink', href: 'https://example.org' },
  { type: 'openMyNotes', id: 'a' },
  { type: 'exercise', action: 'check', id: 'ex' },
];
const toNotes: ToNotesPanel[] = [
  { type: 'status', id: 'a', status: 'skipped' },
  { type: 'show', view: { kind: 'layer', id: 'l', number: 1, title: 'L', goal: 'g', topics: [], done: 0, total: 0 } },
];
const fromDashboard: FromDashboard[] = [{ type: 'ready' }, { type: 'open', id: 'a' }, { type: 'command', command: 'goToTopic' }];

const hostile: unknown[] = [
  null, undefined, 'ready', 42, [], {},
  { type: 'toString' }, { type: '__proto__' }, { type: 'constructor' }, { type: 'hasOwnProperty' },
  { type: 'open' }, { type: 'open', id: '' }, { type: 'open', id: 'x'.repeat(500) }, { type: 'open', id: 7 },
  { type: 'setStatus', id: 'a', status: 'finished' }, { type: 'setStatus', id: 'a', status: 'toString' },
  { type: 'openLink', href: 'x'.repeat(5000) }, { type: 'exercise', action: 'delete', id: 'ex' },
  { type: 'command', command: 'resetProgress' }, { type: 'status', id: 'a' },
  { type: 'show', view: { kind: 'other', id: 'a', title: 't' } }, { type: 'show', data: { layers: 'x', weeks: [] } },
];

describe('webview protocols', () => {
  it('accept every message their types allow', () => {
    for (const m of fromNotes) assert.ok(isFromNotesPanel(m), JSON.stringify(m));
    for (const m of toNotes) assert.ok(isToNotesPanel(m), JSON.stringify(m));
    for (const m of fromDashboard) assert.ok(isFromDashboard(m), JSON.stringify(m));
    assert.ok(isToDashboard({ type: 'show', data: { layers: [], weeks: [] } }));
  });

  it('refuse anything else, whichever side receives it', () => {
    for (const m of hostile) {
      for (const guard of [isFromNotesPanel, isToNotesPanel, isFromDashboard, isToDashboard]) {
        assert.equal(guard(m), false, `${guard.name}: ${JSON.stringify(m)?.slice(0, 80)}`);
      }
    }
    // A message meant for the other side, or the other panel, is refused too.
    assert.equal(isFromNotesPanel({ type: 'command', command: 'goToTopic' }), false);
    assert.equal(isFromDashboard({ type: 'setStatus', id: 'a', status: 'done' }), false);
  });

  it('the notes page state comes back only when it is whole', () => {
    assert.ok(isNotesPanelState({ id: 'a', scrollY: 120 }));
    for (const s of [undefined, { id: 'a' }, { id: 'a', scrollY: Number.NaN }, { id: '', scrollY: 0 }, { scrollY: 0 }]) assert.equal(isNotesPanelState(s), false, JSON.stringify(s));
  });
});
