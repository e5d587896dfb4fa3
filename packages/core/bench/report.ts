import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the repository. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One aligned line of the benchmark table. */
export function printRow(label: string, value: string, detail = ''): void {
  console.log(`${label.padEnd(62)} ${value.padStart(12)}  ${detail}`);
}

/** The machine the figures were measured on. */
export function printMachine(): void {
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
}
