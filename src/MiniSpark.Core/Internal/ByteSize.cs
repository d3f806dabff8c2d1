using System.Globalization;

namespace MiniSpark.Internal;

/// <summary>Parses Spark-style byte sizes: <c>1024</c>, <c>64k</c>, <c>64kb</c>, <c>512m</c>, <c>2g</c>, <c>1t</c> (binary multiples).</summary>
internal static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        int digits = 0;
        while (digits < s.Length && (char.IsAsciiDigit(s[digits]) || s[digits] == '.')) digits++;
        if (digits == 0) return false;
        if (!double.TryParse(s[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
            return false;
        long multiplier = s[digits..].Trim().ToString().ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1L << 10,
            "m" or "mb" or "mib" => 1L << 20,
            "g" or "gb" or "gib" => 1L << 30,
            "t" or "tb" or "tib" => 1L << 40,
            _ => 0,
        };
        if (multiplier == 0) return false;
        double value = number * multiplier;
        if (value >= long.MaxValue || value != Math.Floor(value)) return false;
        bytes = (long)value;
        return true;
    }
}
