import { installHint } from './pytestReport';

/** The Python packages the built-in exercises import (as import names). */
export const EXERCISE_PACKAGES = ['numpy', 'torch', 'sklearn', 'pytest'] as const;

/** A script for `python -c`: prints one JSON line with the interpreter and each package's version or null. */
export function probeScript(packages: readonly string[] = EXERCISE_PACKAGES): string {
  return [
    'import importlib, json, sys',
    'out = {"python": sys.version.split()[0], "executable": sys.executable, "packages": {}}',
    `for name in ${JSON.stringify(packages)}:`,
    '    try:',
    '        out["packages"][name] = str(getattr(importlib.import_module(name), "__version__", "installed"))',
    '    except Exception:',
    '        out["packages"][name] = None',
    'print(json.dumps(out))',
  ].join('\n');
}

export interface EnvironmentReport {
  python: string;
  executable: string;
  present: Array<{ name: string; version: string }>;
  missing: string[];
}

/** The probe's JSON line, checked; undefined when the output is not what the probe prints. */
export function parseProbeOutput(stdout: string): EnvironmentReport | undefined {
  const line = stdout.trim().split(/\r?\n/).pop() ?? '';
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const { python, executable, packages } = data as Record<string, unknown>;
  if (typeof python !== 'string' || typeof executable !== 'string' || !packages || typeof packages !== 'object') return undefined;
  const present: EnvironmentReport['present'] = [];
  const missing: string[] = [];
  for (const [name, version] of Object.entries(packages as Record<string, unknown>)) {
    if (typeof version === 'string') present.push({ name, version });
    else missing.push(name);
  }
  return { python, executable, present, missing };
}

/** One paragraph for the learner: what is there, and how to install what is not. */
export function describeEnvironment(r: EnvironmentReport): string {
  const have = r.present.map((p) => `${p.name} ${p.version}`).join(', ') || 'none of them';
  if (!r.missing.length) return `Python ${r.python} (${r.executable}) has every package the exercises use: ${have}.`;
  const how = r.missing.map((m) => `${m}: ${installHint(m)}`).join('; ');
  return `Python ${r.python} (${r.executable}) is missing ${r.missing.join(', ')}. Present: ${have}. To install, in a virtual environment use pip, or use the system's packages: ${how}.`;
}
