using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

/// <summary>Round-trips values through both entry points: single values and record streams.</summary>
internal static class RoundTrip
{
    public static T Value<T>(T value)
    {
        byte[] bytes = Serializer.Serialize(value);
        T single = Serializer.Deserialize<T>(bytes);

        var stream = new MemoryStream();
        Serializer.WriteAll(stream, [value, value]);
        stream.Position = 0;
        T[] records = Serializer.ReadAll<T>(stream).ToArray();
        Assert.Equal(2, records.Length);
        Assert.Equal(stream.Length, stream.Position);
        return single;
    }

    public static List<T> Stream<T>(IEnumerable<T> items, int chunkSize = RecordStreamFormat.DefaultChunkSize)
    {
        var stream = new MemoryStream();
        using (var writer = new RecordStreamWriter<T>(stream, chunkSize))
        {
            foreach (T item in items) writer.Write(item);
            writer.Complete();
        }
        stream.Position = 0;
        return Serializer.ReadAll<T>(stream).ToList();
    }
}
