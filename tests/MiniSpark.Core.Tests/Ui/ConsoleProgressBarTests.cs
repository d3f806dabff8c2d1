using MiniSpark.Ui;

namespace MiniSpark.Tests.Ui;

public sealed class ConsoleProgressBarTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StageInfo Stage(int id, int tasks) => new(id, 0, "Count", tasks, false, [], []);

    private static SparkListenerTaskEnd TaskEnd(int stage, int partition, bool ok = true) =>
        new(stage, 0, partition, 0, partition, ok, false, ok ? null : new InvalidOperationException("x"), new TaskMetrics());

    [Fact]
    public void Render_HasSparksShape()
    {
        // Header "[Stage 3:" and tail "(12 + 2) / 40]" take 23 of 33 columns; 12/40 of the 10 left are done.
        Assert.Equal("[Stage 3:===>      (12 + 2) / 40]", ConsoleProgressBar.Render(3, 12, 2, 40, 33));
        Assert.Equal("[Stage 0:========(4 + 0) / 4]", ConsoleProgressBar.Render(0, 4, 0, 4, 29));
        Assert.Equal("[Stage 1:>     (0 + 2) / 8]", ConsoleProgressBar.Render(1, 0, 2, 8, 27));
    }

    [Fact]
    public void Render_TooNarrow_KeepsTheCounts()
    {
        Assert.Equal("[Stage 7:(1 + 1) / 3]", ConsoleProgressBar.Render(7, 1, 1, 3, 10));
    }

    [Fact]
    public void ShortStage_PrintsNothing()
    {
        var output = new StringWriter();
        var time = new FakeTime(T0);
        using var bar = new ConsoleProgressBar(output, time, () => 80, startTimer: false);
        bar.OnJobStart(new SparkListenerJobStart(0, [Stage(0, 4)], null, "Count"));
        bar.OnStageSubmitted(new SparkListenerStageSubmitted(Stage(0, 4)));
        time.Advance(TimeSpan.FromMilliseconds(400));
        bar.Refresh();
        bar.OnStageCompleted(new SparkListenerStageCompleted(Stage(0, 4)));
        bar.OnJobEnd(new SparkListenerJobEnd(0, true, null));
        time.Advance(TimeSpan.FromMilliseconds(400));
        bar.Refresh();
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void LongStage_IsDrawnInPlace_RedrawnOnlyOnChange_AndErasedAtJobEnd()
    {
        var output = new StringWriter();
        var time = new FakeTime(T0);
        using var bar = new ConsoleProgressBar(output, time, () => 40, startTimer: false);
        bar.OnJobStart(new SparkListenerJobStart(0, [Stage(2, 10)], null, "Count"));
        bar.OnStageSubmitted(new SparkListenerStageSubmitted(Stage(2, 10)));
        bar.OnTaskStart(new SparkListenerTaskStart(2, 0, 0, 0, 0));
        bar.OnTaskStart(new SparkListenerTaskStart(2, 0, 1, 0, 1));
        time.Advance(TimeSpan.FromMilliseconds(600));
        bar.Refresh();
        string first = "\r" + ConsoleProgressBar.Render(2, 0, 2, 10, 40);
        Assert.Equal(first, output.ToString());

        bar.Refresh(); // nothing changed: nothing written
        Assert.Equal(first, output.ToString());

        bar.OnTaskEnd(TaskEnd(2, 0));
        bar.OnTaskEnd(TaskEnd(2, 1, ok: false)); // a failed attempt is not progress
        bar.Refresh();
        string second = "\r" + ConsoleProgressBar.Render(2, 1, 0, 10, 40);
        Assert.Equal(first + second, output.ToString());
        Assert.Contains("(1 + 0) / 10]", second);

        bar.OnStageCompleted(new SparkListenerStageCompleted(Stage(2, 10)));
        bar.OnJobEnd(new SparkListenerJobEnd(0, true, null));
        Assert.Equal(first + second + "\r" + new string(' ', 40) + "\r", output.ToString());
    }

    [Fact]
    public void ConcurrentStages_ShareTheWidth()
    {
        var output = new StringWriter();
        var time = new FakeTime(T0);
        using var bar = new ConsoleProgressBar(output, time, () => 80, startTimer: false);
        bar.OnJobStart(new SparkListenerJobStart(0, [Stage(0, 4), Stage(1, 4)], null, "Join"));
        bar.OnStageSubmitted(new SparkListenerStageSubmitted(Stage(0, 4)));
        bar.OnStageSubmitted(new SparkListenerStageSubmitted(Stage(1, 4)));
        time.Advance(TimeSpan.FromSeconds(1));
        bar.Refresh();
        Assert.Equal("\r" + ConsoleProgressBar.Render(0, 0, 0, 4, 40) + ConsoleProgressBar.Render(1, 0, 0, 4, 40), output.ToString());
    }

    [Fact]
    public void RealJob_LongerThanHalfASecond_ShowsItsStage()
    {
        var output = new StringWriter();
        using var sc = new SparkContext("local[2]", "progress");
        using var bar = new ConsoleProgressBar(TextWriter.Synchronized(output), TimeProvider.System, () => 60);
        sc.AddListener(bar);
        sc.Parallelize(Enumerable.Range(0, 8), 8).Map(x =>
        {
            Thread.Sleep(300); // 8 tasks on 2 slots: about 1.2 s, well past the 0.5 s delay
            return x;
        }).Count();
        Assert.True(sc.ListenerBus.WaitUntilEmpty(TimeSpan.FromSeconds(10)));
        string text = output.ToString();
        Assert.Contains("[Stage 0:", text);
        Assert.Contains(") / 8]", text);
        Assert.EndsWith("\r", text); // erased when the job ended
    }

    [Fact]
    public void Context_DrawsOnlyOnATerminal()
    {
        var conf = new SparkConf().SetMaster("local").SetAppName("redirected").Set(ConfigKeys.ShowConsoleProgress, "true");
        using var sc = new SparkContext(conf);
        // Test hosts redirect standard output; a terminal would get the bar.
        Assert.Equal(!Console.IsOutputRedirected, sc.HasConsoleProgressBar);

        using var off = new SparkContext("local", "off");
        Assert.False(off.HasConsoleProgressBar);
    }
}
