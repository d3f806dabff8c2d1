namespace MiniSpark.Input;

/// <summary>Message text of the input layer, kept together so wording stays consistent.</summary>
internal static class InputMessages
{
    public static string PathDoesNotExist(string given, string full) =>
        $"Input path does not exist: '{given}'{Resolved(given, full)}.";

    public static string PatternMatchesNoFiles(string given, string full) =>
        $"Input pattern '{given}'{Resolved(given, full)} matches no files.";

    public static string DirectoryHasNoFiles(string given, string full) =>
        $"Input directory '{given}'{Resolved(given, full)} contains no files " +
        "(names starting with '_' or '.' and subdirectories are skipped).";

    public static string UnclosedBrace(string pattern) =>
        $"Input pattern '{pattern}' has an unclosed '{{' group.";

    public static string NoPathInList(string path) => $"Input path list '{path}' names no path.";

    public static string FileMissing(string path, long offset) =>
        $"Input file '{path}' does not exist (reading from byte {offset}).";

    public static string CannotOpen(string path, long offset) =>
        $"Cannot open input file '{path}' (reading from byte {offset}).";

    public static string ReadFailed(string path, long offset, bool decompressed) =>
        $"Failed to read input file '{path}' at {(decompressed ? "decompressed " : "")}byte {offset}.";

    public static string CorruptGzip(string path, long offset) =>
        $"Input file '{path}' is not valid gzip data (failed at decompressed byte {offset}).";

    public static string LineTooLong(string path, long offset) =>
        $"Input file '{path}' has a line starting at byte {offset} too long to hold in memory.";

    public static string GzipSplitNotAtStart(string path, long start) =>
        $"Gzip file '{path}' cannot be split: its split must start at byte 0, not {start}.";

    private static string Resolved(string given, string full) =>
        string.Equals(given, full, StringComparison.Ordinal) ? "" : $" (resolved to '{full}')";
}
