/**
 * pytest's arguments for a check: the JUnit report (xunit1 adds each test's file and line),
 * every outcome in the terminal summary for the output channel, no cache written into the
 * learner's folder, no colours. `nodeIds` narrows the run to some files or tests.
 */
export function pytestArgs(junitPath: string, nodeIds: readonly string[] = []): string[] {
  return ['-m', 'pytest', '-rA', '-p', 'no:cacheprovider', '--color=no', '-o', 'junit_family=xunit1', `--junitxml=${junitPath}`, ...nodeIds.map((id) => (id.startsWith('-') ? `./${id}` : id))];
}
