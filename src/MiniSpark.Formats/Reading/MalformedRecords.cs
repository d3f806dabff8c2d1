using System.Text;

namespace MiniSpark.Formats.Reading;

/// <summary>What a reader does with a malformed record, and how it describes one.</summary>
internal sealed class MalformedRecords(ReadMode mode, LongAccumulator? badRecords)
{
    private const int SnippetLength = 120;

    public bool FailFast => mode == ReadMode.FailFast;

    /// <summary>Counts a skipped record (permissive mode).</summary>
    public void Skipped() => badRecords?.Add(1);

    /// <summary>The accumulator to count in: <paramref name="given"/>, or a new one registered with
    /// <paramref name="context"/> for permissive reads that did not pass one; null for fail-fast reads.</summary>
    public static LongAccumulator? Accumulator(SparkContext context, ReadMode mode, LongAccumulator? given, string path) =>
        given ?? (mode == ReadMode.Permissive ? context.LongAccumulator($"bad records: {path}") : null);

    /// <summary>The exception for a malformed record: file, line, byte offset, reason and the start of its text.</summary>
    public static MalformedRecordException Exception(string format, string path, long line, long offset, string reason,
        string? text, Exception? cause)
    {
        var message = new StringBuilder($"Malformed {format} record in '{path}'");
        message.Append(line > 0 ? $" at line {line}" : " at an unknown line");
        if (offset >= 0) message.Append($" (byte {offset})");
        message.Append(": ").Append(reason.TrimEnd('.')).Append('.');
        if (text is not null) message.Append(" Record: \"").Append(Snippet(text)).Append('"');
        return new MalformedRecordException(message.ToString(), path, line, offset, cause);
    }

    /// <summary>At most <see cref="SnippetLength"/> characters of <paramref name="text"/>, line breaks shown escaped.</summary>
    public static string Snippet(string text)
    {
        string shown = text.Length > SnippetLength ? string.Concat(text.AsSpan(0, SnippetLength), "...") : text;
        return shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
