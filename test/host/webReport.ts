/** Where the web suite leaves its report in the workspace: a web worker cannot write files elsewhere. */
export const WEB_REPORT = '.ai-roadmap-test-report.log';
