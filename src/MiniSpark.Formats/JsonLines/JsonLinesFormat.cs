using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiniSpark.Formats.JsonLines;

/// <summary>Serializer settings shared by the JSON lines reader and writer.</summary>
internal static class JsonLinesFormat
{
    public const string Extension = ".jsonl";

    // Only JSON's own escapes (quotes, backslashes, control characters): text stays readable UTF-8, and a line
    // break inside a string is always written \n, so a record is always one line.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonSerializerOptions ForReading(JsonSerializerOptions? given)
    {
        var options = given is null ? new JsonSerializerOptions() : new JsonSerializerOptions(given);
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonSerializerOptions ForWriting(JsonSerializerOptions? given)
    {
        // By default NaN and infinities are written as the strings "NaN", "Infinity" and "-Infinity" (as Spark's
        // Jackson does), not an error.
        var options = given is null
            ? new JsonSerializerOptions { Encoder = Encoder, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }
            : new JsonSerializerOptions(given);
        options.WriteIndented = false;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder ?? Encoder,
        Indented = false,
        MaxDepth = options.MaxDepth,
    };
}
