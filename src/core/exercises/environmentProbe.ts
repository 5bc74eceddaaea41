import { debianPackage, pipName } from './packageNames';

/** The Python packages the built-in exercises import (as import names). */
export const EXERCISE_PACKAGES = ['numpy', 'torch', 'sklearn', 'pytest'] as const;

/** A script for `python -c`: prints one JSON line with the interpreter and each package's version or null. */
export function probeScript(packages: readonly string[] = EXERCISE_PACKAGES): string {
  return [
    'import importlib, json, sys',
    'out = {"python": sys.version.split()[0], "executable": sys.executable, "venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix), "packages": {}}',
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
  /** True when the interpreter runs in a virtual environment (pip installs there); false for a system Python. */
  virtualEnv: boolean;
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
  const { python, executable, packages, venv } = data as Record<string, unknown>;
  if (typeof python !== 'string' || typeof executable !== 'string' || !packages || typeof packages !== 'object') return undefined;
  const present: EnvironmentReport['present'] = [];
  const missing: string[] = [];
  for (const [name, version] of Object.entries(packages as Record<string, unknown>)) {
    if (typeof version === 'string') present.push({ name, version });
    else missing.push(name);
  }
  return { python, executable, virtualEnv: venv === true, present, missing };
}

/** One paragraph for the learner: what is there, and how to install what is not, for this interpreter. */
export function describeEnvironment(r: EnvironmentReport): string {
  const have = r.present.map((p) => `${p.name} ${p.version}`).join(', ') || 'none of them';
  if (!r.missing.length) return `Python ${r.python} (${r.executable}) has every package the exercises use: ${have}.`;
  return `Python ${r.python} (${r.executable}) is missing ${r.missing.join(', ')}. Present: ${have}. ${howToInstall(r)}`;
}

/** pip into a virtual environment; for a system Python, the system's packages (pip would fight them), else pip --user. */
export function howToInstall(r: Pick<EnvironmentReport, 'executable' | 'virtualEnv' | 'missing'>): string {
  const exe = /^[\w./-]+$/.test(r.executable) ? r.executable : JSON.stringify(r.executable);
  const pipNames = r.missing.map(pipName).join(' ');
  if (r.virtualEnv) return `This is a virtual environment: install with ${exe} -m pip install ${pipNames}`;
  const debian = r.missing.filter((m) => debianPackage(m));
  const rest = r.missing.filter((m) => !debianPackage(m));
  const parts = [];
  if (debian.length) parts.push(`with the system's packages (Debian, Ubuntu): sudo apt-get install ${debian.map(debianPackage).join(' ')}`);
  if (rest.length) parts.push(`with pip: ${exe} -m pip install --user ${rest.map(pipName).join(' ')}`);
  return `This is the system's Python: install ${parts.join('; and ')}. Or create a virtual environment (${exe} -m venv .venv), select it in the Python extension or aiRoadmap.pythonPath, and pip install ${pipNames} there.`;
}
