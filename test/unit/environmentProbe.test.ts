import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEnvironment, howToInstall, parseProbeOutput, probeScript } from '../../src/core/exercises/environmentProbe';

describe('Check Environment: the Python probe', () => {
  it('reads the versions present and names the missing packages with install hints', () => {
    const r = parseProbeOutput('warning: noise\n{"python": "3.11.2", "executable": "/usr/bin/python3", "packages": {"numpy": "1.24.2", "torch": null, "sklearn": "1.2.1", "pytest": null}}\n');
    assert.ok(r);
    assert.deepEqual(r.missing, ['torch', 'pytest']);
    assert.deepEqual(r.present.map((p) => p.name), ['numpy', 'sklearn']);
    const text = describeEnvironment(r);
    assert.match(text, /missing torch, pytest/);
    assert.match(text, /system's Python: install with the system's packages \(Debian, Ubuntu\): sudo apt-get install python3-torch python3-pytest/);
    assert.equal(r.virtualEnv, false);
  });

  it('says to use pip for a virtual environment, with that interpreter', () => {
    const r = parseProbeOutput('{"python": "3.12.1", "executable": "/home/me/.venv/bin/python", "venv": true, "packages": {"numpy": "2.0", "sklearn": null, "constructor": null}}')!;
    assert.equal(r.virtualEnv, true);
    assert.match(describeEnvironment(r), /virtual environment: install with \/home\/me\/.venv\/bin\/python -m pip install scikit-learn constructor$/);
    assert.match(howToInstall({ ...r, virtualEnv: false }), /apt-get install python3-sklearn; and with pip: \/home\/me\/.venv\/bin\/python -m pip install --user constructor/);
  });

  it('says when everything is there', () => {
    const r = parseProbeOutput('{"python": "3.11.2", "executable": "/usr/bin/python3", "packages": {"numpy": "1.24.2"}}');
    assert.match(describeEnvironment(r!), /has every package/);
  });

  it('refuses output that is not the probe', () => {
    for (const bad of ['', 'Traceback (most recent call last):', '[1,2]', '{"python": 3}', 'null']) assert.equal(parseProbeOutput(bad), undefined, bad);
  });

  it('probes exactly the packages it is given', () => {
    assert.match(probeScript(['numpy']), /for name in \["numpy"\]:/);
  });
});
