// Types of what scripts/layouts.mjs exports, for tests/layout/oracle.test.ts.

export type VariantEntries = Map<string, string[]>;

export function stripGenericArgs(path: string): string;
export function machineName(
  typeName: string,
  fileBase: string,
): { name: string } | { foreign: string } | { unsupported: string } | null;
export function parseTypeSizes(
  text: string,
  fileBase: string,
): { layouts: Map<string, VariantEntries>; tempTypes: Map<string, VariantEntries>; problems: string[] };
export function naturalCompare(a: string, b: string): number;
export function formatLayouts(layouts: Map<string, VariantEntries>): string;
export function formatTemps(tempTypes: Map<string, VariantEntries>): string[];
export function declaredCoroutines(src: string): { kind: "fn" | "block" | "other"; name: string; line: number; col: number }[];
export function lineDiff(expected: string, actual: string, labels: { expectedLabel: string; actualLabel: string }): string;
