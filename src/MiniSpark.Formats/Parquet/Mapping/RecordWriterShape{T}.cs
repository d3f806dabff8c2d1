using System.Linq.Expressions;
using System.Reflection;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>The Parquet columns of <typeparamref name="T"/>'s public readable properties, with compiled getters, made once per type.</summary>
/// <remarks>
/// bool, int, long, float, double, string, byte[], DateTime, DateOnly and decimal map to their column types; sbyte,
/// byte, short and ushort widen to INT32, uint to INT64; DateTimeOffset is stored as its UTC instant; enums as their
/// names. Value types are required columns unless <see cref="Nullable{T}"/>; strings and byte arrays are optional.
/// </remarks>
internal static class RecordWriterShape<T>
{
    private static readonly Lazy<(ParquetField[] Fields, Func<PropertyWriter<T>>[] Writers)> Shape = new(Build);

    public static IReadOnlyList<ParquetField> Fields(ParquetWriteOptions options)
    {
        ParquetField[] fields = Shape.Value.Fields;
        return Array.ConvertAll(fields, f => f.Type == ParquetType.Decimal
            ? new ParquetField(f.Name, f.Type, f.IsNullable, options.DecimalPrecision, options.DecimalScale)
            : f);
    }

    /// <summary>Fresh property writers (with their own buffers), one per field.</summary>
    public static PropertyWriter<T>[] CreateWriters() => Array.ConvertAll(Shape.Value.Writers, create => create());

    private static (ParquetField[], Func<PropertyWriter<T>>[]) Build()
    {
        var fields = new List<ParquetField>();
        var writers = new List<Func<PropertyWriter<T>>>();
        foreach (PropertyInfo property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true }) continue;
            Type type = property.PropertyType;
            Type? underlying = Nullable.GetUnderlyingType(type);
            Type core = underlying ?? type;
            (ParquetType column, Type stored) = Map(core)
                ?? throw new NotSupportedException($"Property {typeof(T).Name}.{property.Name} of type {type.Name} has no Parquet column type.");
            bool nullable = underlying is not null || !type.IsValueType;
            fields.Add(new ParquetField(property.Name, column, nullable));
            writers.Add(CreateWriterFactory(property, core, stored, underlying is not null));
        }
        if (fields.Count == 0) throw new NotSupportedException($"{typeof(T).Name} has no public properties to write as Parquet columns.");
        return ([.. fields], [.. writers]);
    }

    private static (ParquetType, Type)? Map(Type type)
    {
        if (type.IsEnum) return (ParquetType.String, typeof(string));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => (ParquetType.Boolean, typeof(bool)),
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 => (ParquetType.Int32, typeof(int)),
            TypeCode.UInt32 or TypeCode.Int64 => (ParquetType.Int64, typeof(long)),
            TypeCode.Single => (ParquetType.Float, typeof(float)),
            TypeCode.Double => (ParquetType.Double, typeof(double)),
            TypeCode.Decimal => (ParquetType.Decimal, typeof(decimal)),
            TypeCode.String => (ParquetType.String, typeof(string)),
            TypeCode.DateTime => (ParquetType.Timestamp, typeof(DateTime)),
            _ when type == typeof(DateOnly) => (ParquetType.Date, typeof(DateOnly)),
            _ when type == typeof(DateTimeOffset) => (ParquetType.Timestamp, typeof(DateTime)),
            _ when type == typeof(byte[]) => (ParquetType.Binary, typeof(byte[])),
            _ => null,
        };
    }

    // Compiles record => Convert(record.Property) once; the writer then calls a plain delegate per row.
    private static Func<PropertyWriter<T>> CreateWriterFactory(PropertyInfo property, Type core, Type stored, bool isNullable)
    {
        ParameterExpression record = Expression.Parameter(typeof(T), "record");
        Expression value = Expression.Property(record, property);
        Type writerType;
        Expression body;
        if (isNullable)
        {
            // value.HasValue ? (stored?)Convert(value.Value) : null
            Expression converted = Convert(Expression.Property(value, "Value"), core, stored);
            Type nullableStored = stored.IsValueType ? typeof(Nullable<>).MakeGenericType(stored) : stored;
            body = Expression.Condition(Expression.Property(value, "HasValue"), Expression.Convert(converted, nullableStored), Expression.Constant(null, nullableStored));
            writerType = stored.IsValueType
                ? typeof(NullablePropertyWriter<,>).MakeGenericType(typeof(T), stored)
                : typeof(ReferencePropertyWriter<,>).MakeGenericType(typeof(T), stored);
        }
        else if (!core.IsValueType)
        {
            body = value;
            writerType = typeof(ReferencePropertyWriter<,>).MakeGenericType(typeof(T), stored);
        }
        else
        {
            body = Convert(value, core, stored);
            writerType = stored.IsValueType
                ? typeof(ValuePropertyWriter<,>).MakeGenericType(typeof(T), stored)
                : typeof(ReferencePropertyWriter<,>).MakeGenericType(typeof(T), stored);
        }
        Delegate getter = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), body.Type), body, record).Compile();
        return () => (PropertyWriter<T>)Activator.CreateInstance(writerType, getter)!;
    }

    private static Expression Convert(Expression value, Type from, Type to)
    {
        if (from == to) return value;
        if (from.IsEnum) return Expression.Call(value, typeof(object).GetMethod(nameof(ToString))!);
        if (from == typeof(DateTimeOffset)) return Expression.Property(value, nameof(DateTimeOffset.UtcDateTime));
        return Expression.Convert(value, to);
    }
}
