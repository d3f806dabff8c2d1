using System.IO.Compression;
using System.Text.RegularExpressions;
using CsvHelper;
using MiniSpark.Formats.Mapping;
using MiniSpark.Formats.Reading;
using MiniSpark.Input;

namespace MiniSpark.Formats.Csv;

/// <summary>Reads the records of one exact CSV split with CsvHelper's tokenizer, mapping fields to
/// <typeparamref name="T"/> through <see cref="RecordShape{T}"/>.</summary>
/// <remarks>
/// <para>Columns are matched to properties by header name, exactly first, then ignoring case and surrounding
/// spaces; extra columns are ignored; every settable property needs a column. A split other than a file's first
/// reads the header from the start of the file.</para>
/// <para>Malformed records: bad quoting (a stray quote, text after a closing quote, a quote never closed), a field
/// count different from the header's, or a value that does not convert. Empty lines are skipped.</para>
/// </remarks>
internal sealed partial class CsvRecordReader<T>(CsvReadOptions options, MalformedRecords malformed) : IFileRecordReader<T>
{
    private const int CancellationCheckInterval = 1024;

    private readonly char _delimiter = options.Delimiter;
    private readonly bool _hasHeader = options.HasHeader;

    public IEnumerable<T> Read(FileSplit split, TaskContext context)
    {
        RecordShape<T> shape = RecordShape<T>.Instance;
        long skipped = 0;
        CsvReaderOptions settings = CsvReaderOptions.Default with
        {
            Separator = _delimiter,
            HasHeader = _hasHeader && split.Start == 0,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow, // checked against the header below, split by split
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = malformed.FailFast ? CsvMalformedDataHandling.Throw : CsvMalformedDataHandling.Skip,
            OnMalformedRecord = malformed.FailFast ? null : record =>
            {
                if (record.Skipped) skipped++;
            },
        };
        string[]? header = _hasHeader && split.Start > 0 ? ReadHeader(split.Path) : null;

        // Gzip files are one split, decompressed; their offsets and lines count decompressed bytes.
        Stream input = FileSplits.IsGzip(split.Path)
            ? CheckedGzipStream.Decompress(LineReader.Open(split.Path, 0), split.Path)
            : new RangeStream(split.Path, split.Start, split.Length);
        using var reader = CsvReader.Create(input, settings);
        if (_hasHeader && split.Start == 0)
        {
            ReadHeader(reader, split); // an empty file has no header and no records
            header = [.. reader.Headers];
            if (header.Length == 0) yield break;
        }
        int[] fields = Bind(shape, header, split.Path);
        int expectedFields = header?.Length ?? shape.Members.Count;
        var source = new CsvFieldSource(reader, fields);
        Func<CsvFieldSource, T> materialize = shape.CompileReader<CsvFieldSource>();

        long count = 0;
        while (ReadRecord(reader, split))
        {
            if (++count % CancellationCheckInterval == 0) context.CancellationToken.ThrowIfCancellationRequested();
            FlushSkipped(ref skipped);
            string? error = null;
            Exception? cause = null;
            T record = default!;
            if (reader.FieldCount != expectedFields)
            {
                error = $"it has {reader.FieldCount} fields, but the {(header is null ? "record type has" : "header has")} {expectedFields}";
            }
            else
            {
                try
                {
                    record = materialize(source);
                }
                catch (CsvFieldException e)
                {
                    Mapping.RecordMember member = shape.Members[e.Member];
                    error = $"column '{(header is null ? $"#{fields[e.Member] + 1}" : header[fields[e.Member]])}' cannot be read as " +
                        $"{member.Type.Name} for property {member.Name}: {e.InnerException!.Message}";
                    cause = e.InnerException;
                }
            }
            if (error is null)
            {
                yield return record;
                continue;
            }
            if (!malformed.FailFast)
            {
                malformed.Skipped();
                continue;
            }
            throw Malformed(split, reader.LineNumber, reader.ByteOffset, error, reader.Current.ToString(), cause);
        }
        FlushSkipped(ref skipped);
    }

