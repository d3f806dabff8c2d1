using System.Buffers;
using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Compression;
using MiniSpark.Formats.Parquet.Encodings;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>Encodes one column of one row group into pages: optional dictionary page, then v1 data pages.</summary>
/// <remarks>
/// A data page holds definition levels (RLE hybrid, 1 bit, length-prefixed) for nullable columns, then the
/// non-null values: PLAIN, or dictionary indices (one bit-width byte, then the RLE hybrid). Pages are cut at
/// <see cref="ParquetWriteOptions.PageSize"/> estimated bytes or <see cref="ParquetWriteOptions.PageRowLimit"/> rows.
/// Buffers are kept between chunks, so one writer per file allocates little per row group.
/// </remarks>
internal sealed class ColumnChunkWriter(ParquetWriteOptions options, CompressionCodec codec)
{
    private readonly ArrayBufferWriter<byte> _page = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _compressed = new(1 << 16);
    private readonly ThriftCompactWriter _header = new();

    /// <summary>Writes <paramref name="buffer"/> as a column chunk at <paramref name="position"/> (advanced) and returns its metadata.</summary>
    public ColumnChunk Write(ParquetField field, ColumnBuffer buffer, Stream output, ref long position)
    {
        int rows = buffer.Count;
        bool[] isNull = ArrayPool<bool>.Shared.Rent(Math.Max(rows, 1));
        int[]? levels = null;
        try
        {
            PhysicalColumn values = PhysicalColumnFactory.Create(field, buffer, isNull.AsSpan(0, rows), out long nullCount);
            if (field.IsNullable)
            {
                levels = ArrayPool<int>.Shared.Rent(Math.Max(rows, 1));
                for (int i = 0; i < rows; i++) levels[i] = isNull[i] ? 0 : 1;
            }
            DictionaryEncoding? dictionary = options.EnableDictionary && values.Count > 0
                ? values.TryDictionary(options.DictionaryPageSizeLimit)
                : null;

            long start = position;
            long uncompressedTotal = 0;
            long? dictionaryOffset = null;
            if (dictionary is not null)
            {
                dictionaryOffset = position;
                _page.ResetWrittenCount();
                dictionary.Dictionary.WritePlain(0, dictionary.Dictionary.Count, _page);
                var header = new PageHeader
                {
                    Type = PageType.DictionaryPage,
                    DictionaryPageHeader = new DictionaryPageHeader { NumValues = dictionary.Dictionary.Count, Encoding = ParquetEncoding.PlainDictionary },
                };
                uncompressedTotal += WritePage(header, output, ref position);
            }
            long dataOffset = position;
            ParquetEncoding valueEncoding = dictionary is null ? ParquetEncoding.Plain : ParquetEncoding.PlainDictionary;
            int row = 0, valueIndex = 0;
            do
            {
                int pageRows = PageRows(values, dictionary, isNull, row, valueIndex, rows, out int pageValues);
                _page.ResetWrittenCount();
                if (levels is not null) WriteLevels(levels.AsSpan(row, pageRows));
                if (dictionary is null)
                {
                    values.WritePlain(valueIndex, pageValues, _page);
                }
                else
                {
                    int bitWidth = dictionary.BitWidth;
                    _page.Write([(byte)bitWidth]);
                    RleBitPackedHybridEncoder.Encode(dictionary.Indices.AsSpan(valueIndex, pageValues), bitWidth, _page);
                }
                var header = new PageHeader
                {
                    Type = PageType.DataPage,
                    DataPageHeader = new DataPageHeader { NumValues = pageRows, Encoding = valueEncoding },
                };
                uncompressedTotal += WritePage(header, output, ref position);
                row += pageRows;
                valueIndex += pageValues;
            }
            while (row < rows);

            List<ParquetEncoding> encodings = dictionary is null ? [ParquetEncoding.Plain, ParquetEncoding.Rle] : [ParquetEncoding.PlainDictionary, ParquetEncoding.Rle];
            return new ColumnChunk
            {
                FileOffset = 0, // deprecated; 0 means "no ColumnMetaData written outside the footer"
                MetaData = new ColumnMetaData
                {
                    Type = field.PhysicalType,
                    Encodings = encodings,
                    PathInSchema = [field.Name],
                    Codec = codec,
                    NumValues = rows,
                    TotalUncompressedSize = uncompressedTotal,
                    TotalCompressedSize = position - start,
                    DataPageOffset = dataOffset,
                    DictionaryPageOffset = dictionaryOffset,
                    Statistics = values.ComputeStatistics(nullCount),
                },
            };
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(isNull);
            if (levels is not null) ArrayPool<int>.Shared.Return(levels);
        }
    }

    // Rows for the next page: stop once the estimated size or the row limit is reached (at least one row).
    private int PageRows(PhysicalColumn values, DictionaryEncoding? dictionary, bool[] isNull, int row, int valueIndex, int rows, out int pageValues)
    {
        long bytes = 0;
        int limit = Math.Min(rows - row, options.PageRowLimit);
        int taken = 0;
        pageValues = 0;
        int indexBytesTimes8 = dictionary?.BitWidth ?? 0;
        while (taken < limit && bytes < options.PageSize)
        {
            if (!isNull[row + taken])
            {
                bytes += dictionary is null ? values.PlainSize(valueIndex + pageValues) : 0;
                pageValues++;
            }
            taken++;
        }
        // Dictionary indices cost bitWidth bits each; re-check in bulk instead of per row.
        if (dictionary is not null && (long)pageValues * indexBytesTimes8 / 8 > options.PageSize)
        {
            int maxValues = (int)Math.Max(1, (long)options.PageSize * 8 / Math.Max(1, indexBytesTimes8));
            pageValues = 0;
            taken = 0;
            while (taken < limit && pageValues < maxValues)
            {
                if (!isNull[row + taken]) pageValues++;
                taken++;
            }
        }
        return taken;
    }

    private void WriteLevels(ReadOnlySpan<int> levels)
    {
        // v1 pages prefix the RLE-encoded levels with their byte length.
        int lengthAt = _page.WrittenCount;
        _page.GetSpan(4);
        _page.Advance(4);
        RleBitPackedHybridEncoder.Encode(levels, 1, _page);
        int length = _page.WrittenCount - lengthAt - 4;
        // ArrayBufferWriter exposes written bytes read-only; its backing memory is ours to patch.
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(_page.WrittenMemory).Span[lengthAt..], length);
    }

    // Compresses the page in _page, writes header and body; returns the uncompressed size including the header.
    private long WritePage(PageHeader header, Stream output, ref long position)
    {
        _compressed.ResetWrittenCount();
        PageCompression.Compress(codec, _page.WrittenSpan, _compressed, options.ZstdLevel);
        header.UncompressedPageSize = _page.WrittenCount;
        header.CompressedPageSize = _compressed.WrittenCount;
        if (options.WritePageChecksums) header.Crc = unchecked((int)System.IO.Hashing.Crc32.HashToUInt32(_compressed.WrittenSpan));
        _header.Clear();
        header.Write(_header);
        output.Write(_header.WrittenSpan);
        output.Write(_compressed.WrittenSpan);
        position += _header.WrittenSpan.Length + _compressed.WrittenCount;
        return _header.WrittenSpan.Length + (long)_page.WrittenCount;
    }
}
