namespace MiniSpark;

/// <summary>A record of an input file cannot be read: the message names the file, the line where the record starts,
/// its byte offset, what is wrong and the start of the record's text.</summary>
/// <remarks>Thrown inside a task, it reaches the caller as the <see cref="Exception.InnerException"/> of the job's
/// <see cref="SparkJobException"/>.</remarks>
public sealed class MalformedRecordException : FormatException
{
    /// <summary>Creates an exception with a message only.</summary>
    public MalformedRecordException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MalformedRecordException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates an exception locating the record.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="filePath">The file.</param>
    /// <param name="lineNumber">The 1-based line where the record starts; 0 when unknown.</param>
    /// <param name="byteOffset">The byte offset where the record (or the problem) starts; -1 when unknown.</param>
    /// <param name="innerException">The parser's or converter's exception, if any.</param>
    public MalformedRecordException(string message, string filePath, long lineNumber, long byteOffset, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        ByteOffset = byteOffset;
    }

    /// <summary>The file holding the record; null when not given.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line where the record starts; 0 when unknown.</summary>
    public long LineNumber { get; }

    /// <summary>The byte offset in the file where the record (or the problem) starts; -1 when unknown.</summary>
    public long ByteOffset { get; } = -1;
}
