// Times DuckDB scanning every column of a Parquet file, for the Parquet benchmark.
// Usage: node bench-parquet.mjs <file> <runs>
// Prints one line per run: the milliseconds DuckDB took (connection already open, so startup is not counted).
import { DuckDBInstance } from '@duckdb/node-api';

const [file, runs = '5'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET threads TO 2");
const quoted = file.replaceAll("'", "''");
// Aggregating every column forces DuckDB to decode all of them, as materialising records does on our side.
// Identifiers are quoted: "At" is a keyword in DuckDB's grammar.
const query = `SELECT count(*), sum("Id"), sum("Customer"), sum("Amount"), count("Region"), max("At"), sum("Flag"::INT), sum("Price") FROM read_parquet('${quoted}')`;
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  await connection.runAndReadAll(query);
  console.log((performance.now() - start).toFixed(1));
}
