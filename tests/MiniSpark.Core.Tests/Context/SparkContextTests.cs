namespace MiniSpark.Tests.Context;

public sealed class SparkContextTests
{
    [Theory]
    [InlineData("local", 1)]
    [InlineData("local[3]", 3)]
    [InlineData("local[2,4]", 2)]
    public void Master_SetsSlotsAndParallelism(string master, int slots)
    {
        using var sc = new SparkContext(master, "master");
        Assert.Equal(slots, sc.Slots);
        Assert.Equal(slots, sc.DefaultParallelism);
    }

    [Fact]
    public void LocalStar_UsesProcessorCount()
    {
        using var sc = new SparkContext("local[*]", "star");
        Assert.Equal(Environment.ProcessorCount, sc.DefaultParallelism);
    }

    [Theory]
    [InlineData("local[4,3]", 3)]
    [InlineData("local[4]", 1)]
    [InlineData("local", 1)]
    public void MaxFailures_ComesFromMaster(string master, int expected)
    {
        using var sc = new SparkContext(master, "failures");
        Assert.Equal(expected, sc.MaxTaskFailures);
    }

    [Theory]
    [InlineData("yarn")]
    [InlineData("local[0]")]
    [InlineData("local[-1]")]
    [InlineData("local[2,0]")]
    [InlineData("local[x]")]
    [InlineData("")]
    public void BadMaster_ThrowsNamingIt(string master)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new SparkContext(master, "bad"));
        Assert.Contains($"'{master}'", error.Message);
    }

    [Theory]
    [InlineData("spark.default.parallelism", "zero")]
    [InlineData("spark.default.parallelism", "0")]
    [InlineData("spark.task.maxFailures", "-2")]
    [InlineData("spark.memory.maxBytes", "lots")]
    [InlineData("spark.memory.storageFraction", "1.5")]
    [InlineData("spark.ui.showConsoleProgress", "maybe")]
    public void BadSetting_ThrowsNamingKeyAndValue(string key, string value)
    {
        var conf = new SparkConf().SetMaster("local").SetAppName("bad").Set(key, value);
        var error = Assert.Throws<ArgumentException>(() => new SparkContext(conf));
        Assert.Contains(key, error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Equal(key, error.ParamName);
    }

    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("64k", 64L << 10)]
    [InlineData("64m", 64L << 20)]
    [InlineData("2g", 2L << 30)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("512MB", 512L << 20)]
    public void MemorySizes_Parse(string text, long bytes)
    {
        using var sc = new SparkContext(new SparkConf().SetMaster("local").Set("spark.memory.maxBytes", text));
        Assert.Equal(bytes, sc.MemoryMaxBytes);
    }

    [Fact]
    public void DefaultParallelism_ComesFromConf()
    {
        using var sc = new SparkContext(new SparkConf().SetMaster("local[2]").Set("spark.default.parallelism", "7"));
        Assert.Equal(7, sc.DefaultParallelism);
        Assert.Equal(7, sc.Parallelize(Enumerable.Range(0, 100)).NumPartitions);
    }

    [Fact]
    public void MissingMaster_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new SparkContext(new SparkConf()));
        Assert.Contains("spark.master", error.Message);
    }

    [Fact]
    public void Conf_IsCopied()
    {
        var conf = new SparkConf().SetMaster("local[2]").SetAppName("copy");
        using var sc = new SparkContext(conf);
        conf.Set("spark.default.parallelism", "9");
        Assert.Equal(2, sc.DefaultParallelism);
        Assert.Equal("copy", sc.AppName);
    }

    [Fact]
    public void StoppedContext_RejectsNewWork()
    {
        var sc = new SparkContext("local", "stopped");
        Rdd<int> rdd = sc.Parallelize([1, 2, 3]);
        sc.Stop();
        Assert.True(sc.IsStopped);
        Assert.Throws<ObjectDisposedException>(() => rdd.Count());
        Assert.Throws<ObjectDisposedException>(() => sc.Range(0, 10));
        sc.Dispose();
    }

    [Fact]
    public void DefaultLocalDir_IsDeletedOnStop_UserDirIsKept()
    {
        string userDir = Path.Combine(Path.GetTempPath(), "minispark-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(userDir);
        try
        {
            string defaultPath;
            using (var sc = new SparkContext("local", "dirs"))
            {
                defaultPath = sc.LocalDirectoryPath;
                File.WriteAllText(Path.Combine(defaultPath, "spill"), "x");
            }
            Assert.False(Directory.Exists(defaultPath));

            using (var sc = new SparkContext(new SparkConf().SetMaster("local").Set("spark.local.dir", userDir)))
            {
                File.WriteAllText(Path.Combine(sc.LocalDirectoryPath, "spill"), "x");
            }
            Assert.True(Directory.Exists(userDir));
            Assert.Empty(Directory.EnumerateFileSystemEntries(userDir));
        }
        finally
        {
            Directory.Delete(userDir, recursive: true);
        }
    }

    [Fact]
    public void RddOfAnotherContext_IsRejected()
    {
        using var one = new SparkContext("local", "one");
        using var two = new SparkContext("local", "two");
        Assert.Throws<ArgumentException>(() => two.Union(one.Parallelize([1])));
    }
}
