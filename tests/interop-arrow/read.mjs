// Usage: node read.mjs <arrow file or stream>
// Prints {"schema":[...],"batches":[rows per batch...]} on the first line, then one JSON object per row.
import { readFileSync } from 'node:fs';
import * as A from 'apache-arrow';
import { typeName, render } from './canonical.mjs';

const table = A.tableFromIPC(readFileSync(process.argv[2]));
const fields = table.schema.fields;
const header = {
  schema: fields.map(f => ({ name: f.name, type: typeName(f.type), nullable: f.nullable })),
  batches: table.batches.map(b => b.numRows),
};
const lines = [JSON.stringify(header)];
for (const batch of table.batches) {
  const columns = fields.map((_, j) => batch.getChildAt(j));
  for (let i = 0; i < batch.numRows; i++) {
    const row = {};
    fields.forEach((f, j) => { row[f.name] = render(columns[j], i); });
    lines.push(JSON.stringify(row));
  }
}
process.stdout.write(lines.join('\n') + '\n');
