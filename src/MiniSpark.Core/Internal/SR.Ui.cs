namespace MiniSpark.Internal;

// Messages of the console progress bar, the event log and the web UI hooks.
internal static partial class SR
{
    public const string UiPackageMissing =
        "Setting 'spark.ui.enabled' is true, but the web UI is not available: add a reference to the 'MiniSpark.UI' " +
        "package (assembly MiniSpark.UI) to the application, or set 'spark.ui.enabled' to false.";

    public static string EventLogExists(string path) =>
        $"The event log '{path}' already exists; another application with the same id wrote it. " +
        "Move it away or choose another 'spark.eventLog.dir'.";

    public static string EventLogBadLine(string path, int line, string reason) =>
        $"The event log '{path}' has a malformed event on line {line}: {reason}";
}
