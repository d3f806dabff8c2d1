// Reads a Parquet file with DuckDB and prints one JSON object per row (JSON lines).
// Usage: node read-parquet.mjs <file> [select-list] [data|metadata]
// The select list defaults to *; callers cast columns (e.g. ts::VARCHAR) to get stable text forms.
// "metadata" reads DuckDB's parquet_metadata() view of the file (row groups, statistics) instead of its rows.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, select = '*', source = 'data'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read-parquet.mjs <file> [select-list] [data|metadata]');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quoted = file.replaceAll("'", "''");
const table = source === 'metadata' ? 'parquet_metadata' : 'read_parquet';
const reader = await connection.runAndReadAll(`SELECT ${select} FROM ${table}('${quoted}')`);
const out = [];
for (const row of reader.getRowObjectsJson()) out.push(JSON.stringify(row));
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
