namespace MiniSpark.Internal;

/// <summary>Every message the engine shows users, in one place.</summary>
internal static partial class SR
{
    public const string ContextStopped =
        "This SparkContext has been stopped; create a new SparkContext to run more jobs.";

    public static string TaskFailed(int job, int stage, int partition, int attempts, Exception last) =>
        $"Job {job} aborted: the task for partition {partition} of stage {stage} failed {attempts} " +
        $"{(attempts == 1 ? "time" : "times")}. Last error: {last.GetType().Name}: {last.Message}";

    public static string JobCancelled(int job, string reason) => $"Job {job} was cancelled because {reason}.";

    public static string SchedulerError(int job, Exception error) =>
        $"Job {job} aborted by an internal scheduler error: {error.GetType().Name}: {error.Message}";

    public static string BadSetting(string key, string value, string expected) =>
        $"Setting '{key}' has the value '{value}', which is not {expected}.";

    public static string BadMaster(string master) =>
        $"Master '{master}' is not supported. Use 'local', 'local[N]', 'local[*]', 'local[N,F]' or 'local[*,F]' " +
        "with N slots and F attempts per task, both positive.";

    public static string PartitionOutOfRange(int partition, Rdd rdd, int count) =>
        $"Partition {partition} does not exist in {rdd}, which has {count} partitions.";

    public static string ShuffleMissing(int shuffle, int reduce) =>
        $"Shuffle {shuffle} has no registered outputs (reduce partition {reduce}); it was cleaned up or never ran.";

    public static string MapOutputMissing(int shuffle, int map, int reduce) =>
        $"Map output {map} of shuffle {shuffle} is missing for reduce partition {reduce}.";

    public static string EmptyCollection(string action) =>
        $"{action} needs at least one element, but the dataset is empty.";

    public static string NotPositive(string name, int value) =>
        $"'{name}' must be positive; got {value}.";

    public static string ZeroNotCopyable(string operation, Type type, string reason) =>
        $"{operation} copies its zero value for every partition (functions may mutate it, as in Spark), but a " +
        $"{type.Name} cannot be copied: {reason} Pass a function that creates the zero value instead.";
}
