using System.Text;

namespace MiniSpark.Ui;

/// <summary>Spark's console progress bar (<c>spark.ui.showConsoleProgress</c>): <c>[Stage 3:=====>   (12 + 2) / 40]</c>,
/// redrawn in place with a carriage return.</summary>
/// <remarks>
/// <para>Listener events keep per-stage counts; a timer (every 200 ms) draws the stages that have run longer than
/// 500 ms, at most three side by side, sharing the terminal's width. A line is redrawn only when it changed (or a
/// minute passed), and erased when the last job ends, so a short job prints nothing at all.</para>
/// <para>The context creates it only when standard output is a terminal (<see cref="Console.IsOutputRedirected"/> is
/// false). Tests inject the writer, the clock and the width, and call <see cref="Refresh"/> themselves.</para>
/// </remarks>
internal sealed class ConsoleProgressBar : ISparkListener, IDisposable
{
    public static readonly TimeSpan UpdatePeriod = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RedrawAnyway = TimeSpan.FromMinutes(1);
    private const int MaxStagesShown = 3;

    private readonly Lock _lock = new();
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly Func<int> _width;
    private readonly ITimer? _timer;
    private readonly SortedDictionary<(int StageId, int Attempt), StageProgress> _stages = [];
    private int _activeJobs;
    private string _lastLine = "";
    private DateTimeOffset _lastDrawn;
    private bool _disposed;

    /// <param name="output">Where to draw.</param>
    /// <param name="time">The clock (and the timer's source).</param>
    /// <param name="width">The terminal's width in characters.</param>
    /// <param name="startTimer">False in tests, which call <see cref="Refresh"/>.</param>
    public ConsoleProgressBar(TextWriter output, TimeProvider time, Func<int> width, bool startTimer = true)
    {
        _output = output;
        _time = time;
        _width = width;
        if (startTimer) _timer = time.CreateTimer(_ => Refresh(), null, UpdatePeriod, UpdatePeriod);
    }

    /// <summary>For the console: the terminal's width from <c>COLUMNS</c>, else the window's, else 80.</summary>
    public static ConsoleProgressBar ForConsole() => new(Console.Out, TimeProvider.System, TerminalWidth);

    private static int TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 0) return columns;
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : 80;
        }
        catch (Exception error) when (error is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }

    public void OnJobStart(SparkListenerJobStart jobStart)
    {
        lock (_lock) _activeJobs++;
    }

    public void OnJobEnd(SparkListenerJobEnd jobEnd)
    {
        lock (_lock)
        {
            _activeJobs = Math.Max(0, _activeJobs - 1);
            if (_activeJobs == 0)
            {
                _stages.Clear();
                Erase();
            }
        }
    }

    public void OnStageSubmitted(SparkListenerStageSubmitted stageSubmitted)
    {
        StageInfo info = stageSubmitted.StageInfo;
        lock (_lock) _stages[(info.StageId, info.AttemptNumber)] = new StageProgress(info.StageId, info.NumTasks, _time.GetUtcNow());
    }

    public void OnStageCompleted(SparkListenerStageCompleted stageCompleted)
    {
        StageInfo info = stageCompleted.StageInfo;
        lock (_lock) _stages.Remove((info.StageId, info.AttemptNumber));
    }

    public void OnTaskStart(SparkListenerTaskStart taskStart)
    {
        lock (_lock)
        {
            if (_stages.TryGetValue((taskStart.StageId, taskStart.StageAttemptNumber), out StageProgress? stage)) stage.Active++;
        }
    }

    public void OnTaskEnd(SparkListenerTaskEnd taskEnd)
    {
        lock (_lock)
        {
            if (!_stages.TryGetValue((taskEnd.StageId, taskEnd.StageAttemptNumber), out StageProgress? stage)) return;
            stage.Active = Math.Max(0, stage.Active - 1);
            if (taskEnd.Successful) stage.Completed++;
        }
    }

    /// <summary>Draws the stages running longer than <see cref="FirstDelay"/>; the timer calls it.</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            if (_disposed) return;
            DateTimeOffset now = _time.GetUtcNow();
            var shown = _stages.Values.Where(s => now - s.SubmittedAt >= FirstDelay).Take(MaxStagesShown).ToList();
            if (shown.Count == 0) return;
            int width = Math.Max(1, _width() / shown.Count);
            var line = new StringBuilder();
            foreach (StageProgress stage in shown) line.Append(Render(stage.StageId, stage.Completed, stage.Active, stage.Total, width));
            string text = line.ToString();
            if (text == _lastLine && now - _lastDrawn < RedrawAnyway) return;
            _output.Write('\r' + text);
            _output.Flush();
            _lastLine = text;
            _lastDrawn = now;
        }
    }

    /// <summary>One stage's bar in <paramref name="width"/> characters, as Spark draws it.</summary>
    public static string Render(int stageId, int completed, int active, int total, int width)
    {
        string header = $"[Stage {stageId}:";
        string tailer = $"({completed} + {active}) / {total}]";
        int barWidth = width - header.Length - tailer.Length;
        if (barWidth <= 0) return header + tailer;
        var bar = new StringBuilder(barWidth);
        int done = total > 0 ? (int)((long)barWidth * Math.Min(completed, total) / total) : 0;
        for (int i = 0; i < barWidth; i++) bar.Append(i < done ? '=' : i == done ? '>' : ' ');
        return header + bar + tailer;
    }

    private void Erase()
    {
        if (_lastLine.Length == 0) return;
        _output.Write('\r' + new string(' ', _lastLine.Length) + '\r');
        _output.Flush();
        _lastLine = "";
    }

    /// <summary>Stops the timer and erases the bar.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            Erase();
            _disposed = true;
        }
    }

    private sealed class StageProgress(int stageId, int total, DateTimeOffset submittedAt)
    {
        public int StageId { get; } = stageId;
        public int Total { get; } = total;
        public DateTimeOffset SubmittedAt { get; } = submittedAt;
        public int Active { get; set; }
        public int Completed { get; set; }
    }
}
