/** Public surface of the linter (used by the CLI and the app). */
export { lintCassette, lintCassetteDetailed, applyFixes, applyFixesDetailed, levelFor } from './engine';
export type { FixReport, LintResult } from './engine';
export { RULES, ruleMeta } from './catalog';
export type { Finding, Fix, FindingSeverity, LintOptions, RuleLevel, RuleMeta } from './types';
export { APP_LINT_OPTIONS, lintCounts, lintFile, lintPathOf, lintText } from './file';
export type { LintCounts } from './file';
