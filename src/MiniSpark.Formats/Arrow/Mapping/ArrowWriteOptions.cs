using MiniSpark.Formats.Arrow.Ipc;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>How typed records are written: rows per record batch, the decimal column type, file or stream framing.</summary>
internal sealed record ArrowWriteOptions
{
    public static ArrowWriteOptions Default { get; } = new();

    /// <summary>Rows per record batch; each batch is one unit of parallel reading later.</summary>
    public int BatchSize { get; init; } = 64 * 1024;

    /// <summary>Digits of <see cref="decimal"/> columns (Decimal128 allows up to 38).</summary>
    public int DecimalPrecision { get; init; } = 38;

    /// <summary>Fraction digits of <see cref="decimal"/> columns; values with more are rounded half away from zero.</summary>
    public int DecimalScale { get; init; } = 18;

    public ArrowIpcFormat Format { get; init; } = ArrowIpcFormat.File;

    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be positive.");
        if (DecimalPrecision is < 1 or > 38)
            throw new ArgumentOutOfRangeException(nameof(DecimalPrecision), DecimalPrecision, "Decimal128 precision must be between 1 and 38.");
        if (DecimalScale < 0 || DecimalScale > DecimalPrecision)
            throw new ArgumentOutOfRangeException(nameof(DecimalScale), DecimalScale, "The decimal scale must be between 0 and the precision.");
    }
}
