using MiniSpark.Formats.Parquet.Mapping.Converters;
using MiniSpark.Formats.Parquet.Reading;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Reads fixed-width physical values and converts them to their natural type.</summary>
internal sealed class PrimitiveAccessor<TIn, TOut, TConverter>(PrimitiveColumnData<TIn> data, TConverter converter, string source) : ColumnAccessor<TOut>
    where TIn : struct
    where TConverter : struct, IValueConverter<TIn, TOut>
{
    private readonly TIn[] _values = data.Values;
    // Flat columns only: a repeated column's dense values are never null. Kept in fields: this runs once per value.
    private readonly int[]? _levels = data.RepetitionLevels is null ? data.DefinitionLevels : null;
    private readonly int _maxLevel = data.Column.MaxDefinitionLevel;

    public override bool IsNull(int row) => _levels is not null && _levels[row] < _maxLevel;

    public override TOut Get(int row)
    {
        if (_levels is not null && _levels[row] < _maxLevel) return default!;
        TIn value = _values[row];
        if (!converter.TryConvert(value, out TOut result)) throw ConversionFailed(row, value);
        return result;
    }

    private InvalidDataException ConversionFailed(int row, TIn value) =>
        ParquetErrors.Invalid(source, data.FileOffset, $"column '{data.Column.DottedPath}', value {row} of its row group: {converter.Failure(value)}");
}
