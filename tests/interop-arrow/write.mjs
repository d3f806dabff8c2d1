// Usage: node write.mjs <spec.json> <out.arrow (file format)> <out.arrows (stream format)>
// spec: {"batchSize": n, "columns": [{"name", "type", "nullable", "values": [canonical values...]}]}
// types: int8..int64, uint8..uint32, float32, float64, bool, utf8, largeutf8, binary, largebinary, date32, date64,
// timestamp[s|ms|us|ns(,zone)], decimal128(p,s), dictionary<utf8,int32>. Values use canonical.mjs's rendering.
import { readFileSync, writeFileSync } from 'node:fs';
import * as A from 'apache-arrow';
import { isoToDays, parseDecimal } from './canonical.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const UNITS = { s: A.TimeUnit.SECOND, ms: A.TimeUnit.MILLISECOND, us: A.TimeUnit.MICROSECOND, ns: A.TimeUnit.NANOSECOND };

function arrowType(name) {
  const simple = {
    int8: new A.Int8(), int16: new A.Int16(), int32: new A.Int32(), int64: new A.Int64(),
    uint8: new A.Uint8(), uint16: new A.Uint16(), uint32: new A.Uint32(),
    float32: new A.Float32(), float64: new A.Float64(), bool: new A.Bool(),
    utf8: new A.Utf8(), largeutf8: new A.LargeUtf8(), binary: new A.Binary(), largebinary: new A.LargeBinary(),
    date32: new A.DateDay(), date64: new A.DateMillisecond(),
    'dictionary<utf8,int32>': new A.Dictionary(new A.Utf8(), new A.Int32()),
  }[name];
  if (simple) return simple;
  let m = /^timestamp\[(s|ms|us|ns)(?:,(.+))?\]$/.exec(name);
  if (m) return new A.Timestamp(UNITS[m[1]], m[2] ?? null);
  m = /^decimal128\((\d+),(\d+)\)$/.exec(name);
  if (m) return new A.Decimal(Number(m[2]), Number(m[1]), 128);
  throw new Error(`unknown type ${name}`);
}

function validity(values) {
  const bits = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  values.forEach((v, i) => { if (v === null) nulls++; else bits[i >> 3] |= 1 << (i & 7); });
  return { nullBitmap: nulls ? bits : undefined, nullCount: nulls };
}

function variable(values, toBytes, large) {
  const chunks = values.map(v => (v === null ? new Uint8Array(0) : toBytes(v)));
  const offsets = large ? new BigInt64Array(values.length + 1) : new Int32Array(values.length + 1);
  let total = 0;
  chunks.forEach((c, i) => { total += c.length; offsets[i + 1] = large ? BigInt(total) : total; });
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { data.set(c, at); at += c.length; }
  return { valueOffsets: offsets, data };
}

const dictionaries = new Map();

function makeColumn(type, typeName, values) {
  const base = { type, length: values.length, ...validity(values) };
  const utf8 = s => new TextEncoder().encode(s);
  const b64 = s => new Uint8Array(Buffer.from(s, 'base64'));
  switch (typeName) {
    case 'int64': return A.makeData({ ...base, data: BigInt64Array.from(values, v => BigInt(v ?? 0)) });
    case 'float32': case 'float64': case 'int8': case 'int16': case 'int32': case 'uint8': case 'uint16': case 'uint32':
      return A.makeData({ ...base, data: type.ArrayType.from(values, v => (v === null ? 0 : Number(v))) });
    case 'bool': {
      const bits = new Uint8Array((values.length + 7) >> 3);
      values.forEach((v, i) => { if (v) bits[i >> 3] |= 1 << (i & 7); });
      return A.makeData({ ...base, data: bits });
    }
    case 'utf8': return A.makeData({ ...base, ...variable(values, utf8, false) });
    case 'largeutf8': return A.makeData({ ...base, ...variable(values, utf8, true) });
    case 'binary': return A.makeData({ ...base, ...variable(values, b64, false) });
    case 'largebinary': return A.makeData({ ...base, ...variable(values, b64, true) });
    case 'date32': return A.makeData({ ...base, data: Int32Array.from(values, v => (v === null ? 0 : isoToDays(v))) });
    case 'date64': return A.makeData({ ...base, data: BigInt64Array.from(values, v => (v === null ? 0n : BigInt(isoToDays(v)) * 86400000n)) });
    case 'dictionary<utf8,int32>': {
      let dictionary = dictionaries.get(typeName);
      if (!dictionary) {
        const distinct = [...new Set(spec.columns.find(c => c.type === typeName).values.filter(v => v !== null))];
        dictionary = { values: distinct, vector: A.vectorFromArray(distinct, new A.Utf8()) };
        dictionaries.set(typeName, dictionary);
      }
      const indices = Int32Array.from(values, v => (v === null ? 0 : dictionary.values.indexOf(v)));
      return A.makeData({ ...base, data: indices, dictionary: dictionary.vector });
    }
  }
  if (typeName.startsWith('timestamp')) return A.makeData({ ...base, data: BigInt64Array.from(values, v => BigInt(v ?? 0)) });
  if (typeName.startsWith('decimal128')) {
    const words = new Uint32Array(values.length * 4);
    values.forEach((v, i) => {
      let u = BigInt.asUintN(128, v === null ? 0n : parseDecimal(v, type.scale));
      for (let w = 0; w < 4; w++) { words[i * 4 + w] = Number(u & 0xffffffffn); u >>= 32n; }
    });
    return A.makeData({ ...base, data: words });
  }
  throw new Error(`unknown type ${typeName}`);
}

const fields = spec.columns.map(c => new A.Field(c.name, arrowType(c.type), c.nullable));
const schema = new A.Schema(fields);
const rows = spec.columns.length ? spec.columns[0].values.length : 0;
const batches = [];
for (let start = 0; start < rows; start += spec.batchSize) {
  const end = Math.min(rows, start + spec.batchSize);
  const children = spec.columns.map((c, j) => makeColumn(fields[j].type, c.type, c.values.slice(start, end)));
  const struct = A.makeData({ type: new A.Struct(fields), length: end - start, nullCount: 0, children });
  batches.push(new A.RecordBatch(schema, struct));
}
const table = new A.Table(schema, batches);
writeFileSync(process.argv[3], A.tableToIPC(table, 'file'));
writeFileSync(process.argv[4], A.tableToIPC(table, 'stream'));
