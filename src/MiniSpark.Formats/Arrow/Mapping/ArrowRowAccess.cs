using MiniSpark.Formats.Arrow.Columns;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Typed column accessors the compiled record mappers call: one generic call per value, no boxing.</summary>
internal static class ArrowRowAccess
{
    // The reader has already rejected nulls in columns bound to non-nullable value properties.
    public static TValue Value<TValue>(ArrowColumn column, int row) where TValue : struct =>
        ((ArrowColumn<TValue>)column).Values[row];

    public static TValue? Nullable<TValue>(ArrowColumn column, int row) where TValue : struct =>
        column.IsNull(row) ? null : ((ArrowColumn<TValue>)column).Values[row];

    // Decoders leave null rows of reference columns null.
    public static TValue? Reference<TValue>(ArrowColumn column, int row) where TValue : class =>
        ((ArrowColumn<TValue>)column).Values[row];

    public static void AppendValue<TValue>(ArrowColumn column, TValue value) => ((ArrowColumn<TValue>)column).Append(value);

    public static void AppendNullable<TValue>(ArrowColumn column, TValue? value) where TValue : struct
    {
        var typed = (ArrowColumn<TValue>)column;
        if (value.HasValue) typed.Append(value.GetValueOrDefault());
        else typed.AppendNull();
    }
}
