using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Opens a Parquet file: validates the footer, exposes schema and row groups, and decodes columns on request.</summary>
/// <remarks>
/// Reading is per row group and per column (projection), and safe from several threads at once for file-backed
/// readers, so an engine can make one partition per <see cref="RowGroupInfo"/>. Only the footer is read up front.
/// </remarks>
internal sealed class ParquetFileReader : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly ParquetSource _source;
    private readonly RowGroupInfo[] _rowGroups;

    private ParquetFileReader(ParquetSource source, ParquetReadOptions options)
    {
        _source = source;
        Options = options;
        try
        {
            Metadata = ReadFooter(source);
            Schema = ParquetSchema.Build(Metadata.Schema, source.Name, Metadata.Offset);
            _rowGroups = new RowGroupInfo[Metadata.RowGroups.Count];
            for (int i = 0; i < _rowGroups.Length; i++) _rowGroups[i] = RowGroupInfo.Create(i, Metadata, Schema, source.Name, source.Length);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public static ParquetFileReader Open(string path, ParquetReadOptions? options = null) =>
        new(new FileParquetSource(path), options ?? ParquetReadOptions.Default);

    /// <summary>Reads from a seekable stream; <paramref name="name"/> names it in error messages.</summary>
    public static ParquetFileReader Open(Stream stream, string name, bool leaveOpen = false, ParquetReadOptions? options = null) =>
        new(new StreamParquetSource(stream, name, leaveOpen), options ?? ParquetReadOptions.Default);

    public string Name => _source.Name;
    public ParquetReadOptions Options { get; }
    public FileMetaData Metadata { get; }
    public ParquetSchema Schema { get; }
    public IReadOnlyList<RowGroupInfo> RowGroups => _rowGroups;

    /// <summary>Rows in the file (the sum over row groups).</summary>
    public long RowCount
    {
        get
        {
            long rows = 0;
            foreach (RowGroupInfo group in _rowGroups) rows += group.RowCount;
            return rows;
        }
    }

    /// <summary>Decodes one column of one row group.</summary>
    public ColumnData ReadColumn(int rowGroup, ColumnDescriptor column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, _rowGroups.Length);
        RowGroup group = Metadata.RowGroups[rowGroup];
        return ColumnChunkReader.Read(_source, column, group.Columns[column.Index], group.NumRows, Options);
    }

    public void Dispose() => _source.Dispose();

    private static FileMetaData ReadFooter(ParquetSource source)
    {
        string name = source.Name;
        long length = source.Length;
        if (length < 12) throw ParquetErrors.Invalid(name, 0, $"The file has {length} bytes; a Parquet file needs at least 12.");
        Span<byte> head = stackalloc byte[4];
        source.ReadExactly(0, head);
        Span<byte> tail = stackalloc byte[8];
        source.ReadExactly(length - 8, tail);
        if (tail[4..].SequenceEqual(EncryptedMagic)) throw ParquetErrors.Unsupported(name, "an encrypted footer (Parquet modular encryption)");
        if (!head.SequenceEqual(Magic)) throw ParquetErrors.Invalid(name, 0, "The file does not start with the Parquet magic 'PAR1'.");
        if (!tail[4..].SequenceEqual(Magic)) throw ParquetErrors.Invalid(name, length - 4, "The file does not end with the Parquet magic 'PAR1'.");
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        long footerStart = length - 8 - footerLength;
        if (footerLength <= 0 || footerStart < 4)
            throw ParquetErrors.Invalid(name, length - 8, $"The footer length {footerLength} does not fit the {length}-byte file.");
        var footer = new byte[footerLength];
        source.ReadExactly(footerStart, footer);
        var reader = new ThriftCompactReader(footer, name, footerStart);
        FileMetaData metadata = FileMetaData.Read(ref reader);
        if (metadata.IsEncrypted) throw ParquetErrors.Unsupported(name, "Parquet modular encryption");
        return metadata;
    }
}
