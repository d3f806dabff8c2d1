using System.Globalization;
using System.Text.RegularExpressions;

namespace MiniSpark.Internal;

/// <summary>A parsed master URL: how many executor slots, and attempts per task when the URL says.</summary>
internal sealed partial record MasterUrl(int Slots, int? MaxFailures)
{
    [GeneratedRegex(@"^local(?:\[\s*(\*|\d+)\s*(?:,\s*(\d+)\s*)?\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPattern();

    public static MasterUrl Parse(string master)
    {
        ArgumentNullException.ThrowIfNull(master);
        Match match = LocalPattern().Match(master.Trim());
        if (!match.Success) throw new ArgumentException(SR.BadMaster(master), nameof(master));
        int slots = 1;
        if (match.Groups[1].Success)
        {
            slots = match.Groups[1].Value == "*" ? Environment.ProcessorCount : ParsePositive(match.Groups[1].Value, master);
        }
        int? maxFailures = match.Groups[2].Success ? ParsePositive(match.Groups[2].Value, master) : null;
        return new MasterUrl(slots, maxFailures);
    }

    private static int ParsePositive(string text, string master) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException(SR.BadMaster(master), nameof(master));
}
