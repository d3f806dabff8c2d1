using System.Collections;
using System.Globalization;
using System.Text;

namespace MiniSpark.Tests.Support;

/// <summary>DuckDB's VARCHAR form of nested values: structs <c>{'a': 1, 'b': NULL}</c>, lists <c>[1, 2]</c>, maps <c>{k=v}</c>.</summary>
/// <remarks>
/// Inside a nested value DuckDB writes NULL for nulls and quotes a scalar's text (<c>'...'</c>, with <c>'</c> and
/// <c>\</c> escaped by a backslash) when it is empty, starts or ends with white space, reads "null" in any case, or
/// holds one of <c>"'(),:=[]{}</c>; struct keys are always quoted. Numbers and times are written the way DuckDB
/// casts them (shortest round-trip digits, <c>1e+20</c>, trailing fraction zeros dropped), since they cannot be
/// compared as numbers once inside the text.
/// </remarks>
internal static class DuckDbNestedText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether <paramref name="value"/> is a struct, list or map (as our reader returns them).</summary>
    public static bool IsNested(object value) => value is IDictionary or IReadOnlyDictionary<string, object?> || (value is IList && value is not byte[]);

    public static string Format(object value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("NULL");
                break;
            case IDictionary map:
                text.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    Append(text, entry.Key);
                    text.Append('=');
                    Append(text, entry.Value);
                }
                text.Append('}');
                break;
            case IReadOnlyDictionary<string, object?> structure:
                text.Append('{');
                bool firstField = true;
                foreach ((string key, object? field) in structure)
                {
                    if (!firstField) text.Append(", ");
                    firstField = false;
                    text.Append(Quote(key, always: true)).Append(": ");
                    Append(text, field);
                }
                text.Append('}');
                break;
            case IList list when value is not byte[]:
                text.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Append(text, list[i]);
                }
                text.Append(']');
                break;
            default:
                text.Append(Quote(Scalar(value), always: false));
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        double d => Number(d.ToString("R", Invariant), double.IsNaN(d), double.IsInfinity(d)),
        float f => Number(f.ToString("R", Invariant), float.IsNaN(f), float.IsInfinity(f)),
        Half h => Scalar((float)h),
        DateTime t => Timestamp(t),
        _ => DuckDbText.Format(value),
    };

    // DuckDB writes doubles as Python's repr does: shortest round-trip digits, positional from 1e-4 up to 1e16
    // (with at least one fractional digit), otherwise d.ddde+XX.
    private static string Number(string roundTrip, bool nan, bool infinite)
    {
        if (nan) return "nan";
        if (infinite) return roundTrip.StartsWith('-') ? "-inf" : "inf";
        bool negative = roundTrip.StartsWith('-');
        string body = negative ? roundTrip[1..] : roundTrip;
        int exponentAt = body.IndexOfAny(['E', 'e']);
        int exponent = exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], Invariant);
        string mantissa = exponentAt < 0 ? body : body[..exponentAt];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointAt = (dot < 0 ? mantissa.Length : dot) + exponent; // digits before the decimal point
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        pointAt -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return (negative ? "-" : "") + "0.0";
        int scientific = pointAt - 1;
        string sign = negative ? "-" : "";
        if (scientific < -4 || scientific >= 16)
        {
            string fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{fraction}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}";
        }
        if (pointAt <= 0) return $"{sign}0.{new string('0', -pointAt)}{digits}";
        if (pointAt >= digits.Length) return $"{sign}{digits}{new string('0', pointAt - digits.Length)}.0";
        return $"{sign}{digits[..pointAt]}.{digits[pointAt..]}";
    }

    private static string Timestamp(DateTime value)
    {
        string text = value.ToString("yyyy-MM-dd HH:mm:ss", Invariant);
        long fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0) text += "." + fraction.ToString("0000000", Invariant).TrimEnd('0');
        return value.Kind == DateTimeKind.Utc ? text + "+00" : text;
    }

    private static string Quote(string text, bool always)
    {
        bool needed = always || text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            || text.Equals("null", StringComparison.OrdinalIgnoreCase) || text.AsSpan().IndexOfAny("\"'(),:=[]{}") >= 0;
        if (!needed) return text;
        return "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }
}
