namespace MiniSpark.Ui;

/// <summary>An exception as an event log recorded it: the original's type name and message, read back.</summary>
internal sealed class LoggedException(string className, string message) : Exception(message)
{
    /// <summary>The full name of the original exception's type.</summary>
    public string ClassName { get; } = className;

    public override string ToString() => $"{ClassName}: {Message}";
}
