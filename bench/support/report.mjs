import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './scratch.mjs';

/** The p-th percentile (0–100) of numbers, nearest-rank. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** What the figures were measured on, printed and kept with them. */
export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Figures from a busy machine are not comparable with a quiet one's: the load is kept with them.
    loadAverage1m: round(os.loadavg()[0], 1),
  };
}

/** "2 cores, 23.5 GB, load average 0.4": the first line every bench prints. */
export function describeMachine() {
  const m = machine();
  return `${m.cpus} cores, ${m.memoryGb} GB, load average ${m.loadAverage1m}`;
}

/** Prints rows (objects with the same keys) as an aligned table. */
export function printTable(title, rows) {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (value) => (typeof value === 'number' ? String(round(value, 2)) : String(value ?? ''));
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values) => values.map((value, i) => value.padStart(widths[i])).join('  ');
  process.stdout.write(`\n${title}\n${line(columns)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((column) => cell(row[column])))}\n`);
  process.stdout.write('\n');
}

/** Writes bench/results/<name>-<YYYY-MM-DD>.json (git ignores the folder) and returns its path. */
export function writeResult(name, data) {
  const dir = path.join(REPO_ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(dir, `${name}-${date}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ bench: name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`,
  );
  return path.relative(REPO_ROOT, file);
}

/** Logs a step with the seconds since the bench started. */
export function stepper() {
  const started = Date.now();
  return (message) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}
