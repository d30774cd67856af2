#!/usr/bin/env node
// Copies tables from a `scripts/bench.sh` report into BENCHMARKS.md.
//
// In BENCHMARKS.md a table to refresh is preceded by a marker line
//   <!-- bench: HEADING-PREFIX #N -->
// naming the report section (`### ...` heading, matched by prefix) and the N-th table in it
// (1-based). The table right after the marker is replaced by that report table; everything
// else (the prose, the accuracy section) is left alone. Markers with no match are reported and
// their tables kept, so a partial run never blanks the file.
//
// Usage: node scripts/bench-update-md.mjs [target/bench/report.md] [BENCHMARKS.md]

import fs from 'node:fs';

const [reportPath = 'target/bench/report.md', mdPath = 'BENCHMARKS.md'] = process.argv.slice(2);
const report = fs.readFileSync(reportPath, 'utf8').split('\n');

// section heading -> list of tables (arrays of lines)
const sections = [];
let cur = null;
let table = null;
for (const line of report) {
  if (line.startsWith('### ')) {
    cur = { heading: line.slice(4).trim(), tables: [] };
    sections.push(cur);
    table = null;
  } else if (cur && line.startsWith('|')) {
    if (!table) {
      table = [];
      cur.tables.push(table);
    }
    table.push(line);
  } else {
    table = null;
  }
}

const md = fs.readFileSync(mdPath, 'utf8').split('\n');
const out = [];
let replaced = 0;
const missing = [];
for (let i = 0; i < md.length; i++) {
  out.push(md[i]);
  const m = /^<!-- bench: (.+?) #(\d+) -->$/.exec(md[i].trim());
  if (!m) continue;
  const sec = sections.find((s) => s.heading.startsWith(m[1]));
  const t = sec?.tables[Number(m[2]) - 1];
  if (!t) {
    missing.push(`${m[1]} #${m[2]}`);
    continue;
  }
  // Skip the old table (and blank lines between marker and table).
  let j = i + 1;
  while (j < md.length && md[j].trim() === '') j++;
  if (j < md.length && md[j].startsWith('|')) {
    while (j < md.length && md[j].startsWith('|')) j++;
    i = j - 1;
  }
  out.push(...t);
  replaced++;
}
fs.writeFileSync(mdPath, out.join('\n'));
console.error(`bench-update-md: ${replaced} tables refreshed from ${reportPath}`);
if (missing.length) console.error(`bench-update-md: not in the report, kept as they were: ${missing.join(', ')}`);
