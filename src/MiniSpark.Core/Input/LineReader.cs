using System.IO.Compression;

namespace MiniSpark.Input;

/// <summary>Reads the lines a <see cref="FileSplit"/> owns, as Hadoop's <c>LineRecordReader</c> does.</summary>
/// <remarks>
/// <para>A split owns exactly the lines whose first byte lies in <c>[Start, End)</c>. A reader not at offset 0
/// looks at the byte before its start: after a <c>\n</c> it starts there, otherwise the line in progress belongs to
/// the previous split and it skips past the next <c>\n</c>. It then reads every line starting before
/// <c>End</c>, reading past <c>End</c> to finish the last one. The splits of a file thus read each line once,
/// whatever the split size.</para>
/// <para>Lines end at <c>\n</c> or <c>\r\n</c> and are decoded as UTF-8 (invalid bytes become U+FFFD); a BOM is
/// skipped at offset 0 only. Gzip files (<c>.gz</c>) are decompressed and read whole.</para>
/// </remarks>
internal static class LineReader
{
    // Cancellation is checked this often: cheap enough for the inner loop, prompt enough for a user.
    private const int CancellationCheckInterval = 1024;

    /// <summary>The lines <paramref name="split"/> owns, read lazily; the file opens on the first MoveNext.</summary>
    /// <exception cref="ArgumentException">A gzip split does not start at 0, or the range is negative.</exception>
    /// <exception cref="FileNotFoundException">While enumerating: the file no longer exists.</exception>
    /// <exception cref="IOException">While enumerating: the file cannot be read; the message names path and offset.</exception>
    /// <exception cref="InvalidDataException">While enumerating: a gzip file is corrupt.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> fired.</exception>
    public static IEnumerable<string> ReadLines(FileSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegative(split.Start, nameof(split));
        ArgumentOutOfRangeException.ThrowIfNegative(split.Length, nameof(split));
        if (!FileSplits.IsGzip(split.Path)) return ReadPlain(split, cancellationToken);
        if (split.Start != 0) throw new ArgumentException(InputMessages.GzipSplitNotAtStart(split.Path, split.Start), nameof(split));
        return ReadGzip(split.Path, cancellationToken);
    }

    private static IEnumerable<string> ReadPlain(FileSplit split, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Start one byte early: that byte tells whether a line begins exactly at Start.
        long from = split.Start > 0 ? split.Start - 1 : 0;
        using var lines = new LineBuffer(Open(split.Path, from), split.Path, from, decompressed: false);
        if (split.Start > 0) lines.SkipLine();
        int count = 0;
        while (lines.Position < split.End && lines.ReadLine() is { } line)
        {
            if (++count % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return line;
        }
    }

    private static IEnumerable<string> ReadGzip(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lines = new LineBuffer(CheckedGzipStream.Decompress(Open(path, 0), path), path, 0, decompressed: true);
        int count = 0;
        while (lines.ReadLine() is { } line)
        {
            if (++count % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return line;
        }
    }

    /// <summary>Opens <paramref name="path"/> for a sequential read from <paramref name="offset"/>.</summary>
    /// <remarks>Unbuffered: callers read through their own pooled buffer. Others may write or delete the file meanwhile.</remarks>
    internal static FileStream Open(string path, long offset)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0, FileOptions.SequentialScan);
            if (offset > 0) stream.Seek(offset, SeekOrigin.Begin);
            return stream;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException(InputMessages.FileMissing(path, offset), path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            throw new IOException(InputMessages.CannotOpen(path, offset), e);
        }
    }
}
