using System.Numerics;

namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>INT(8/16/32/64, signed or not): reinterprets the stored INT32 / INT64 bits at the annotated width.</summary>
internal readonly struct IntegerConverter<TIn, TOut> : IValueConverter<TIn, TOut>
    where TIn : IBinaryInteger<TIn>
    where TOut : IBinaryInteger<TOut>
{
    public bool TryConvert(TIn value, out TOut result)
    {
        result = TOut.CreateTruncating(value);
        return true;
    }

    public string Failure(TIn value) => "";
}
