using System.Reflection;
using CsvHelper;

namespace MiniSpark.Formats.Csv;

/// <summary>Reads and writes CSV fields of one value type, in the invariant culture.</summary>
/// <remarks>
/// <para>Supported: <see cref="string"/>, <see cref="char"/>, <see cref="bool"/>, integers, <see cref="float"/>,
/// <see cref="double"/>, <see cref="decimal"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>,
/// <see cref="DateOnly"/>, <see cref="TimeOnly"/>, <see cref="TimeSpan"/>, <see cref="Guid"/>, enums (by name), and
/// the nullable forms of the value types. Numbers are written shortest-round-trip; dates and times in ISO 8601
/// round-trip form ("O"); booleans as <c>true</c>/<c>false</c>.</para>
/// <para>Nulls: an empty field is null for strings and nullable types. A null string is written as an empty field and
/// an empty string as <c>""</c>, which reads back as an empty string. An empty field in a non-nullable value column
/// is malformed.</para>
/// </remarks>
internal static class CsvValue<TValue>
{
    /// <summary>Parses field <c>index</c> of the reader's current record; null when the type is not supported.</summary>
    public static readonly Func<CsvReader, int, TValue>? Parse;

    /// <summary>Writes a value as the next field; null when the type is not supported.</summary>
    public static readonly Action<CsvWriter, TValue>? Write;

    static CsvValue()
    {
        Type type = typeof(TValue);
        Type? underlying = Nullable.GetUnderlyingType(type);
        string? kind = CsvValues.KindOf(underlying ?? type);
        if (kind is null) return;
        Parse = (Func<CsvReader, int, TValue>)CsvValues.Method("Parse" + (underlying is null ? "" : "Nullable") + kind, underlying ?? type)
            .CreateDelegate(typeof(Func<CsvReader, int, TValue>));
        Write = (Action<CsvWriter, TValue>)CsvValues.Method("Write" + (underlying is null ? "" : "Nullable") + kind, underlying ?? type)
            .CreateDelegate(typeof(Action<CsvWriter, TValue>));
    }
}

/// <summary>The typed field codecs <see cref="CsvValue{TValue}"/> binds to.</summary>
internal static class CsvValues
{
    private static readonly HashSet<Type> IsoTypes = [typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly)];

    /// <summary>Whether properties of <paramref name="type"/> can be CSV columns.</summary>
    public static bool IsSupported(Type type) => KindOf(Nullable.GetUnderlyingType(type) ?? type) is not null;

    // Which family of codecs handles a (non-nullable) type; null when none does.
    internal static string? KindOf(Type type)
    {
        if (type == typeof(string)) return "String";
        if (type == typeof(bool)) return "Boolean";
        if (type.IsEnum) return "Enum";
        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid) || type == typeof(TimeSpan) || IsoTypes.Contains(type))
            return type.IsAssignableTo(typeof(IUtf8SpanFormattable)) && IsSpanParsable(type) ? "Formattable" : null;
        return null;
    }

    private static bool IsSpanParsable(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISpanParsable<>) && i.GenericTypeArguments[0] == type);

    internal static MethodInfo Method(string name, Type type)
    {
        MethodInfo method = typeof(CsvValues).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
        return method.IsGenericMethodDefinition ? method.MakeGenericMethod(type) : method;
    }

    // An unquoted empty field; "" (quoted) is an empty string, not null.
    private static bool IsNullString(CsvReader reader, int index) => reader.GetRawSpan(index).IsEmpty;

    private static string? ParseString(CsvReader reader, int index) => IsNullString(reader, index) ? null : reader.GetString(index);

    private static void WriteString(CsvWriter writer, string? value)
    {
        if (value is null) writer.WriteField((string?)null);
        else if (value.Length == 0) writer.WriteField("", CsvQuoting.Always);
        else writer.WriteField(value);
    }

    private static bool ParseBoolean(CsvReader reader, int index) => reader.Parse<bool>(NotEmpty(reader, index));

    private static bool? ParseNullableBoolean(CsvReader reader, int index) => reader.IsEmpty(index) ? null : reader.Parse<bool>(index);

    private static void WriteBoolean(CsvWriter writer, bool value) => writer.WriteField(value ? "true" : "false");

    private static void WriteNullableBoolean(CsvWriter writer, bool? value)
    {
        if (value is bool b) WriteBoolean(writer, b);
        else writer.WriteField((string?)null);
    }

    private static TEnum ParseEnum<TEnum>(CsvReader reader, int index) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(reader.GetString(NotEmpty(reader, index)), ignoreCase: true);

    private static TEnum? ParseNullableEnum<TEnum>(CsvReader reader, int index) where TEnum : struct, Enum =>
        reader.IsEmpty(index) ? null : Enum.Parse<TEnum>(reader.GetString(index), ignoreCase: true);

    private static void WriteEnum<TEnum>(CsvWriter writer, TEnum value) where TEnum : struct, Enum => writer.WriteField(value.ToString());

    private static void WriteNullableEnum<TEnum>(CsvWriter writer, TEnum? value) where TEnum : struct, Enum
    {
        if (value is TEnum v) WriteEnum(writer, v);
        else writer.WriteField((string?)null);
    }

    private static TValue ParseFormattable<TValue>(CsvReader reader, int index) where TValue : ISpanParsable<TValue> =>
        reader.Parse<TValue>(NotEmpty(reader, index));

    private static TValue? ParseNullableFormattable<TValue>(CsvReader reader, int index) where TValue : struct, ISpanParsable<TValue> =>
        reader.IsEmpty(index) ? null : reader.Parse<TValue>(index);

    private static void WriteFormattable<TValue>(CsvWriter writer, TValue value) where TValue : IUtf8SpanFormattable =>
        writer.WriteField(value, FormatOf<TValue>.Value);

    private static void WriteNullableFormattable<TValue>(CsvWriter writer, TValue? value) where TValue : struct, IUtf8SpanFormattable
    {
        if (value is TValue v) WriteFormattable(writer, v);
        else writer.WriteField((string?)null);
    }

    // Dates and times in ISO 8601 round-trip form; everything else in its default (round-trip) form.
    private static class FormatOf<TValue>
    {
        public static readonly string? Value = IsoTypes.Contains(typeof(TValue)) ? "O" : null;
    }

    private static int NotEmpty(CsvReader reader, int index) =>
        reader.IsEmpty(index) ? throw new FormatException("the field is empty but its property is not nullable") : index;
}
