// Writes the result of a SQL query to a Parquet file with DuckDB.
// Usage: node write-parquet.mjs <file> <snappy|gzip|uncompressed|zstd> <sql> [row-group-size] [V1|V2]
// V2 makes DuckDB write v2 data pages with the DELTA_* and BYTE_STREAM_SPLIT encodings.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, compression, sql, rowGroupSize, version] = process.argv.slice(2);
if (!file || !compression || !sql) {
  console.error('usage: node write-parquet.mjs <file> <snappy|gzip|uncompressed|zstd> <sql> [row-group-size] [V1|V2]');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quoted = file.replaceAll("'", "''");
const options = [`FORMAT parquet`, `COMPRESSION ${compression}`];
if (rowGroupSize) options.push(`ROW_GROUP_SIZE ${Number(rowGroupSize)}`);
if (version) options.push(`PARQUET_VERSION ${version === 'V2' ? 'V2' : 'V1'}`);
await connection.run(`COPY (${sql}) TO '${quoted}' (${options.join(', ')})`);
