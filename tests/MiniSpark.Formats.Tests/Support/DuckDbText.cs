using System.Globalization;
using System.Text;

namespace MiniSpark.Tests.Support;

/// <summary>Compares a value we read with DuckDB's VARCHAR rendering of the same Parquet value.</summary>
internal static class DuckDbText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Null when they match, else a description of the difference.</summary>
    public static string? Mismatch(object? ours, string? expected)
    {
        if (ours is null || expected is null)
            return ours is null && expected is null ? null : $"expected {expected ?? "null"}, read {Format(ours)}";
        bool same = ours switch
        {
            float f => SameFloat(f, expected),
            double d => SameDouble(d, expected),
            Half h => SameFloat((float)h, expected),
            decimal m => decimal.TryParse(expected, NumberStyles.Float, Invariant, out decimal e) && e == m,
            DateTime t => SameTimestamp(t, expected),
            _ => Format(ours) == expected,
        };
        return same ? null : $"expected {expected}, read {Format(ours)}";
    }

    /// <summary>DuckDB's VARCHAR form of a value; nested values (structs, lists, maps) as <see cref="DuckDbNestedText"/> writes them.</summary>
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        _ when DuckDbNestedText.IsNested(value) => DuckDbNestedText.Format(value),
        bool b => b ? "true" : "false",
        string s => s,
        byte[] bytes => Blob(bytes),
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        Guid g => g.ToString("D"),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", Invariant) + (t.Ticks % TimeSpan.TicksPerSecond == 0 ? "" : t.ToString(@"\.FFFFFFF", Invariant)),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    // DuckDB prints printable ASCII as itself and every other byte as \xHH.
    private static string Blob(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes)
        {
            if (b is >= 32 and <= 126 && b != '\\') text.Append((char)b);
            else text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
        }
        return text.ToString();
    }

    private static bool SameFloat(float value, string expected) =>
        float.IsNaN(value) ? expected is "nan" or "-nan" : float.TryParse(Normalize(expected), NumberStyles.Float, Invariant, out float e) && e == value;

    private static bool SameDouble(double value, string expected) =>
        double.IsNaN(value) ? expected is "nan" or "-nan" : double.TryParse(Normalize(expected), NumberStyles.Float, Invariant, out double e) && e == value;

    private static string Normalize(string number) => number switch
    {
        "inf" => "Infinity",
        "-inf" => "-Infinity",
        _ => number,
    };

    // "2009-03-01 00:01:00", "...56.123456", "...+00" (TIMESTAMPTZ), nanoseconds compared at .NET's 100 ns.
    private static bool SameTimestamp(DateTime value, string expected)
    {
        string text = expected.EndsWith("+00", StringComparison.Ordinal) ? expected[..^3] : expected;
        string fraction = "";
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            fraction = text[(dot + 1)..];
            text = text[..dot];
        }
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", Invariant, DateTimeStyles.None, out DateTime whole)) return false;
        long ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], Invariant);
        return whole.Ticks + ticks == value.Ticks;
    }
}