    private void FlushSkipped(ref long skipped)
    {
        for (; skipped > 0; skipped--) malformed.Skipped();
    }

    // Read with CsvHelper's malformed-quoting errors turned into ours (fail-fast mode throws them).
    private static bool ReadRecord(CsvReader reader, FileSplit split)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(split, e.LineNumber, e.ByteOffset, Reason(e), null, e);
        }
    }

    // CsvHelper's message places the problem within the split ("record 3 (line 3)"); ours places it in the file.
    private static string Reason(CsvFormatException e)
    {
        Match match = CsvHelperMessage().Match(e.Message);
        return match.Success ? match.Groups["reason"].Value : e.Message;
    }

    [GeneratedRegex(@"^Malformed CSV in record \d+(?: \(line \d+\))?: (?<reason>.*?)(?: \(byte offset \d+\))?\.?$", RegexOptions.Singleline)]
    private static partial Regex CsvHelperMessage();

    private static void ReadHeader(CsvReader reader, FileSplit split)
    {
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(split, e.LineNumber, e.ByteOffset, Reason(e), null, e);
        }
    }

    private static MalformedRecordException Malformed(FileSplit split, long relativeLine, long relativeOffset, string reason,
        string? text, Exception? cause)
    {
        // Positions are relative to the split; lines before it are counted only now, on the error path.
        long linesBefore = split.Start == 0 ? 0 : LineNumbers.CountBreaks(split.Path, split.Start, carriageReturnsBreakLines: true);
        long line = linesBefore < 0 || relativeLine <= 0 ? 0 : linesBefore + relativeLine;
        return MalformedRecords.Exception("CSV", split.Path, line, split.Start + relativeOffset, reason, text, cause);
    }

    private string[] ReadHeader(string path)
    {
        CsvReaderOptions settings = CsvReaderOptions.Default with { Separator = _delimiter, HasHeader = true };
        using var reader = CsvReader.Create(LineReader.Open(path, 0), settings);
        return [.. reader.Headers];
    }

    // The field index of each member: by header name, or by position without a header; -1 for members read-only.
    private static int[] Bind(RecordShape<T> shape, string[]? header, string path)
    {
        var fields = new int[shape.Members.Count];
        List<string>? missing = null;
        foreach (Mapping.RecordMember member in shape.Members)
        {
            int field = header is null ? member.Ordinal : FindColumn(header, member.Name);
            fields[member.Ordinal] = member.IsSettable ? field : -1;
            if (field < 0 && member.IsSettable) (missing ??= []).Add(member.Name);
        }
        if (missing is not null)
        {
            throw new InvalidDataException(
                $"CSV file '{path}' has no column for {string.Join(", ", missing.Select(m => $"'{m}'"))} of " +
                $"{RecordShape<T>.Describe(typeof(T))}; its header is: {string.Join(", ", header!)}.");
        }
        return fields;
    }

    private static int FindColumn(string[] header, string name)
    {
        int exact = Array.IndexOf(header, name);
        if (exact >= 0) return exact;
        return Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The current record's fields, by member, for <see cref="RecordShape{T}.CompileReader{TSource}"/>.</summary>
internal sealed class CsvFieldSource(CsvReader reader, int[] fieldOfMember) : IRecordSource
{
    public bool Has(int member) => fieldOfMember[member] >= 0;

    public TValue Read<TValue>(int member)
    {
        try
        {
            return CsvValue<TValue>.Parse!(reader, fieldOfMember[member]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new CsvFieldException(member, e);
        }
    }
}

/// <summary>A field that does not convert to its member's type; carries which member.</summary>
internal sealed class CsvFieldException(int member, Exception inner) : Exception(inner.Message, inner)
{
    public int Member { get; } = member;
}
