using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Adapts a natural-type accessor to a member's type: same type, Nullable, object, or a value conversion.</summary>
/// <remarks>
/// Conversions are what C# allows explicitly between the types (int to long, float to double, long to decimal...),
/// plus DATE to <see cref="DateTime"/>, TIME to <see cref="TimeOnly"/> and strings to enums. They are compiled once per
/// type pair. A member that cannot hold null, fed by a column that can, throws on a null row instead of reading zero.
/// </remarks>
internal static class AccessorAdapter
{
    private static readonly ConcurrentDictionary<(Type From, Type To), Delegate?> Conversions = new();

    /// <summary>Whether values of <paramref name="natural"/> can be read into a member of <paramref name="target"/>.</summary>
    public static bool CanAdapt(Type natural, Type target)
    {
        if (target == natural || target == typeof(object) || target.IsAssignableFrom(natural)) return true;
        Type core = Nullable.GetUnderlyingType(target) ?? target;
        return core == natural || GetConversion(natural, core) is not null;
    }

    public static ColumnAccessor Adapt(ColumnAccessor natural, Type naturalType, Type target, bool columnMayBeNull, Func<string> describeNullError)
    {
        ColumnAccessor result = AdaptCore(natural, naturalType, target);
        if (columnMayBeNull && target.IsValueType && Nullable.GetUnderlyingType(target) is null)
        {
            // The error message is only built if a null actually arrives.
            return (ColumnAccessor)Activator.CreateInstance(typeof(GuardedAccessor<>).MakeGenericType(target), result, describeNullError)!;
        }
        return result;
    }

    private static ColumnAccessor AdaptCore(ColumnAccessor natural, Type naturalType, Type target)
    {
        if (target == naturalType) return natural;
        if (target == typeof(object)) return new BoxingAccessor(natural);
        Type? underlying = Nullable.GetUnderlyingType(target);
        if (underlying == naturalType)
            return (ColumnAccessor)Activator.CreateInstance(typeof(NullableAccessor<>).MakeGenericType(naturalType), natural)!;
        if (target.IsAssignableFrom(naturalType))
            return Convert(natural, naturalType, target, GetConversion(naturalType, target) ?? throw NotConvertible(naturalType, target));
        if (underlying is not null)
        {
            ColumnAccessor core = Convert(natural, naturalType, underlying, GetConversion(naturalType, underlying) ?? throw NotConvertible(naturalType, target));
            return (ColumnAccessor)Activator.CreateInstance(typeof(NullableAccessor<>).MakeGenericType(underlying), core)!;
        }
        return Convert(natural, naturalType, target, GetConversion(naturalType, target) ?? throw NotConvertible(naturalType, target));
    }

    private static ColumnAccessor Convert(ColumnAccessor natural, Type from, Type to, Delegate conversion) =>
        (ColumnAccessor)Activator.CreateInstance(typeof(ConvertingAccessor<,>).MakeGenericType(from, to), natural, conversion)!;

    private static InvalidCastException NotConvertible(Type from, Type to) => new($"Cannot read {from.Name} values into a {to.Name} member.");

    private static Delegate? GetConversion(Type from, Type to) => Conversions.GetOrAdd((from, to), static key => BuildConversion(key.From, key.To));

    private static Delegate? BuildConversion(Type from, Type to)
    {
        ParameterExpression value = Expression.Parameter(from, "value");
        Expression? body = null;
        if (from == typeof(DateOnly) && to == typeof(DateTime))
            body = Expression.Call(value, typeof(DateOnly).GetMethod(nameof(DateOnly.ToDateTime), [typeof(TimeOnly)])!, Expression.Constant(TimeOnly.MinValue));
        else if (from == typeof(TimeSpan) && to == typeof(TimeOnly))
            body = Expression.Call(typeof(TimeOnly).GetMethod(nameof(TimeOnly.FromTimeSpan))!, value);
        else if (from == typeof(string) && to.IsEnum)
            body = Expression.Convert(Expression.Call(typeof(Enum).GetMethod(nameof(Enum.Parse), [typeof(Type), typeof(string), typeof(bool)])!,
                Expression.Constant(to), value, Expression.Constant(true)), to);
        else if (to.IsAssignableFrom(from))
            body = Expression.Convert(value, to);
        else
        {
            try
            {
                body = Expression.ConvertChecked(value, to);
            }
            catch (InvalidOperationException)
            {
                return null; // no conversion operator between the types
            }
        }
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(from, to), body, value).Compile();
    }

    /// <summary>Throws on null rows for members that cannot hold null.</summary>
    private sealed class GuardedAccessor<T>(ColumnAccessor<T> inner, Func<string> describe) : ColumnAccessor<T>
    {
        public override bool IsNull(int row) => inner.IsNull(row);

        public override T Get(int row) => inner.IsNull(row) ? throw new InvalidDataException(describe() + $" (row {row} of its row group)") : inner.Get(row);
    }
}
