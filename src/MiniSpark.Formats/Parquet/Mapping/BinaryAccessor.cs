using MiniSpark.Formats.Parquet.Mapping.Converters;
using MiniSpark.Formats.Parquet.Reading;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads byte-array values and converts them; immutable results of dictionary entries are converted once and shared.</summary>
internal sealed class BinaryAccessor<TOut, TConverter> : ColumnAccessor<TOut>
    where TConverter : struct, IBinaryConverter<TOut>
{
    private readonly BinaryColumnData _data;
    private readonly int[] _indices;
    private readonly TConverter _converter;
    private readonly string _source;
    private readonly Cached[]? _cache;

    public BinaryAccessor(BinaryColumnData data, TConverter converter, string source)
    {
        _data = data;
        _indices = data.Indices;
        _converter = converter;
        _source = source;
        // byte[] results are mutable, so each row gets its own; strings, decimals and Guids can be shared.
        if (typeof(TOut) != typeof(byte[]) && data.DictionaryCount > 0) _cache = new Cached[data.DictionaryCount];
    }

    public override bool IsNull(int row) => _indices[row] < 0;

    public override TOut Get(int row)
    {
        int index = _indices[row];
        if (index < 0) return default!;
        if (_cache is not null && (uint)index < (uint)_cache.Length)
        {
            ref Cached entry = ref _cache[index];
            if (!entry.IsSet)
            {
                entry.Value = Convert(index, row);
                entry.IsSet = true;
            }
            return entry.Value;
        }
        return Convert(index, row);
    }

    /// <summary>A dictionary entry's converted value; value and flag side by side, so a hit touches one cache line.</summary>
    private struct Cached
    {
        public TOut Value;
        public bool IsSet;
    }

    private TOut Convert(int index, int row)
    {
        try
        {
            return _converter.Convert(_data.Pool[index]);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            throw ParquetErrors.Invalid(_source, _data.FileOffset, $"column '{_data.Column.DottedPath}', value {row} of its row group: {e.Message}", e);
        }
    }
}
