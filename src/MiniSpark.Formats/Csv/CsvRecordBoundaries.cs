using System.Buffers;
using MiniSpark.Input;

namespace MiniSpark.Formats.Csv;

/// <summary>Finds where CSV records start, by scanning a file once with CsvHelper's quoting rules, so a file can be
/// cut into byte ranges that never split a record, even one whose quoted fields hold line breaks.</summary>
/// <remarks>
/// <para>The rules (RFC 4180 as CsvHelper reads it): a quote opens a quoted field only as the first byte of a field
/// (after the separator, a line break, or at the start of the file); inside one, <c>""</c> is a quote and a lone
/// quote closes it; any other quote is text. A <c>\n</c> outside quotes ends a record, so the byte after it starts
/// one. Only quotes and line feeds are examined, with vectorized searches.</para>
/// <para>The scan decides how files are cut, not what records are: each range is then parsed on its own from a record
/// start. Where the file breaks the rules (a quote that never closes), the ranges still cover every byte exactly
/// once; the bad record is reported by the parser of its range.</para>
/// </remarks>
internal static class CsvRecordBoundaries
{
    private const byte Quote = (byte)'"';
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';
    private const int BufferSize = 1 << 20;

    /// <summary>For each target offset (ascending), the first record start at or after it; targets past the last
    /// record start get none, so the result may be shorter. Files in UTF-16 or UTF-32 (by their byte order mark)
    /// get none: they are read whole.</summary>
    public static List<long> Find(string path, IReadOnlyList<long> targets, byte delimiter, CancellationToken cancellationToken = default,
        int bufferSize = BufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 4);
        var starts = new List<long>(targets.Count);
        if (targets.Count == 0) return starts;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            using FileStream file = LineReader.Open(path, 0);
            long bufferOffset = 0;
            long dataStart = 0;           // after a UTF-8 byte order mark: the first field starts there
            byte previous = LineFeed;     // the byte before the buffer: the start of the file is a field start
            bool inQuotes = false;
            bool quoteAtEnd = false;      // in quotes, the buffer ended on a quote: the next byte decides
            bool first = true;
            int target = 0;
            int read;
            while (target < targets.Count && (read = ReadFull(file, buffer.AsSpan(0, bufferSize))) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
                int i = 0;
                if (first)
                {
                    first = false;
                    if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
                        || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
                        return starts; // UTF-16 or UTF-32: not byte-splittable
                    if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = (int)(dataStart = 3);
                }
                if (quoteAtEnd)
                {
                    quoteAtEnd = false;
                    if (bytes[0] == Quote) i = 1;  // an escaped quote: still quoted
                    else inQuotes = false;         // the quote closed the field
                }
                while (i < bytes.Length)
                {
                    if (inQuotes)
                    {
                        int q = bytes[i..].IndexOf(Quote);
                        if (q < 0)
                        {
                            i = bytes.Length;
                            break;
                        }
                        q += i;
                        if (q + 1 == bytes.Length)
                        {
                            quoteAtEnd = true;
                            i = bytes.Length;
                        }
                        else if (bytes[q + 1] == Quote)
                        {
                            i = q + 2;
                        }
                        else
                        {
                            inQuotes = false;
                            i = q + 1;
                        }
                        continue;
                    }
                    int p = bytes[i..].IndexOfAny(Quote, LineFeed);
                    if (p < 0) break;
                    p += i;
                    if (bytes[p] == LineFeed)
                    {
                        long start = bufferOffset + p + 1;
                        while (target < targets.Count && targets[target] <= start)
                        {
                            if (starts.Count == 0 || starts[^1] != start) starts.Add(start);
                            target++;
                        }
                        if (target == targets.Count) break;
                    }
                    else
                    {
                        byte before = bufferOffset + p == dataStart ? LineFeed : p > 0 ? bytes[p - 1] : previous;
                        if (before == delimiter || before == LineFeed || before == CarriageReturn) inQuotes = true;
                    }
                    i = p + 1;
                }
                previous = bytes[^1];
                bufferOffset += read;
            }
            return starts;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadFull(Stream stream, Span<byte> buffer)
    {
        int total = 0, read;
        while (total < buffer.Length && (read = stream.Read(buffer[total..])) > 0) total += read;
        return total;
    }
}
