using System.Globalization;
using System.Reflection;
using System.Text;

namespace MiniSpark.Output;

/// <summary>Writes one line per record: its text in the invariant culture, UTF-8 without a BOM, each line ending in <c>\n</c>.</summary>
/// <remarks>A null record is an empty line. A record whose text contains line breaks reads back as several lines, as in Spark.</remarks>
internal sealed class TextPartitionWriter<T> : IPartitionWriter<T>
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static TextPartitionWriter<T> Instance { get; } = new();

    private TextPartitionWriter() { }

    public string Extension => "";

    public void Write(IEnumerable<T> records, Stream output, TaskContext context)
    {
        using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true);
        foreach (T record in records)
        {
            writer.Write(TextOf<T>.Format(record));
            writer.Write('\n');
        }
    }

    /// <summary>The text of a record: <see cref="IFormattable"/> values in the invariant culture (so 1.5 is never
    /// written "1,5"), other values through <see cref="object.ToString"/>; null is empty.</summary>
    internal static class TextOf<TRecord>
    {
        public static readonly Func<TRecord, string?> Format = Create();

        private static Func<TRecord, string?> Create()
        {
            if (typeof(TRecord) == typeof(string)) return static record => (string?)(object?)record;
            if (!typeof(IFormattable).IsAssignableFrom(typeof(TRecord)) || typeof(TRecord).IsInterface)
                return static record => record?.ToString();
            // Constrained call through a generic helper: value types format without boxing.
            MethodInfo method = typeof(TextOf<TRecord>).GetMethod(nameof(Formattable), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(typeof(TRecord));
            return method.CreateDelegate<Func<TRecord, string?>>();
        }

        private static string? Formattable<TFormattable>(TFormattable value) where TFormattable : IFormattable =>
            value?.ToString(null, CultureInfo.InvariantCulture);
    }
}
