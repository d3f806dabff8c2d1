using System.Buffers;
using MiniSpark.Formats.Parquet.Compression;
using MiniSpark.Formats.Parquet.Metadata;
using MiniSpark.Formats.Parquet.Schema;
using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Reads and decodes one column chunk: its pages' headers, checksums, compression, levels and values.</summary>
/// <remarks>
/// The chunk's bytes are read in one go (a pooled buffer), then pages are walked until the chunk's value count
/// is reached. Every size taken from a header is checked against the bytes that hold it before use, and the
/// value counts of pages, chunk and row group must agree, so a corrupt file fails with its name and an offset.
/// </remarks>
internal static class ColumnChunkReader
{
    public static ColumnData Read(ParquetSource source, ColumnDescriptor column, ColumnChunk chunk, long rowCount, ParquetReadOptions options)
    {
        string file = source.Name;
        if (column.Unsupported is string reason) throw ParquetErrors.Unsupported(file, $"{reason} in column '{column.DottedPath}'");
        if (chunk.IsEncrypted) throw ParquetErrors.Unsupported(file, $"column encryption (column '{column.DottedPath}')");
        if (chunk.FilePath is not null) throw ParquetErrors.Unsupported(file, $"column data in another file ('{chunk.FilePath}', column '{column.DottedPath}')");
        ColumnMetaData meta = chunk.MetaData ?? throw ParquetErrors.Invalid(file, chunk.MetadataOffset, $"column '{column.DottedPath}' has no column metadata.");
        if (meta.Type != column.PhysicalType)
            throw ParquetErrors.Invalid(file, chunk.MetadataOffset, $"column '{column.DottedPath}' is {column.PhysicalType} in the schema but {meta.Type} in its chunk metadata.");
        if (!PageCompression.IsSupported(meta.Codec))
        {
            string codec = Enum.IsDefined(meta.Codec) ? meta.Codec.ToString().ToUpperInvariant() : $"unknown codec {(int)meta.Codec}";
            throw ParquetErrors.Unsupported(file, $"the {codec} compression codec (column '{column.DottedPath}')");
        }
        if (meta.NumValues == 0 && rowCount == 0)
        {
            // Empty chunks of empty row groups: some writers leave their offsets at 0, so there is nothing to read.
            using ValuesDecoder empty = ValuesDecoder.Create(column, 0);
            return empty.Build(column, 0, column.MaxDefinitionLevel > 0 ? [] : null, column.MaxRepetitionLevel > 0 ? [] : null, chunk.MetadataOffset);
        }
        long start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is long dictionaryOffset && dictionaryOffset > 0 && dictionaryOffset < start) start = dictionaryOffset;
        long length = meta.TotalCompressedSize;
        if (start < 4 || length < 0 || start > source.Length || length > source.Length - start)
            throw ParquetErrors.Invalid(file, start, $"column '{column.DottedPath}' claims bytes [{start}, {start}+{length}) outside the {source.Length}-byte file.");
        if (length > Array.MaxLength) throw ParquetErrors.Unsupported(file, $"a column chunk over 2 GiB (column '{column.DottedPath}')");
        bool flat = column.MaxRepetitionLevel == 0;
        if (meta.NumValues > options.MaxValuesPerColumnChunk && meta.NumValues <= Array.MaxLength)
        {
            throw ParquetErrors.Invalid(file, chunk.MetadataOffset,
                $"column '{column.DottedPath}' declares {meta.NumValues} values, above the reader's limit of {options.MaxValuesPerColumnChunk} (ParquetReadOptions.MaxValuesPerColumnChunk).");
        }
        if (meta.NumValues < 0 || meta.NumValues > Array.MaxLength || (flat && meta.NumValues != rowCount))
            throw ParquetErrors.Invalid(file, start, $"column '{column.DottedPath}' declares {meta.NumValues} values for a row group of {rowCount} rows.");

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length, 1));
        try
        {
            source.ReadExactly(start, buffer.AsSpan(0, (int)length));
            using var reader = new ChunkPages(source.Name, column, meta, buffer, (int)length, start, options);
            return reader.ReadAll();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The page walk over one chunk's bytes.</summary>
    private sealed class ChunkPages(string file, ColumnDescriptor column, ColumnMetaData meta, byte[] buffer, int length, long start, ParquetReadOptions options)
        : IDisposable
    {
        private readonly int _numValues = (int)meta.NumValues;
        private readonly ValuesDecoder _values = ValuesDecoder.Create(column, CapacityHint(meta.NumValues, length));
        private readonly GrowableArray<int>? _definitions = column.MaxDefinitionLevel > 0 ? new(CapacityHint(meta.NumValues, length)) : null;
        private readonly GrowableArray<int>? _repetitions = column.MaxRepetitionLevel > 0 ? new(CapacityHint(meta.NumValues, length)) : null;
        private readonly DecodeContext _context = new(file, column.DottedPath, start);
        private int _valuesRead;
        private bool _sawDictionary;
        private bool _sawData;

        // Buffers start at the declared value count when the chunk's bytes could plausibly hold it (8 values a byte covers
        // PLAIN and dictionary pages before compression), so they are rented once; a crafted count that the bytes cannot
        // back starts small and grows only as pages really decode.
        private static int CapacityHint(long numValues, int chunkBytes) => (int)Math.Min(numValues, (1 << 16) + 8L * chunkBytes);

        public void Dispose()
        {
            _values.Dispose();
            _definitions?.Dispose();
            _repetitions?.Dispose();
        }

        public ColumnData ReadAll()
        {
            int position = 0;
            while (_valuesRead < _numValues)
            {
                if (position >= length)
                    throw _context.Error(start + position, $"the column chunk ends after {_valuesRead} of its {_numValues} values.");
                var headerReader = new ThriftCompactReader(buffer.AsSpan(position, length - position), file, start + position);
                PageHeader header = PageHeader.Read(ref headerReader);
                position += headerReader.Position;
                long bodyOffset = start + position;
                if (header.CompressedPageSize > length - position)
                    throw _context.Error(bodyOffset, $"a page of {header.CompressedPageSize} bytes runs past the column chunk ({length - position} bytes left).");
                var body = new ReadOnlyMemory<byte>(buffer, position, header.CompressedPageSize);
                position += header.CompressedPageSize;
                if (options.VerifyChecksums && header.Crc is int crc && System.IO.Hashing.Crc32.HashToUInt32(body.Span) != unchecked((uint)crc))
                    throw _context.Error(bodyOffset, "the page's CRC-32 checksum does not match its contents.");
                DecodeContext context = _context.At(bodyOffset);
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ReadDictionaryPage(header, body, context);
                        break;
                    case PageType.DataPage:
                        ReadDataPageV1(header, body, context);
                        break;
                    case PageType.DataPageV2:
                        ReadDataPageV2(header, body, context);
                        break;
                    default:
                        break; // index pages (never written in practice) carry nothing to decode
                }
            }
            int slots = _valuesRead;
            // A flat optional column without a null in this chunk reads like a required one: no levels to keep, spread
            // or test per row (writers such as DuckDB and Spark mark every column optional). Null levels mean "all defined".
            if (_repetitions is null && _values.Count == slots) _definitions?.Dispose();
            return _values.Build(column, slots, _definitions?.Count > 0 ? _definitions.Detach() : null, _repetitions?.Detach(), start);
        }

        private void ReadDictionaryPage(PageHeader header, ReadOnlyMemory<byte> body, DecodeContext context)
        {
            if (_sawDictionary || _sawData) throw context.Error("a dictionary page follows other pages.");
            _sawDictionary = true;
            DictionaryPageHeader dictionary = header.DictionaryPageHeader ?? throw context.Error("a dictionary page lacks its dictionary header.");
            if (dictionary.NumValues < 0) throw context.Error($"a dictionary page declares {dictionary.NumValues} values.");
            if (dictionary.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
                throw context.Error($"a dictionary page uses encoding {dictionary.Encoding}; only PLAIN is defined.");
            WithDecompressed(body, header.UncompressedPageSize, context, page => _values.SetDictionary(page, dictionary.NumValues, context));
        }

        private void ReadDataPageV1(PageHeader header, ReadOnlyMemory<byte> body, DecodeContext context)
        {
            DataPageHeader data = header.DataPageHeader ?? throw context.Error("a data page lacks its data page header.");
            int count = CheckCount(data.NumValues, context);
            _sawData = true;
            WithDecompressed(body, header.UncompressedPageSize, context, page =>
            {
                int position = 0;
                if (_repetitions is not null)
                    position += LevelDecoder.DecodeV1(data.RepetitionLevelEncoding, page, _repetitions.Append(count), column.MaxRepetitionLevel, context);
                int present = count;
                if (_definitions is not null)
                {
                    Span<int> levels = _definitions.Append(count);
                    position += LevelDecoder.DecodeV1(data.DefinitionLevelEncoding, page[position..], levels, column.MaxDefinitionLevel, context);
                    present = levels.Count(column.MaxDefinitionLevel);
                }
                _values.Decode(data.Encoding, page[position..], present, context.At(context.Offset + position));
            });
            _valuesRead += count;
        }

        private void ReadDataPageV2(PageHeader header, ReadOnlyMemory<byte> body, DecodeContext context)
        {
            DataPageHeaderV2 data = header.DataPageHeaderV2 ?? throw context.Error("a v2 data page lacks its data page header.");
            int count = CheckCount(data.NumValues, context);
            _sawData = true;
            int repetitionBytes = data.RepetitionLevelsByteLength, definitionBytes = data.DefinitionLevelsByteLength;
            if (repetitionBytes < 0 || definitionBytes < 0 || (long)repetitionBytes + definitionBytes > body.Length)
                throw context.Error($"v2 page levels of {repetitionBytes} + {definitionBytes} bytes do not fit its {body.Length} bytes.");
            ReadOnlySpan<byte> span = body.Span;
            if (_repetitions is not null)
            {
                LevelDecoder.DecodeRle(span[..repetitionBytes], _repetitions.Append(count), column.MaxRepetitionLevel,
                    Encodings.BitPacking.BitWidth(column.MaxRepetitionLevel), context);
            }
            int present = count;
            if (_definitions is not null)
            {
                Span<int> levels = _definitions.Append(count);
                LevelDecoder.DecodeRle(span.Slice(repetitionBytes, definitionBytes), levels, column.MaxDefinitionLevel,
                    Encodings.BitPacking.BitWidth(column.MaxDefinitionLevel), context.At(context.Offset + repetitionBytes));
                present = levels.Count(column.MaxDefinitionLevel);
            }
            int levelBytes = repetitionBytes + definitionBytes;
            ReadOnlyMemory<byte> values = body[levelBytes..];
            DecodeContext valuesContext = context.At(context.Offset + levelBytes);
            long uncompressed = (long)header.UncompressedPageSize - levelBytes;
            if (uncompressed < 0) throw context.Error("a v2 page's uncompressed size is smaller than its levels.");
            if (!data.IsCompressed || meta.Codec == CompressionCodec.Uncompressed || uncompressed == 0)
            {
                _values.Decode(data.Encoding, values.Span, present, valuesContext);
            }
            else
            {
                WithDecompressed(values, (int)uncompressed, valuesContext, page => _values.Decode(data.Encoding, page, present, valuesContext));
            }
            _valuesRead += count;
        }

        private int CheckCount(int count, DecodeContext context)
        {
            if (count < 0 || count > _numValues - _valuesRead)
                throw context.Error($"a page declares {count} values; only {_numValues - _valuesRead} of the chunk's {_numValues} remain.");
            return count;
        }

        private delegate void PageAction(ReadOnlySpan<byte> page);

        private void WithDecompressed(ReadOnlyMemory<byte> body, int uncompressedSize, DecodeContext context, PageAction action)
        {
            if (meta.Codec == CompressionCodec.Uncompressed)
            {
                action(body.Span);
                return;
            }
            if (uncompressedSize < 0 || !PageCompression.IsPlausible(meta.Codec, body.Length, uncompressedSize))
            {
                // Past a codec's true maximum ratio the header is corrupt; past the reader's own limits (Brotli has no useful
                // bound, and no page may exceed an array) the file may be valid but is more than this reader takes.
                if (uncompressedSize < 0 || (PageCompression.HasMaximumRatio(meta.Codec) && uncompressedSize <= Array.MaxLength))
                    throw context.Error($"a page claims {uncompressedSize} bytes once decompressed from {body.Length}, more than {meta.Codec} can expand to.");
                throw ParquetErrors.Unsupported(file, $"a {meta.Codec} page of {uncompressedSize} bytes decompressed from {body.Length} (column '{column.DottedPath}', " +
                    $"byte offset {context.Offset}), more than the reader accepts for one page");
            }
            PageCompression.CheckDeclaredSize(meta.Codec, body.Span, uncompressedSize, file, context.Offset);
            byte[] page = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 1));
            try
            {
                PageCompression.Decompress(meta.Codec, body, page.AsSpan(0, uncompressedSize), file, context.Offset);
                action(page.AsSpan(0, uncompressedSize));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(page);
            }
        }
    }
}
