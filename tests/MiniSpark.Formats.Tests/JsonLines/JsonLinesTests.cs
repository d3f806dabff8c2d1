using System.IO.Compression;
using System.Text;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.JsonLines;

public sealed class JsonLinesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(13)]
    public void RoundTrip_PositionalRecords_ReadBackEqual(int partitions)
    {
        string output = _temp.At("out");
        Person[] people = Records.People(600, seed: partitions);
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(people, partitions).SaveAsJsonLines(output);

        Assert.Equal([.. Enumerable.Range(0, partitions).Select(p => $"part-{p:D5}.jsonl"), "_SUCCESS"],
            TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
        Assert.Equal(people, sc.ReadJsonLines<Person>(output).Collect());
        // One object per line, however many line breaks the values hold.
        Assert.Equal(600, Directory.GetFiles(output, "*.jsonl").Sum(f => File.ReadAllLines(f).Length));
    }

    [Fact]
    public void OneLargeFile_SplitIntoManyPartitions_ReadsEveryLineOnce()
    {
        string output = _temp.At("out");
        Person[] people = Records.People(3000, seed: 5);
        using var sc = new SparkContext("local[4]", "test");
        sc.Parallelize(people, 1).SaveAsJsonLines(output);

        Rdd<Person> split = sc.ReadJsonLines<Person>(Path.Combine(output, "part-00000.jsonl"), new JsonReadOptions { MinPartitions = 37 });

        Assert.True(split.NumPartitions >= 37);
        Assert.Equal(people, split.Collect());
        Assert.Equal(3000, split.Count());
    }

    [Fact]
    public void ClassWithSetters_PropertyNamesMatchCaseInsensitively_UnknownIgnored_MissingDefault()
    {
        string path = _temp.Write("m.jsonl",
            "{\"SENSOR\":\"s1\",\"value\":1.5,\"elapsed\":\"00:00:02\",\"grade\":\"A\",\"other\":[1,2]}\n" +
            "\n" +
            "   \n" +
            "{\"sensor\":\"s2\"}\r\n");
        using var sc = new SparkContext("local[2]", "test");

        Measurement[] read = sc.ReadJsonLines<Measurement>(path).Collect();

        Assert.Equal(2, read.Length);
        Assert.Equal(("s1", 1.5f, TimeSpan.FromSeconds(2), 'A'), (read[0].Sensor, read[0].Value, read[0].Elapsed!.Value, read[0].Grade));
        Assert.Equal(("s2", 0f, (TimeSpan?)null), (read[1].Sensor, read[1].Value, read[1].Elapsed));
    }

    [Fact]
    public void Writes_OneCompactObjectPerLine_Utf8_WithNulls()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize([new Measurement { Sensor = "é\"\n", Value = 2, Grade = 'x' }], 1).SaveAsJsonLines(output);

        Assert.Equal("{\"Sensor\":\"é\\\"\\n\",\"Value\":2,\"Elapsed\":null,\"Grade\":\"x\",\"Label\":\"é\\\"\\n:2\"}\n",
            File.ReadAllText(Path.Combine(output, "part-00000.jsonl"), Encoding.UTF8));
    }

    [Fact]
    public void FailFast_MalformedLine_NamesFileAndLine_EvenInALaterSplit()
    {
        var text = new StringBuilder();
        for (int i = 1; i <= 2000; i++) text.Append(i == 1777 ? "{\"sensor\": \"broken\"\n" : $"{{\"sensor\":\"s{i}\",\"value\":{i}}}\n");
        string path = _temp.Write("dir/data.jsonl", text.ToString());
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() =>
            sc.ReadJsonLines<Measurement>(_temp.At("dir"), new JsonReadOptions { MinPartitions = 8 }).Count());

        MalformedRecordException malformed = Assert.IsType<MalformedRecordException>(error.InnerException);
        Assert.Equal(path, malformed.FilePath);
        Assert.Equal(1777, malformed.LineNumber);
        Assert.Contains($"'{path}' at line 1777", malformed.Message);
        Assert.Contains("broken", malformed.Message);
    }

    [Fact]
    public void FailFast_WrongType_AndNullLine_AreMalformed()
    {
        string wrongType = _temp.Write("a.jsonl", "{\"sensor\":\"s\"}\n{\"sensor\":\"s\",\"value\":\"not a number\"}\n");
        string nullLine = _temp.Write("b.jsonl", "null\n");
        using var sc = new SparkContext("local[2]", "test");

        var first = Assert.IsType<MalformedRecordException>(Assert.Throws<SparkJobException>(() => sc.ReadJsonLines<Measurement>(wrongType).Collect()).InnerException);
        var second = Assert.IsType<MalformedRecordException>(Assert.Throws<SparkJobException>(() => sc.ReadJsonLines<Measurement>(nullLine).Collect()).InnerException);

        Assert.Equal(2, first.LineNumber);
        Assert.Equal(1, second.LineNumber);
    }

    [Fact]
    public void Permissive_SkipsAndCountsExactlyTheBadLines()
    {
        var text = new StringBuilder();
        var random = new Random(3);
        int bad = 0, good = 0;
        for (int i = 0; i < 3000; i++)
        {
            switch (random.Next(20))
            {
                case 0: text.Append("{\"sensor\": \n"); bad++; break;                      // invalid JSON
                case 1: text.Append("{\"sensor\":\"x\",\"value\":true}\n"); bad++; break;  // wrong type
                case 2: text.Append("null\n"); bad++; break;
                case 3: text.Append(new string('[', 10_000)).Append('\n'); bad++; break;  // too deep
                case 4: text.Append("\n"); break;                                          // blank: not a record
                default: text.Append($"{{\"sensor\":\"s{i}\",\"value\":{i}}}\n"); good++; break;
            }
        }
        string path = _temp.Write("data.jsonl", text.ToString());
        using var sc = new SparkContext("local[2]", "test");
        var options = new JsonReadOptions { Mode = ReadMode.Permissive, MinPartitions = 7 };

        long count = sc.ReadJsonLines<Measurement>(path, options).Count();

        Assert.True(bad > 100);
        Assert.Equal(good, count);
        Assert.NotNull(options.BadRecords);
        Assert.Equal(bad, options.BadRecords.Value);
    }

    [Fact]
    public void Permissive_CountsInTheGivenAccumulator()
    {
        string path = _temp.Write("data.jsonl", "{\"sensor\":\"a\"}\n{oops}\n{\"sensor\":\"b\"}\n");
        using var sc = new SparkContext("local[2]", "test");
        LongAccumulator bad = sc.LongAccumulator("bad");

        string[] sensors = sc.ReadJsonLines<Measurement>(path, new JsonReadOptions { Mode = ReadMode.Permissive, BadRecords = bad })
            .Map(m => m.Sensor).Collect();

        Assert.Equal(["a", "b"], sensors);
        Assert.Equal(1, bad.Value);
    }

    [Fact]
    public void EmptyDataset_WritesEmptyPartFiles_ReadsBackNothing()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(Array.Empty<Person>(), 3).SaveAsJsonLines(output);

        Assert.Equal(3, Directory.GetFiles(output, "part-*.jsonl").Length);
        Assert.Empty(sc.ReadJsonLines<Person>(output).Collect());
    }

    [Fact]
    public void GzipFiles_AreReadWhole_AndGlobsWork()
    {
        using (var file = File.Create(_temp.At("a.jsonl.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write("{\"sensor\":\"a\"}\n{\"sensor\":\"b\"}\n"u8);
        _temp.Write("b.jsonl", "{\"sensor\":\"c\"}\n");
        _temp.Write("c.txt", "not json");
        using var sc = new SparkContext("local[2]", "test");

        string[] sensors = sc.ReadJsonLines<Measurement>(_temp.At("*.jsonl*"), new JsonReadOptions { MinPartitions = 4 })
            .Map(m => m.Sensor).Collect();

        Assert.Equal(["a", "b", "c"], sensors);
    }

    [Fact]
    public void NullRecord_FailsTheSave_AndPublishesNothing()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() =>
            sc.Parallelize<Measurement?>([new Measurement(), null], 1).SaveAsJsonLines(output));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.False(Directory.Exists(output));
    }
}
