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

    public static string StageFailedTooOften(int stage, int attempts, string last) =>
        $"stage {stage} failed to read its shuffle input {attempts} times in a row, even after recomputing it. Last: {last}";

    public static string NonDeterministicResult(int job, string what) =>
        $"Job {job} aborted: {what}. Results of this job were already computed from the earlier data, and mixing them with " +
        "the new data would give a wrong answer. The functions before that shuffle are not deterministic (random numbers, " +
        "the clock, or the order of unordered input); make them deterministic, or Checkpoint() or Persist(DiskOnly) the data " +
        "before the shuffle so it is never recomputed.";

    public static string ArrayKeys(Type keyType) =>
        $"Keys of type {keyType.Name} are arrays, which compare by reference: equal arrays would land in different " +
        "partitions and never be merged. Pass a comparer that compares the contents (the operation's 'comparer' parameter), " +
        "or key by a type with value equality (a string, a tuple, a record).";
}
