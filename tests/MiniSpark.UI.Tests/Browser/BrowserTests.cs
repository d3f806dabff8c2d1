using MiniSpark.Ui.Tests;

namespace MiniSpark.Ui.Tests.Browser;

/// <summary>The jobs page in a real browser while a job runs: what a person would see, a screenshot kept as an
/// artifact, and the page updating itself when the job ends.</summary>
public sealed class BrowserTests
{
    /// <summary>A job whose tasks wait for the test: 2 of its 6 tasks run (2 slots), the rest queue.</summary>
    private sealed class BlockedJob : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public BlockedJob(SparkContext sc)
        {
            sc.SetJobGroup("browser-test", "Counting <b>words</b> while you watch");
            Task = sc.Parallelize(Enumerable.Range(0, 6), 6).SetName("words").Map(x =>
            {
                _release.Wait();
                return (x % 2, x);
            }).ReduceByKey((a, b) => a + b, 2).CountAsync();
            sc.ClearJobGroup();
            UiFixture.WaitUntil(() => sc.StatusStore!.GetJobs().FirstOrDefault()?.NumActiveTasks == 2, "two running tasks");
        }

        public Task<long> Task { get; }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }

    [Fact]
    public async Task JobsPage_WhileAJobRuns_ShowsItAsAPersonWouldSeeIt()
    {
        using SparkContext sc = UiFixture.Start("browser <i>test</i>");
        using var job = new BlockedJob(sc);
        string url = sc.UiWebUrl + "/jobs/";

        string dom = await Chromium.DumpDom(url);
        string text = Chromium.VisibleText(dom);
        Assert.Contains("MiniSpark Jobs", text);
        Assert.Contains("Active Jobs (1)", text);
        Assert.Contains("Completed Jobs (0)", text);
        Assert.Contains("Counting <b>words</b> while you watch", text); // shown as text...
        Assert.DoesNotContain("<b>words</b>", dom);                     // ...never as markup
        Assert.Contains("(browser-test)", text);
        Assert.Contains("0/2 (1 running)", text); // stages: the map stage runs, the result stage waits
        Assert.Contains("0/8 (2 running)", text); // tasks: 6 map tasks and 2 reduce tasks, 2 slots busy
        Assert.Contains("browser <i>test</i> application UI", text);
        Assert.Contains("data-live=\"true\"", dom);

        string screenshot = Path.Combine(Chromium.ArtifactsDirectory, "jobs-page-running.png");
        await Chromium.Screenshot(url, screenshot);
        Assert.True(Chromium.IsPng(screenshot), $"{screenshot} is not a PNG with content.");

        job.Release();
        Assert.Equal(2, await job.Task);
        UiFixture.Drain(sc);
        string after = Chromium.VisibleText(await Chromium.DumpDom(url));
        Assert.Contains("Active Jobs (0)", after);
        Assert.Contains("Completed Jobs (1)", after);
        Assert.Contains("2/2", after);
        Assert.Contains("8/8", after);
        await Chromium.Screenshot(url, Path.Combine(Chromium.ArtifactsDirectory, "jobs-page-completed.png"));
    }

    [Fact]
    public async Task JobsPage_RefreshesItselfWhenTheJobEnds()
    {
        using SparkContext sc = UiFixture.Start("live refresh");
        using var job = new BlockedJob(sc);
        await using ChromiumSession browser = await ChromiumSession.Open();
        await browser.Navigate(sc.UiWebUrl + "/jobs/");
        Assert.Equal("1", (await browser.Evaluate("document.getElementById('active-count').textContent"))!.GetValue<string>());
        // Mark the document: a reload would lose the mark, a live refresh keeps it.
        await browser.Evaluate("window.minisparkMark = 42");

        job.Release();
        await job.Task;
        await browser.WaitFor("document.getElementById('completed-count').textContent === '1'", TimeSpan.FromSeconds(30));
        Assert.Equal("0", (await browser.Evaluate("document.getElementById('active-count').textContent"))!.GetValue<string>());
        Assert.Equal(42, (await browser.Evaluate("window.minisparkMark"))!.GetValue<int>());
        // The job is over: the page stops refreshing.
        await browser.WaitFor("document.body.getAttribute('data-live') === 'false'", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task HostileNames_RenderAsText_AndNoScriptRuns()
    {
        using SparkContext sc = UiFixture.Start("<script>alert('app')</script>");
        sc.SetJobGroup("<script>alert('group')</script>", "<img src=x onerror=alert('description')>");
        Rdd<int> data = UiFixture.KeepAlive(sc, sc.Parallelize(Enumerable.Range(0, 10), 2).SetName("<script>alert(1)</script>").Cache());
        data.Count();
        sc.ClearJobGroup();
        UiFixture.Drain(sc);

        foreach (string page in new[] { "/jobs/", "/jobs/job/?id=0", "/stages/", "/stages/stage/?id=0&attempt=0", "/storage/" })
        {
            string dom = await Chromium.DumpDom(sc.UiWebUrl + page);
            // The only script element is the UI's own file; no injected element or handler made it into the DOM.
            Assert.Equal(1, CountOccurrences(dom, "<script"));
            Assert.Contains("<script src=\"/static/ui.js\" defer=\"\"></script>", dom);
            Assert.DoesNotContain("<img", dom);
            Assert.DoesNotContain("onerror=\"", dom);
            Assert.Contains("&lt;script&gt;alert(", dom);
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
