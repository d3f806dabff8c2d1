// Canonical rendering shared by the interop scripts. The C# tests render the same way:
// ints up to 32 bits as JSON numbers; 64-bit ints and timestamps (raw count in the column's unit) as decimal strings;
// floats as JSON numbers ("NaN", "Infinity", "-Infinity" as strings); dates as "YYYY-MM-DD"; decimals as strings with
// exactly `scale` fraction digits; binaries as base64; nulls as null.
import * as A from 'apache-arrow';

const UNITS = ['s', 'ms', 'us', 'ns'];

export function typeName(t) {
  switch (t.typeId) {
    case A.Type.Int: return `${t.isSigned ? 'int' : 'uint'}${t.bitWidth}`;
    case A.Type.Float: return ['float16', 'float32', 'float64'][t.precision];
    case A.Type.Bool: return 'bool';
    case A.Type.Utf8: return 'utf8';
    case A.Type.LargeUtf8: return 'largeutf8';
    case A.Type.Binary: return 'binary';
    case A.Type.LargeBinary: return 'largebinary';
    case A.Type.Date: return t.unit === A.DateUnit.DAY ? 'date32' : 'date64';
    case A.Type.Timestamp: return `timestamp[${UNITS[t.unit]}${t.timezone ? ',' + t.timezone : ''}]`;
    case A.Type.Decimal: return `decimal${t.bitWidth}(${t.precision},${t.scale})`;
    case A.Type.Dictionary: return `dictionary<${typeName(t.dictionary)},${typeName(t.indices)}>`;
    default: return `unsupported:${t}`;
  }
}

export function daysToIso(days) {
  return new Date(Number(days) * 86400000).toISOString().slice(0, 10);
}

export function isoToDays(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
}

export function formatDecimal(unscaled, scale) {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return (negative ? '-' : '') + digits;
}

export function parseDecimal(text, scale) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const unscaled = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -unscaled : unscaled;
}

function renderFloat(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return x;
}

/** The canonical value of row `i` (0-based within its batch) of `vector`. */
export function render(vector, i) {
  if (!vector.isValid(i)) return null;
  const t = vector.type;
  const data = vector.data[0];
  const at = data.offset + i;
  switch (t.typeId) {
    case A.Type.Int: return t.bitWidth === 64 ? String(vector.get(i)) : vector.get(i);
    case A.Type.Float:
      return renderFloat(t.precision === 0 ? A.util.uint16ToFloat64(data.values[at]) : data.values[at]);
    case A.Type.Bool: return vector.get(i);
    case A.Type.Utf8: case A.Type.LargeUtf8: return vector.get(i);
    case A.Type.Binary: case A.Type.LargeBinary: return Buffer.from(vector.get(i)).toString('base64');
    case A.Type.Date:
      return daysToIso(t.unit === A.DateUnit.DAY ? data.values[at] : Math.floor(Number(data.values[at]) / 86400000));
    case A.Type.Timestamp: return String(data.values[at]);
    case A.Type.Decimal: {
      const words = t.bitWidth / 32;
      let unscaled = 0n;
      for (let w = words - 1; w >= 0; w--) unscaled = (unscaled << 32n) | BigInt(data.values[at * words + w]);
      unscaled = BigInt.asIntN(t.bitWidth, unscaled);
      return formatDecimal(unscaled, t.scale);
    }
    case A.Type.Dictionary: {
      const value = vector.get(i);
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    }
    default: throw new Error(`cannot render ${t}`);
  }
}
