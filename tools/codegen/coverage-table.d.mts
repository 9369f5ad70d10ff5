// Types of coverage-table.mjs, for the tests that read the coverage the same way the README does.

/** One verb + path the SDK's TSDoc names, and the files naming it. */
export interface DocumentedPath {
  readonly verb: string;
  readonly path: string;
  readonly files: Set<string>;
}

/** One row of crossbar-paths.tsv. */
export interface CrossbarPath {
  readonly module: string;
  readonly verb: string;
  readonly path: string;
}

export function defaultTsvPath(): string;
export function normalizePath(path: string): string;
export function readCrossbarPaths(text: string): CrossbarPath[];
export function documentedPaths(...dirs: string[]): Map<string, DocumentedPath>;
export function renderTable(rows: readonly CrossbarPath[], documented: Map<string, DocumentedPath>): string;
export function replaceBlock(readme: string, block: string): string;
