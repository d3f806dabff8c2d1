using System.Text.RegularExpressions;

namespace MiniSpark.Ui;

/// <summary>Hides the values of settings whose names look secret (<c>spark.redaction.regex</c>), as Spark does,
/// before they reach a page, the REST API or an event log.</summary>
internal static class Redaction
{
    public const string DefaultPattern = "(?i)secret|password|token|access[.]?key";
    public const string RedactedValue = "*********(redacted)";

    public static IReadOnlyList<KeyValuePair<string, string>> Redact(IEnumerable<KeyValuePair<string, string>> settings, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return [.. settings.Select(s => regex.IsMatch(s.Key) ? new KeyValuePair<string, string>(s.Key, RedactedValue) : s)];
    }
}
