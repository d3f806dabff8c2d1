// Records how DuckDB reads Parquet conformance files, as expected values for the reader's conformance test.
// Usage: node snapshot-corpus.mjs <corpus-data-dir> <output-dir> <file.parquet>...
// Writes <output-dir>/<file>.jsonl: a header line {"rows": N}, then sampled rows (the first 100 and every 251st)
// with file_row_number and every column cast to VARCHAR, so the test compares text, not JSON number formats.
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, outDir, ...files] = process.argv.slice(2);
if (!dataDir || !outDir || files.length === 0) {
  console.error('usage: node snapshot-corpus.mjs <corpus-data-dir> <output-dir> <file.parquet>...');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const name of files) {
  const path = join(dataDir, name).replaceAll("'", "''");
  try {
    const count = await connection.runAndReadAll(`SELECT count(*)::VARCHAR AS n FROM read_parquet('${path}')`);
    const rows = await connection.runAndReadAll(
      `SELECT file_row_number::VARCHAR AS file_row_number, COLUMNS(* EXCLUDE (file_row_number))::VARCHAR ` +
      `FROM read_parquet('${path}', file_row_number = true) ` +
      `WHERE file_row_number < 100 OR file_row_number % 251 = 0 ORDER BY file_row_number`);
    const lines = [JSON.stringify({ rows: Number(count.getRowObjectsJson()[0].n) })];
    for (const row of rows.getRowObjectsJson()) lines.push(JSON.stringify(row));
    writeFileSync(join(outDir, name + '.jsonl'), lines.join('\n') + '\n');
    console.log(`${name}: ${lines.length - 1} sampled rows`);
  } catch (error) {
    console.log(`${name}: DuckDB cannot read it (${error.message.split('\n')[0]})`);
  }
}
