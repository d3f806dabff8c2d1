namespace MiniSpark.Output;

/// <summary>Message text of the output commit protocol, kept together so wording stays consistent.</summary>
internal static class OutputMessages
{
    public static string AlreadyExists(string given, string full) =>
        $"Output path '{given}'{Resolved(given, full)} already exists. Choose another path, delete it, or pass " +
        "SaveMode.Overwrite to replace it.";

    public static string AlreadyBeingWritten(string full) =>
        $"Output path '{full}' is being written (or cleaned up) by another save of this process; " +
        "two saves to one path cannot run at once.";

    public static string RootPath(string full) => $"Output path '{full}' is a root directory; write to a directory below it.";

    public static string JobNotRunning(string full, string state) =>
        $"The save to '{full}' is {state}: a task attempt of it can no longer write or commit.";

    public static string PartitionNotCommitted(string full, int partition) =>
        $"Cannot commit the save to '{full}': partition {partition} has no committed task output.";

    public static string CommitJobFailed(string full) =>
        $"Committing the save to '{full}' failed; the output path was left as it was before the save.";

    public static string RollbackFailed(string full, string aside) =>
        $"Committing the save to '{full}' failed halfway and could not be undone: the previous content of the " +
        $"output path, and the new output under '_temporary/0/_output', are in '{aside}'.";

    public static string CleanupFailed(string path, Exception error) =>
        $"Could not delete '{path}' while cleaning up a save: {error.GetType().Name}: {error.Message}";

    public static string AttemptsStillRunning(string full, int count) =>
        $"The save to '{full}' failed while {count} task attempt(s) were still running; its temporary files are " +
        "removed when they end.";

    public static string TemporaryLeftOver(string path) =>
        $"Deleting '{path}', left over by an earlier save that did not finish.";

    private static string Resolved(string given, string full) =>
        string.Equals(given, full, StringComparison.Ordinal) ? "" : $" (resolved to '{full}')";
}
