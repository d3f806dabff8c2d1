using System.IO.Compression;
using System.Text;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Csv;

public sealed class CsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public sealed record Row(int Id, string? Text, double? Value);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(13)]
    public void RoundTrip_PositionalRecords_ReadBackEqual(int partitions)
    {
        string output = _temp.At("out");
        Person[] people = Records.People(700, seed: partitions);
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(people, partitions).SaveAsCsv(output);

        Assert.Equal([.. Enumerable.Range(0, partitions).Select(p => $"part-{p:D5}.csv"), "_SUCCESS"],
            TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
        Assert.Equal(people, sc.ReadCsv<Person>(output).Collect());
    }

    [Fact]
    public void OneLargeFileWithQuotedLineBreaks_SplitIntoManyPartitions_ReadsEveryRecordOnce()
    {
        string output = _temp.At("out");
        Person[] people = Records.People(4000, seed: 11);
        using var sc = new SparkContext("local[4]", "test");
        sc.Parallelize(people, 1).SaveAsCsv(output);
        string file = Path.Combine(output, "part-00000.csv");
        Assert.Contains('\n', File.ReadAllText(file).Split("\n").Skip(1).First(l => l.Contains('"')) + "\n");

        Rdd<Person> split = sc.ReadCsv<Person>(file, new CsvReadOptions { MinPartitions = 53 });

        Assert.True(split.NumPartitions > 40, $"{split.NumPartitions} partitions");
        Assert.Equal(people, split.Collect());
        Assert.Equal(4000, split.Count());
    }

    [Fact]
    public void Header_MatchesNamesCaseInsensitively_InAnyOrder_IgnoringExtraColumns()
    {
        string path = _temp.Write("rows.csv", "VALUE,extra, text ,ID\r\n1.5,x,\"a,\"\"b\"\"\nc\",1\r\n,y,,2\r\n-0,z,\"\",3\r\n");
        using var sc = new SparkContext("local[2]", "test");

        Row[] rows = sc.ReadCsv<Row>(path).Collect();

        Assert.Equal([new Row(1, "a,\"b\"\nc", 1.5), new Row(2, null, null), new Row(3, "", -0.0)], rows);
    }

    [Fact]
    public void ClassWithSetters_ReadOnlyPropertyIsWrittenButNotRequired()
    {
        string output = _temp.At("out");
        Measurement[] data =
        [
            new() { Sensor = "s,1", Value = 1.25f, Elapsed = TimeSpan.FromMilliseconds(1500), Grade = ',' },
            new() { Sensor = "", Value = float.NaN, Elapsed = null, Grade = '"' },
        ];
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(data, 1).SaveAsCsv(output);
        Measurement[] read = sc.ReadCsv<Measurement>(output).Collect();
        Measurement[] withoutLabel = sc.ReadCsv<Measurement>(_temp.Write("m.csv", "sensor,value,elapsed,grade\nq,2,,g\n")).Collect();

        Assert.StartsWith("Sensor,Value,Elapsed,Grade,Label\n", File.ReadAllText(Path.Combine(output, "part-00000.csv")));
        Assert.Equal(data.Select(m => (m.Sensor, m.Value, m.Elapsed, m.Grade)), read.Select(m => (m.Sensor, m.Value, m.Elapsed, m.Grade)));
        Assert.Equal(("q", 2f, (TimeSpan?)null, 'g'), (withoutLabel[0].Sensor, withoutLabel[0].Value, withoutLabel[0].Elapsed, withoutLabel[0].Grade));
    }

    [Fact]
    public void WithoutHeader_FieldsMapByPosition_AndCustomDelimiter()
    {
        string output = _temp.At("out");
        Row[] rows = [new(1, "a;b", 2.5), new(2, null, null)];
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(rows, 2).SaveAsCsv(output, options: new CsvWriteOptions { WriteHeader = false, Delimiter = ';' });

        Assert.Equal("1;\"a;b\";2.5\n", File.ReadAllText(Path.Combine(output, "part-00000.csv")));
        Assert.Equal(rows, sc.ReadCsv<Row>(output, new CsvReadOptions { HasHeader = false, Delimiter = ';' }).Collect());
    }

    [Fact]
    public void EmptyDataset_WritesHeaderOnlyPartFiles_ReadsBackNothing_AsDoesAnEmptyFile()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        sc.Parallelize(Array.Empty<Row>(), 3).SaveAsCsv(output);
        string empty = _temp.Write("empty.csv", "");

        Assert.All(Directory.GetFiles(output, "part-*.csv"), f => Assert.Equal("Id,Text,Value\n", File.ReadAllText(f)));
        Assert.Empty(sc.ReadCsv<Row>(output).Collect());
        Assert.Empty(sc.ReadCsv<Row>(empty).Collect());
    }

    [Theory]
    [InlineData("1,a,1.5\n2,b\n", 2, "2 fields")]                          // too few fields
    [InlineData("1,a,1.5\n2,b,3,4\n", 2, "4 fields")]                      // too many
    [InlineData("1,a,1.5\n2,\"x\ny\",3\nzz,b,3\n", 4, "Int32")]            // a value that does not parse, after a quoted line break
    [InlineData("1,a,1.5\n,b,3\n", 2, "not nullable")]                     // empty non-nullable field
    [InlineData("1,a,1.5\n2,b\"c,3\n", 2, "quote")]                        // stray quote
    [InlineData("1,a,1.5\n2,\"b\n3,c,4\n", 2, "never closed")]             // unterminated quote
    public void FailFast_MalformedRecord_NamesFileAndLine(string body, int badLine, string reason)
    {
        string path = _temp.Write("rows.csv", "id,text,value\n" + body);
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() => sc.ReadCsv<Row>(path).Collect());

        MalformedRecordException malformed = Assert.IsType<MalformedRecordException>(error.InnerException);
        Assert.Equal(path, malformed.FilePath);
        Assert.Equal(badLine + 1, malformed.LineNumber);
        Assert.Contains($"'{path}' at line {badLine + 1}", malformed.Message);
        Assert.Contains(reason, malformed.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FailFast_InALaterSplit_LineCountsLinesInsideQuotedFieldsOfEarlierSplits()
    {
        var text = new StringBuilder("id,text,value\n");
        int line = 2, badLine = 0;
        for (int i = 0; i < 3000; i++)
        {
            if (i == 2500)
            {
                badLine = line;
                text.Append("oops,x,1\n");
            }
            else
            {
                text.Append($"{i},\"two\nlines\",{i}.5\n");
            }
            line += i == 2500 ? 1 : 2;
        }
        string path = _temp.Write("rows.csv", text.ToString());
        using var sc = new SparkContext("local[2]", "test");

        Rdd<Row> rows = sc.ReadCsv<Row>(path, new CsvReadOptions { MinPartitions = 20 });
        SparkJobException error = Assert.Throws<SparkJobException>(() => rows.Count());

        Assert.True(rows.NumPartitions >= 20);
        Assert.Equal(badLine, Assert.IsType<MalformedRecordException>(error.InnerException).LineNumber);
    }

    [Fact]
    public void Permissive_SkipsAndCountsExactlyTheBadRecords()
    {
        var text = new StringBuilder("id,text,value\n");
        var random = new Random(9);
        var good = new List<Row>();
        int bad = 0;
        for (int i = 0; i < 5000; i++)
        {
            switch (random.Next(25))
            {
                case 0: text.Append($"{i},short\n"); bad++; break;
                case 1: text.Append($"{i},long,1,2\n"); bad++; break;
                case 2: text.Append($"x{i},bad id,1\n"); bad++; break;
                case 3: text.Append($"{i},bad value,1.2.3\n"); bad++; break;
                case 4: text.Append($",empty id,1\n"); bad++; break;
                case 5: text.Append($"{i},stray\"quote,1\n"); bad++; break;
                case 6: text.Append($"{i},\"after\"quote,1\n"); bad++; break;
                case 7: text.Append('\n'); break; // empty line: not a record
                default:
                    var row = new Row(i, random.Next(3) == 0 ? $"multi\nline {i}" : $"t{i}", random.Next(4) == 0 ? null : i / 4.0);
                    text.Append($"{row.Id},\"{row.Text}\",{row.Value}\n");
                    good.Add(row);
                    break;
            }
        }
        string path = _temp.Write("rows.csv", text.ToString());
        using var sc = new SparkContext("local[3]", "test");
        var options = new CsvReadOptions { Mode = ReadMode.Permissive, MinPartitions = 9 };

        Rdd<Row> rows = sc.ReadCsv<Row>(path, options);
        Row[] read = rows.Collect();

        Assert.True(rows.NumPartitions >= 9);
        Assert.True(bad > 1000);
        Assert.Equal(good, read);
        Assert.Equal(bad, options.BadRecords!.Value);
    }

    [Fact]
    public void MissingColumn_FailsNamingFileAndColumn()
    {
        string path = _temp.Write("rows.csv", "id,value\n1,2\n");
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() => sc.ReadCsv<Row>(path, new CsvReadOptions { Mode = ReadMode.Permissive }).Count());

        var missing = Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Contains(path, missing.Message);
        Assert.Contains("'Text'", missing.Message);
    }

    public sealed record Unsupported(int Id, int[] Values);

    public sealed class NoConstructor(int identifier)
    {
        public int Id { get; } = identifier;
        public string Name { get; } = "";
    }

    [Fact]
    public void UnsupportedTypes_FailBeforeAnyJob()
    {
        using var sc = new SparkContext("local[2]", "test");
        string path = _temp.Write("rows.csv", "id,values\n1,2\n");

        Assert.Throws<NotSupportedException>(() => sc.ReadCsv<Unsupported>(path));
        Assert.Throws<NotSupportedException>(() => sc.Parallelize([new Unsupported(1, [])], 1).SaveAsCsv(_temp.At("out")));
        Assert.Throws<NotSupportedException>(() => sc.ReadCsv<NoConstructor>(path));
        Assert.Throws<ArgumentException>(() => sc.ReadCsv<Row>(path, new CsvReadOptions { Delimiter = '"' }));
        Assert.False(Directory.Exists(_temp.At("out")));
    }

    [Fact]
    public void GzipAndCrLfAndByteOrderMark_AreRead()
    {
        using (var file = File.Create(_temp.At("a.csv.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write("id,text,value\r\n1,a,1\r\n2,\"b\r\nc\",\r\n"u8);
        _temp.Write("b.csv", [0xEF, 0xBB, 0xBF, .. "id,text,value\n3,c,3\n"u8]);
        using var sc = new SparkContext("local[2]", "test");

        Row[] rows = sc.ReadCsv<Row>(_temp.At("*.csv*"), new CsvReadOptions { MinPartitions = 4 }).Collect();

        Assert.Equal([new Row(1, "a", 1), new Row(2, "b\r\nc", null), new Row(3, "c", 3)], rows);
    }

    [Fact]
    public void NullRecord_FailsTheSave()
    {
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() => sc.Parallelize<Row?>([null], 1).SaveAsCsv(_temp.At("out")));

        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
