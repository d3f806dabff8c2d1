namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Turns a physical value into its natural CLR value. Implemented by structs so accessors specialize and inline.</summary>
/// <remarks>No exceptions on the value path: a method with exception handling is not inlined, and this runs per value.</remarks>
internal interface IValueConverter<TIn, TOut>
{
    /// <summary>False when the value has no <typeparamref name="TOut"/> (it is out of range).</summary>
    bool TryConvert(TIn value, out TOut result);

    /// <summary>Why <paramref name="value"/> did not convert, for the error that names file, column and row.</summary>
    string Failure(TIn value);
}
