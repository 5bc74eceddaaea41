/** pip's name where it differs from the import name. */
const PIP_NAMES: Record<string, string> = { sklearn: 'scikit-learn', PIL: 'Pillow', cv2: 'opencv-python', yaml: 'PyYAML', bs4: 'beautifulsoup4' };

/** Debian and Ubuntu package names, for a system Python. */
const DEBIAN_NAMES: Record<string, string> = {
  torch: 'python3-torch',
  numpy: 'python3-numpy',
  sklearn: 'python3-sklearn',
  pytest: 'python3-pytest',
  matplotlib: 'python3-matplotlib',
  scipy: 'python3-scipy',
  pandas: 'python3-pandas',
  PIL: 'python3-pil',
  yaml: 'python3-yaml',
};

/** The name to pip install for an import name (a module name from an error is its own best guess). */
export function pipName(module: string): string {
  return Object.hasOwn(PIP_NAMES, module) ? PIP_NAMES[module] : module;
}

/** The Debian package that provides a module, when one is known. */
export function debianPackage(module: string): string | undefined {
  return Object.hasOwn(DEBIAN_NAMES, module) ? DEBIAN_NAMES[module] : undefined;
}
