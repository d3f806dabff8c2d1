namespace MiniSpark.Formats.Arrow;

/// <summary>Builds the exceptions the Arrow IPC codec throws, so every message names the source and byte offset.</summary>
/// <remarks>
/// <see cref="InvalidDataException"/> is sealed, so malformed input raises it directly; the source and offset are
/// also stored in <see cref="Exception.Data"/> under <see cref="SourceKey"/> and <see cref="OffsetKey"/> for callers.
/// </remarks>
internal static class ArrowErrors
{
    public const string SourceKey = "ArrowSource";
    public const string OffsetKey = "ArrowOffset";

    /// <summary>The input is malformed at absolute byte <paramref name="offset"/>.</summary>
    public static InvalidDataException Invalid(string source, long offset, string message, Exception? inner = null)
    {
        var error = new InvalidDataException($"Invalid Arrow IPC data in '{source}' at byte offset {offset}: {message}", inner);
        error.Data[SourceKey] = source;
        error.Data[OffsetKey] = offset;
        return error;
    }

    /// <summary>The input is well formed but uses a feature this codec does not implement.</summary>
    public static NotSupportedException Unsupported(string source, long offset, string feature)
    {
        var error = new NotSupportedException(
            $"Arrow IPC data in '{source}' at byte offset {offset} uses {feature}, which MiniSpark does not support.");
        error.Data[SourceKey] = source;
        error.Data[OffsetKey] = offset;
        return error;
    }
}
