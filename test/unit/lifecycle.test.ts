import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { Disposable } from '../../src/extension/base/lifecycle';
import { checkedSetting } from '../../src/extension/base/settingsTable';

class Owner extends Disposable {
  register(d: { dispose(): unknown }) {
    return this._register(d);
  }
}

it('a Disposable frees what it registered once, newest first, even when one throws', () => {
  const freed: string[] = [];
  const owner = new Owner();
  owner.register({ dispose: () => freed.push('first') });
  owner.register({ dispose: () => { throw new Error('boom'); } });
  owner.register({ dispose: () => freed.push('last') });
  owner.dispose();
  owner.dispose();
  assert.deepEqual(freed, ['last', 'first']);
});

it('something registered after disposal is freed at once', () => {
  const owner = new Owner();
  owner.dispose();
  let freed = false;
  owner.register({ dispose: () => (freed = true) });
  assert.equal(freed, true);
});

it('settings of the wrong type or outside their values read as the default', () => {
  assert.equal(checkedSetting('progress.location', 'workspace'), 'workspace');
  assert.equal(checkedSetting('progress.location', 'cloud'), 'global');
  assert.equal(checkedSetting('progress.location', undefined), 'global');
  assert.equal(checkedSetting('statusBar.visible', 'no'), true);
  assert.equal(checkedSetting('statusBar.visible', false), false);
  assert.equal(checkedSetting('pythonPath', '  /usr/bin/python3 '), '/usr/bin/python3');
  assert.equal(checkedSetting('roadmapFile', { path: 'x' }), '');
});
