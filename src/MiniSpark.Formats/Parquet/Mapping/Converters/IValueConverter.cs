namespace MiniSpark.Formats.Parquet.Mapping.Converters;

/// <summary>Turns a physical value into its natural CLR value. Implemented by structs so accessors specialize and inline.</summary>
internal interface IValueConverter<TIn, TOut>
{
    TOut Convert(TIn value);
}
