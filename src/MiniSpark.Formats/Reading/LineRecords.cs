using System.IO.Compression;
using MiniSpark.Input;

namespace MiniSpark.Formats.Reading;

/// <summary>The lines a byte-range split owns, with the offset where each starts: <see cref="LineReader"/>'s
/// ownership rule (a line belongs to the split holding its first byte), for formats that report errors by place.</summary>
internal static class LineRecords
{
    private const int CancellationCheckInterval = 1024;

    /// <summary>The lines of <paramref name="split"/> as (offset of the line's first byte, text without its line
    /// break); offsets of gzip files count decompressed bytes.</summary>
    public static IEnumerable<(long Offset, string Line)> Read(FileSplit split, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (FileSplits.IsGzip(split.Path) && split.Start != 0)
            throw new ArgumentException($"Gzip file '{split.Path}' cannot be split: its split must start at byte 0, not {split.Start}.", nameof(split));
        return ReadCore(split, cancellationToken);
    }

    private static IEnumerable<(long, string)> ReadCore(FileSplit split, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool gzip = FileSplits.IsGzip(split.Path);
        // Start one byte early: that byte tells whether a line begins exactly at Start.
        long from = split.Start > 0 ? split.Start - 1 : 0;
        Stream stream = LineReader.Open(split.Path, from);
        if (gzip) stream = CheckedGzipStream.Decompress(stream, split.Path);
        using var lines = new LineBuffer(stream, split.Path, from, decompressed: gzip);
        if (split.Start > 0) lines.SkipLine();
        int count = 0;
        while (gzip || lines.Position < split.End)
        {
            long offset = lines.Position;
            if (lines.ReadLine() is not { } line) break;
            if (++count % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return (offset, line);
        }
    }
}
