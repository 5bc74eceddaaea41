import { debianPackage, pipName } from '../exercises/packageNames';
import { missingModulesIn } from '../exercises/pytestReport';

export interface MissingPackage {
  module: string;
  /** One sentence: how to install it for this interpreter. */
  hint: string;
}

/**
 * The packages a run could not import ("ModuleNotFoundError: No module named 'torch'"), each with
 * how to install it: pip into the interpreter that ran, and on Debian or Ubuntu the system
 * package when one is known (a system Python refuses pip there).
 */
export function missingPackages(output: string, python: string): MissingPackage[] {
  const exe = /^[\w./-]+$/.test(python) ? python : JSON.stringify(python);
  return missingModulesIn(output).map((module) => {
    const apt = debianPackage(module);
    const pip = `${exe} -m pip install ${pipName(module)}`;
    return { module, hint: `Python has no module named "${module}". Install it with: ${pip}${apt ? `, or on Debian and Ubuntu: sudo apt-get install ${apt}` : ''}.` };
  });
}
