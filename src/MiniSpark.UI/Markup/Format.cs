using System.Globalization;

namespace MiniSpark.Ui.Markup;

/// <summary>Numbers, sizes, durations and dates the way Spark's pages show them.</summary>
internal static class Format
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary><c>0.0 B</c>, <c>1.5 KiB</c>, <c>12.3 MiB</c>.</summary>
    public static string Bytes(double bytes)
    {
        int unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < Units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return bytes.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary><c>35 ms</c>, <c>1.2 s</c>, <c>3.4 min</c>, <c>1.5 h</c>.</summary>
    public static string Duration(double milliseconds)
    {
        if (milliseconds < 1000) return ((long)milliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        double seconds = milliseconds / 1000;
        if (seconds < 60) return seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        double minutes = seconds / 60;
        if (minutes < 60) return minutes.ToString("0.0", CultureInfo.InvariantCulture) + " min";
        return (minutes / 60).ToString("0.0", CultureInfo.InvariantCulture) + " h";
    }

    /// <summary>The time from <paramref name="start"/> to <paramref name="end"/> (now when it is still running).</summary>
    public static string Duration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s ? Duration(Math.Max(0, ((end ?? DateTimeOffset.UtcNow) - s).TotalMilliseconds)) : "Unknown";

    /// <summary><c>2026/11/01 14:03:12</c> in the server's local time, as Spark shows it.</summary>
    public static string Date(DateTimeOffset? time) =>
        time is { } t ? t.ToLocalTime().ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture) : "Unknown";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share as a whole percentage.</summary>
    public static string Percent(double part, double whole) =>
        whole <= 0 ? "0%" : (part / whole).ToString("0%", CultureInfo.InvariantCulture);
}
