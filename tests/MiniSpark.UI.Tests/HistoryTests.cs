using System.Net;

namespace MiniSpark.Ui.Tests;

/// <summary>The history view: a finished application's event log, shown as the application was.</summary>
public sealed class HistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("minispark-history-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SparkConf Conf(string name) => UiFixture.Conf(name)
        .Set(ConfigKeys.EventLogEnabled, "true")
        .Set(ConfigKeys.EventLogDir, _dir);

    private static void RunJobs(SparkContext sc)
    {
        Rdd<(string, int)> words = UiFixture.KeepAlive(sc, sc.Parallelize(["a b", "b c", "c a b"], 3).FlatMap(l => l.Split(' '))
            .Map(w => (w, 1)).SetName("<script>alert('words')</script>").Cache());
        Rdd<(string, int)> counts = words.ReduceByKey((a, b) => a + b, 2);
        counts.Collect();
        counts.Count();
        Assert.Throws<SparkJobException>(() => sc.Parallelize([1, 2], 2).Map(x => x / (x - 1)).Collect());
        UiFixture.Drain(sc);
    }

    [Fact]
    public async Task FinishedApplication_IsShownAsItWas_PagesAndRestApi()
    {
        string appId;
        var live = new Dictionary<string, string>();
        string[] paths = ["/jobs", "/jobs/1", "/stages", "/stages/0/0", "/stages/0/0/taskSummary", "/stages/0/0/taskList", "/storage/rdd"];
        using (var sc = new SparkContext(Conf("history-app")))
        {
            appId = sc.ApplicationId;
            RunJobs(sc);
            using HttpClient liveClient = UiFixture.Client(sc);
            foreach (string path in paths) live[path] = await UiFixture.GetString(liveClient, $"/api/v1/applications/{appId}{path}");
        }

        using var history = SparkHistoryServer.Start(_dir, port: 0);
        Assert.StartsWith("http://127.0.0.1:", history.Url);
        using HttpClient client = UiFixture.Client(history.Url);

        string index = await UiFixture.GetString(client, "/");
        Assert.Contains($"href=\"/history/{appId}/jobs/\"", index);
        Assert.Contains("history-app", index);
        Assert.DoesNotContain("Incomplete", index);

        foreach (string path in paths)
            Assert.Equal(live[path], await UiFixture.GetString(client, $"/api/v1/applications/{appId}{path}"));

        string jobs = await UiFixture.GetString(client, $"/history/{appId}/jobs/");
        Assert.Contains("Completed Jobs (2)", jobs);
        Assert.Contains("Failed Jobs (1)", jobs);
        Assert.Contains("data-live=\"false\"", jobs);
        Assert.Contains($"href=\"/history/{appId}/jobs/job/?id=0\"", jobs);
        string job = await UiFixture.GetString(client, $"/history/{appId}/jobs/job/?id=0");
        Assert.Contains("<svg class=\"dag\"", job);
        Assert.Contains($"href=\"/history/{appId}/stages/stage/?id=0&amp;attempt=0\"", job);
        string stage = await UiFixture.GetString(client, $"/history/{appId}/stages/stage/?id=0&attempt=0");
        Assert.Contains("Summary Metrics for 3 Completed Tasks", stage);
        string storage = await UiFixture.GetString(client, $"/history/{appId}/storage/");
        Assert.Contains("&lt;script&gt;alert(&#x27;words&#x27;)&lt;/script&gt;", storage);
        Assert.DoesNotContain("<script>alert", storage);
        string environment = await UiFixture.GetString(client, $"/history/{appId}/environment/");
        Assert.Contains("<td>spark.app.name</td><td>history-app</td>", environment);

        JsonApp app = await JsonApp.Read(client, appId);
        Assert.True(app.Completed);
        using HttpResponseMessage redirect = await client.GetAsync($"/history/{appId}/");
        Assert.EndsWith($"/history/{appId}/jobs/", redirect.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task RunningApplication_IsListedAsIncomplete_UpToItsLastFinishedJob()
    {
        using var sc = new SparkContext(Conf("still-running"));
        RunJobs(sc);
        using var history = SparkHistoryServer.Start(_dir, port: 0);
        using HttpClient client = UiFixture.Client(history.Url);
        string index = await UiFixture.GetString(client, "/");
        Assert.Contains("Incomplete", index);
        Assert.Contains(sc.ApplicationId + ".inprogress", index);
        Assert.Contains("Completed Jobs (2)", await UiFixture.GetString(client, $"/history/{sc.ApplicationId}/jobs/"));
        Assert.False((await JsonApp.Read(client, sc.ApplicationId)).Completed);
        Assert.Single((await UiFixture.GetString(client, "/api/v1/applications?status=running")).Split("\"id\"")[1..]);
    }

    [Fact]
    public async Task UnreadableLogs_AreListedWithTheirError_AndUnknownAppsAre404()
    {
        File.WriteAllText(Path.Combine(_dir, "local-1"), "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":\"x\"}\n{}\n");
        File.WriteAllText(Path.Combine(_dir, ".hidden"), "ignored");
        using var history = SparkHistoryServer.Start(_dir, port: 0);
        using HttpClient client = UiFixture.Client(history.Url);
        string index = await UiFixture.GetString(client, "/");
        Assert.Contains("malformed event on line 1", index);
        Assert.DoesNotContain(".hidden", index);
        using HttpResponseMessage page = await client.GetAsync("/history/local-1/jobs/");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using HttpResponseMessage api = await client.GetAsync("/api/v1/applications/..%2F..%2Fetc%2Fpasswd/jobs");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public void MissingDirectory_Fails()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SparkHistoryServer.Start(Path.Combine(_dir, "missing"), port: 0));
    }

    private sealed record JsonApp(bool Completed)
    {
        public static async Task<JsonApp> Read(HttpClient client, string appId)
        {
            using var document = System.Text.Json.JsonDocument.Parse(await UiFixture.GetString(client, $"/api/v1/applications/{appId}"));
            return new JsonApp(document.RootElement.GetProperty("attempts")[0].GetProperty("completed").GetBoolean());
        }
    }
}
