namespace MiniSpark;

/// <summary>What a reader does with a malformed record (bad syntax, a wrong field count, a value that does not
/// convert to its property's type).</summary>
public enum ReadMode
{
    /// <summary>Fail the task, and so the action, with a <see cref="MalformedRecordException"/> naming the file and
    /// line (the default).</summary>
    FailFast = 0,

    /// <summary>Skip the record and count it in the options' <c>BadRecords</c> accumulator (Spark's DROPMALFORMED).</summary>
    Permissive = 1,
}
