import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { middayTimeZone } from '../../tools/host/middayTimeZone';

describe('middayTimeZone (test hosts run at about noon, far from a local midnight)', () => {
  it('gives a zone where the local hour is 12, at every UTC hour', () => {
    for (let h = 0; h < 24; h++) {
      const now = new Date(Date.UTC(2026, 11, 2, h, 59, 30));
      const zone = middayTimeZone(now);
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now);
      assert.equal(local, '12', `${zone} at ${h}:59 UTC`);
    }
  });
});
