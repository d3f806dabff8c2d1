namespace MiniSpark.Formats.Parquet;

/// <summary>Builds the exceptions the Parquet codec throws, so every message names the file (and offset).</summary>
/// <remarks>
/// <see cref="InvalidDataException"/> is sealed, so malformed files raise it directly; the file and offset are
/// also stored in <see cref="Exception.Data"/> under <see cref="FileKey"/> and <see cref="OffsetKey"/> for callers.
/// </remarks>
internal static class ParquetErrors
{
    public const string FileKey = "ParquetFile";
    public const string OffsetKey = "ParquetOffset";

    /// <summary>The file is malformed at <paramref name="offset"/> (null when unknown).</summary>
    public static InvalidDataException Invalid(string file, long? offset, string message, Exception? inner = null)
    {
        string text = offset is long at
            ? $"Invalid Parquet file '{file}' at byte offset {at}: {message}"
            : $"Invalid Parquet file '{file}': {message}";
        var error = new InvalidDataException(text, inner);
        error.Data[FileKey] = file;
        if (offset is long position) error.Data[OffsetKey] = position;
        return error;
    }

    /// <summary>The file is valid but uses a feature this codec does not implement.</summary>
    public static NotSupportedException Unsupported(string file, string feature)
    {
        var error = new NotSupportedException($"Parquet file '{file}' uses {feature}, which MiniSpark does not support.");
        error.Data[FileKey] = file;
        return error;
    }
}
