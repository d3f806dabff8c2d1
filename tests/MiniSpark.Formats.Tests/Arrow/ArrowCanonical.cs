using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

/// <summary>Renders values the way tests/interop-arrow/canonical.mjs does, so rows compare as text.</summary>
internal static class ArrowCanonical
{
    public static string TypeName(ArrowField field) => field.Dictionary is ArrowDictionaryEncoding d
        ? $"dictionary<{TypeName(field.Type)},{TypeName(d.IndexType)}>"
        : TypeName(field.Type);

    public static string TypeName(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Int => $"{(type.IsSigned ? "int" : "uint")}{type.BitWidth}",
        ArrowTypeId.FloatingPoint => $"float{type.BitWidth}",
        ArrowTypeId.Bool => "bool",
        ArrowTypeId.Utf8 => "utf8",
        ArrowTypeId.LargeUtf8 => "largeutf8",
        ArrowTypeId.Binary => "binary",
        ArrowTypeId.LargeBinary => "largebinary",
        ArrowTypeId.Date => type.BitWidth == 32 ? "date32" : "date64",
        ArrowTypeId.Timestamp => $"timestamp[{Unit(type.Unit)}{(string.IsNullOrEmpty(type.TimeZone) ? "" : "," + type.TimeZone)}]",
        ArrowTypeId.Decimal => $"decimal{type.BitWidth}({type.Precision},{type.Scale})",
        _ => $"unsupported:{type}",
    };

    private static string Unit(ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => "s",
        ArrowTimeUnit.Millisecond => "ms",
        ArrowTimeUnit.Microsecond => "us",
        _ => "ns",
    };

    public static JsonNode? Render(object? value, ArrowType type) => value switch
    {
        null => null,
        long or ulong => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        int or short or sbyte or byte or ushort or uint => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        float f => Float(f),
        double d => Float(d),
        Half h => Float((double)h),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
        DateOnly day => JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime at => JsonValue.Create(ArrowTemporal.ToUnits(at, type.Unit).ToString(CultureInfo.InvariantCulture)),
        decimal m => JsonValue.Create(m.ToString("F" + type.Scale, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"cannot render {value.GetType()}"),
    };

    private static JsonNode Float(double value) =>
        double.IsNaN(value) ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(value) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(value) ? JsonValue.Create("-Infinity")
        : JsonValue.Create(value);

    /// <summary>A row as canonical text: keys in the given order, numbers in round-trip form.</summary>
    public static string Row(IEnumerable<KeyValuePair<string, JsonNode?>> values)
    {
        var text = new StringBuilder("{");
        foreach ((string key, JsonNode? value) in values)
        {
            if (text.Length > 1) text.Append(',');
            text.Append(JsonSerializer.Serialize(key)).Append(':').Append(Scalar(value));
        }
        return text.Append('}').ToString();
    }

    /// <summary>Re-renders a JSON line from node so it compares with <see cref="Row"/>'s output.</summary>
    public static string Normalize(string jsonLine)
    {
        JsonObject row = JsonNode.Parse(jsonLine)!.AsObject();
        return Row(row.Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, pair.Value)));
    }

    private static string Scalar(JsonNode? value)
    {
        if (value is null) return "null";
        using JsonDocument document = JsonDocument.Parse(value.ToJsonString());
        JsonElement element = document.RootElement;
        if (element.ValueKind != JsonValueKind.Number) return element.GetRawText();
        double number = element.GetDouble();
        return number == 0 ? "0" : number.ToString("R", CultureInfo.InvariantCulture); // JSON.stringify(-0) is "0"
    }

    /// <summary>Canonical rows of typed records under <paramref name="schema"/> (columns = properties).</summary>
    public static List<string> Rows<T>(IEnumerable<T> records, ArrowSchema schema)
    {
        var properties = schema.Fields.Select(f => typeof(T).GetProperty(f.Name)!).ToArray();
        return records.Select(record => Row(schema.Fields.Select((f, i) =>
            new KeyValuePair<string, JsonNode?>(f.Name, Render(properties[i].GetValue(record), f.Type))))).ToList();
    }

    /// <summary>Canonical rows of untyped rows under <paramref name="schema"/>.</summary>
    public static List<string> Rows(IEnumerable<IReadOnlyDictionary<string, object?>> rows, ArrowSchema schema) =>
        rows.Select(row => Row(schema.Fields.Select(f => new KeyValuePair<string, JsonNode?>(f.Name, Render(row[f.Name], f.Type))))).ToList();
}
