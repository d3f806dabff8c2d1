// Times DuckDB on a Parquet file, for the Parquet benchmark.
// Usage: node bench-parquet.mjs <file> <runs> [read|write]
//   read  (default): scan every column of <file>.
//   write: copy the rows of <file> into a new snappy Parquet file beside it (the scan included, as DuckDB must read them).
// Prints one line per run: the milliseconds DuckDB took (connection already open, so startup is not counted).
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';

const [file, runs = '5', mode = 'read'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET threads TO 2");
const quoted = file.replaceAll("'", "''");
const target = `${file}.duckdb-copy.parquet`;
// Aggregating every column forces DuckDB to decode all of them, as materialising records does on our side.
// Identifiers are quoted: "At" is a keyword in DuckDB's grammar.
const query = mode === 'write'
  ? `COPY (SELECT * FROM read_parquet('${quoted}')) TO '${target.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION snappy)`
  : `SELECT count(*), sum("Id"), sum("Customer"), sum("Amount"), count("Region"), max("At"), sum("Flag"::INT), sum("Price") FROM read_parquet('${quoted}')`;
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  await connection.runAndReadAll(query);
  console.log((performance.now() - start).toFixed(1));
}
rmSync(target, { force: true });
