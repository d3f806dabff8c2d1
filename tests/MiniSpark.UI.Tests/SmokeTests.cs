namespace MiniSpark.Ui.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task JobsPage_ListsACompletedJob()
    {
        using SparkContext sc = UiFixture.Start("smoke");
        long count = sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x => (x % 3, x)).ReduceByKey((a, b) => a + b).Count();
        Assert.Equal(3, count);
        UiFixture.Drain(sc);
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/jobs/");
        File.WriteAllText("/tmp/jobs.html", html);
        Assert.Contains("Completed Jobs (1)", html);
    }
}
