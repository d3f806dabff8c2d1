using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MiniSpark.Ui.Tests;

/// <summary>The monitoring API, read the way a client written for Spark reads it.</summary>
public sealed class RestApiTests
{
    private static SparkContext Start()
    {
        SparkContext sc = UiFixture.Start("rest");
        Rdd<(int, int)> sums = UiFixture.KeepAlive(sc, sc.Parallelize(Enumerable.Range(0, 100), 4).Map(x => (x % 5, x)).SetName("nums").Cache())
            .ReduceByKey((a, b) => a + b, 2);
        sums.Count();
        sums.Count();
        UiFixture.Drain(sc);
        return sc;
    }

    private static async Task<JsonElement> Get(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static DateTime SparkDate(JsonElement value) =>
        DateTime.ParseExact(value.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fff'GMT'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Applications_DescribeTheRunningApplication()
    {
        using SparkContext sc = Start();
        using HttpClient client = UiFixture.Client(sc);
        JsonElement apps = await Get(client, "/api/v1/applications");
        JsonElement app = Assert.Single(apps.EnumerateArray());
        Assert.Equal(sc.ApplicationId, app.GetProperty("id").GetString());
        Assert.Equal("rest", app.GetProperty("name").GetString());
        JsonElement attempt = Assert.Single(app.GetProperty("attempts").EnumerateArray());
        Assert.False(attempt.GetProperty("completed").GetBoolean());
        Assert.Equal(sc.StartTime.ToUnixTimeMilliseconds(), attempt.GetProperty("startTimeEpoch").GetInt64());
        Assert.Equal(sc.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'GMT'", CultureInfo.InvariantCulture),
            attempt.GetProperty("startTime").GetString());
        Assert.Empty((await Get(client, "/api/v1/applications?status=completed")).EnumerateArray());
        Assert.Equal(sc.ApplicationId, (await Get(client, $"/api/v1/applications/{sc.ApplicationId}")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Jobs_HaveSparksShape_AndFilterByStatus()
    {
        using SparkContext sc = Start();
        using HttpClient client = UiFixture.Client(sc);
        string app = $"/api/v1/applications/{sc.ApplicationId}";
        JsonElement jobs = await Get(client, app + "/jobs");
        Assert.Equal([1, 0], jobs.EnumerateArray().Select(j => j.GetProperty("jobId").GetInt32()));
        JsonElement second = jobs[0];
        Assert.Equal("SUCCEEDED", second.GetProperty("status").GetString());
        Assert.Equal(1, second.GetProperty("numSkippedStages").GetInt32());
        Assert.Equal(4, second.GetProperty("numSkippedTasks").GetInt32());
        Assert.Equal(2, second.GetProperty("numCompletedTasks").GetInt32());
        Assert.Equal(2, second.GetProperty("stageIds").GetArrayLength());
        Assert.True(SparkDate(second.GetProperty("completionTime")) >= SparkDate(second.GetProperty("submissionTime")));
        Assert.False(second.TryGetProperty("jobGroup", out _)); // absent values are left out, as Spark does

        Assert.Equal(2, (await Get(client, app + "/jobs?status=succeeded")).GetArrayLength());
        Assert.Equal(0, (await Get(client, app + "/jobs?status=running&status=failed")).GetArrayLength());
        Assert.Equal(0, (await Get(client, app + "/jobs/0")).GetProperty("jobId").GetInt32());
    }

    [Fact]
    public async Task Stages_WithTasks_Summaries_AndLists()
    {
        using SparkContext sc = Start();
        using HttpClient client = UiFixture.Client(sc);
        string app = $"/api/v1/applications/{sc.ApplicationId}";
        JsonElement stages = await Get(client, app + "/stages");
        Assert.Equal(4, stages.GetArrayLength());
        Assert.Equal(1, (await Get(client, app + "/stages?status=skipped")).GetArrayLength());
        Assert.False(stages[0].TryGetProperty("tasks", out _));

        JsonElement attempts = await Get(client, app + "/stages/0");
        JsonElement stage = Assert.Single(attempts.EnumerateArray());
        Assert.Equal("COMPLETE", stage.GetProperty("status").GetString());
        Assert.Equal(4, stage.GetProperty("numCompleteTasks").GetInt32());
        Assert.Equal(100, stage.GetProperty("inputRecords").GetInt64());
        Assert.True(stage.GetProperty("shuffleWriteBytes").GetInt64() > 0);
        Assert.Equal(4, stage.GetProperty("tasks").EnumerateObject().Count());
        JsonElement task = stage.GetProperty("tasks").EnumerateObject().First().Value;
        Assert.Equal("SUCCESS", task.GetProperty("status").GetString());
        Assert.Equal(25, task.GetProperty("taskMetrics").GetProperty("inputMetrics").GetProperty("recordsRead").GetInt64());

        JsonElement attempt = await Get(client, app + "/stages/0/0");
        Assert.Equal(0, attempt.GetProperty("attemptId").GetInt32());

        JsonElement summary = await Get(client, app + "/stages/0/0/taskSummary?quantiles=0,0.5,1");
        Assert.Equal([0, 0.5, 1], summary.GetProperty("quantiles").EnumerateArray().Select(q => q.GetDouble()));
        Assert.Equal([25, 25, 25], summary.GetProperty("inputMetrics").GetProperty("recordsRead").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(3, summary.GetProperty("executorRunTime").GetArrayLength());
        Assert.Equal(5, (await Get(client, app + "/stages/0/0/taskSummary")).GetProperty("quantiles").GetArrayLength());

        JsonElement list = await Get(client, app + "/stages/0/0/taskList?offset=1&length=2");
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal(4, (await Get(client, app + "/stages/0/0/taskList?sortBy=-runtime")).GetArrayLength());
    }

    [Fact]
    public async Task StorageEnvironmentAndExecutors()
    {
        using SparkContext sc = Start();
        using HttpClient client = UiFixture.Client(sc);
        string app = $"/api/v1/applications/{sc.ApplicationId}";
        JsonElement rdd = Assert.Single((await Get(client, app + "/storage/rdd")).EnumerateArray());
        Assert.Equal("nums", rdd.GetProperty("name").GetString());
        Assert.Equal(4, rdd.GetProperty("numCachedPartitions").GetInt32());
        Assert.Equal("Memory Deserialized 1x Replicated", rdd.GetProperty("storageLevel").GetString());
        Assert.True(rdd.GetProperty("memoryUsed").GetInt64() > 0);
        int id = rdd.GetProperty("id").GetInt32();
        Assert.Equal("nums", (await Get(client, $"{app}/storage/rdd/{id}")).GetProperty("name").GetString());

        JsonElement environment = await Get(client, app + "/environment");
        Assert.Contains(environment.GetProperty("sparkProperties").EnumerateArray(),
            p => p[0].GetString() == "spark.app.name" && p[1].GetString() == "rest");
        Assert.StartsWith(".NET", environment.GetProperty("runtime").GetProperty("javaVersion").GetString());

        JsonElement executor = Assert.Single((await Get(client, app + "/executors")).EnumerateArray());
        Assert.Equal("driver", executor.GetProperty("id").GetString());
        Assert.Equal(2, executor.GetProperty("totalCores").GetInt32());
        Assert.Equal(8, executor.GetProperty("completedTasks").GetInt32()); // 4 + 2 + 2: the skipped stage ran none
    }

    [Theory]
    [InlineData("/api/v1/applications/nope/jobs", HttpStatusCode.NotFound, "unknown app: nope")]
    [InlineData("/api/v1/applications/{app}/jobs/42", HttpStatusCode.NotFound, "unknown job: 42")]
    [InlineData("/api/v1/applications/{app}/stages/42", HttpStatusCode.NotFound, "unknown stage: 42")]
    [InlineData("/api/v1/applications/{app}/stages/0/3", HttpStatusCode.NotFound, "unknown attempt for stage 0.  Found attempts: [0]")]
    [InlineData("/api/v1/applications/{app}/storage/rdd/77", HttpStatusCode.NotFound, "no rdd found w/ id 77")]
    [InlineData("/api/v1/applications/{app}/jobs?status=done", HttpStatusCode.BadRequest, "unknown status: done")]
    [InlineData("/api/v1/applications/{app}/stages/0/0/taskSummary?quantiles=2", HttpStatusCode.BadRequest, "quantiles")]
    public async Task Errors_AnswerWithSparksMessages(string path, HttpStatusCode status, string message)
    {
        using SparkContext sc = Start();
        using HttpClient client = UiFixture.Client(sc);
        using HttpResponseMessage response = await client.GetAsync(path.Replace("{app}", sc.ApplicationId));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }
}
