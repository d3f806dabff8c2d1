using System.Xml.Linq;

namespace MiniSpark.Ui.Tests;

public sealed class PageTests
{
    /// <summary>Three jobs: a shuffle over a cached dataset, the same shuffle again (a skipped stage), and a failure.</summary>
    private static SparkContext RunWorkload(string name, Action<SparkConf>? configure = null)
    {
        SparkContext sc = UiFixture.Start(name, configure);
        Rdd<(int, int)> pairs = UiFixture.KeepAlive(sc, sc.Parallelize(Enumerable.Range(0, 120), 4).Map(x => (x % 6, x)).SetName("pairs").Cache());
        Rdd<(int, int)> sums = pairs.ReduceByKey((a, b) => a + b, 3);
        sums.Count();
        sums.Collect();
        sc.SetJobGroup("etl", "a job that fails");
        Assert.Throws<SparkJobException>(() =>
            sc.Parallelize(Enumerable.Range(0, 3), 3).Map(x => x == 1 ? throw new ArgumentException("no ones") : x).Count());
        sc.ClearJobGroup();
        UiFixture.Drain(sc);
        return sc;
    }

    [Fact]
    public async Task JobsPage_ListsJobsByStatus()
    {
        using SparkContext sc = RunWorkload("jobs-page");
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/jobs/");
        Assert.Contains("Active Jobs (0)", html);
        Assert.Contains("Completed Jobs (2)", html);
        Assert.Contains("Failed Jobs (1)", html);
        Assert.Contains("a job that fails", html);
        Assert.Contains("(etl)", html);
        Assert.Contains("no ones", html);
        Assert.Contains("data-live=\"false\"", html);
        Assert.Contains("href=\"/jobs/job/?id=1\"", html);
        Assert.Contains("(1 skipped)", html);
    }

    [Fact]
    public async Task JobPage_DrawsTheDagOfStagesAndDatasets()
    {
        using SparkContext sc = RunWorkload("job-page");
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/jobs/job/?id=0");
        Assert.Contains("Details for Job 0", html);
        Assert.Contains("SUCCEEDED", html);
        Assert.Contains("<svg class=\"dag\"", html);
        Assert.Contains("Completed Stages (2)", html);

        using HttpResponseMessage response = await client.GetAsync("/jobs/job/dag.svg?id=1");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        XDocument svg = XDocument.Parse(await response.Content.ReadAsStringAsync()); // a valid XML document
        XNamespace ns = "http://www.w3.org/2000/svg";
        var stages = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("stage ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains(stages, g => ((string)g.Attribute("class")!).Contains("stage-skipped", StringComparison.Ordinal));
        var rdds = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("rdd", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(rdds, g => g.Element(ns + "title")!.Value.StartsWith("pairs [", StringComparison.Ordinal));
        Assert.Contains(rdds, g => (string)g.Attribute("class")! == "rdd cached"); // the cached dataset has its dot
        var edges = svg.Descendants(ns + "path").Select(p => (string?)p.Attribute("class")).ToList();
        Assert.Contains("edge shuffle", edges);
        Assert.Contains("edge narrow", edges);
    }

    [Fact]
    public async Task StagePage_ShowsQuantilesAndTasks()
    {
        using SparkContext sc = RunWorkload("stage-page");
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/stages/stage/?id=0&attempt=0");
        Assert.Contains("Details for Stage 0 (Attempt 0)", html);
        Assert.Contains("Summary Metrics for 4 Completed Tasks", html);
        foreach (string header in new[] { "Min", "25th percentile", "Median", "75th percentile", "Max" }) Assert.Contains($"<th>{header}</th>", html);
        foreach (string metric in new[] { "Duration", "Records Read", "Shuffle Write Size", "Spill (Memory)", "Spill (Disk)" })
            Assert.Contains($"<td>{metric}</td>", html);
        Assert.Contains("Tasks (4)", html);
        Assert.Equal(4, CountOf(html, "class=\"task-row task-success\""));
        Assert.Contains("<td>30</td>", html); // each map task read 30 records

        string stages = await UiFixture.GetString(client, "/stages/");
        Assert.Contains("Completed Stages (3)", stages);
        Assert.Contains("Skipped Stages (1)", stages);
        Assert.Contains("Failed Stages (1)", stages);

        string failed = await UiFixture.GetString(client, "/stages/stage/?id=4&attempt=0");
        Assert.Contains("System.ArgumentException: no ones", failed);

        // A stage no attempt ran still has a page (and a summary of no tasks), not an error.
        string skipped = await UiFixture.GetString(client, "/stages/stage/?id=2&attempt=0");
        Assert.Contains("SKIPPED", skipped);
        Assert.Contains("No completed tasks yet.", skipped);
        Assert.Contains("\"quantiles\"", await UiFixture.GetString(client, $"/api/v1/applications/{sc.ApplicationId}/stages/2/0/taskSummary"));
    }

    [Fact]
    public async Task StoragePage_ListsCachedDatasets()
    {
        using SparkContext sc = RunWorkload("storage-page");
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/storage/");
        Assert.Contains("RDDs (1)", html);
        Assert.Contains("<td class=\"rdd-name\">pairs</td>", html);
        Assert.Contains("Memory Deserialized 1x Replicated", html);
        Assert.Contains("100%", html);
    }

    [Fact]
    public async Task EnvironmentPage_ShowsSettings_WithSecretsRedacted()
    {
        using SparkContext sc = RunWorkload("environment-page", c => c.Set("spark.s3.secret.key", "s3cr3t").Set("spark.custom", "visible"));
        using HttpClient client = UiFixture.Client(sc);
        string html = await UiFixture.GetString(client, "/environment/");
        Assert.Contains("<td>spark.custom</td><td>visible</td>", html);
        Assert.Contains("<td>spark.s3.secret.key</td><td>*********(redacted)</td>", html);
        Assert.DoesNotContain("s3cr3t", html);
        Assert.Contains(".NET Version", html);
        Assert.DoesNotContain("s3cr3t", await UiFixture.GetString(client, $"/api/v1/applications/{sc.ApplicationId}/environment"));
    }

    private static int CountOf(string text, string value) => text.Split(value).Length - 1;
}
