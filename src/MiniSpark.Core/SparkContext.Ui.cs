using System.Runtime;
using System.Runtime.InteropServices;
using MiniSpark.Ui;

namespace MiniSpark;

// Observability: the console progress bar, the event log and the web UI, each built only when its setting asks.
public sealed partial class SparkContext
{
    private static long s_lastApplicationMs;
    private ConsoleProgressBar? _progressBar;
    private EventLogWriter? _eventLog;
    private ISparkUi? _ui;

    /// <summary>The web UI's address (e.g. <c>http://127.0.0.1:4040</c>) when <c>spark.ui.enabled</c> is true; null otherwise.</summary>
    /// <remarks>The UI lives in the <c>MiniSpark.UI</c> package; the port is <c>spark.ui.port</c> or the next free one.</remarks>
    public string? UiWebUrl => _ui?.WebUrl;

    /// <summary>The status store behind the web UI; null when the UI is off.</summary>
    internal AppStatusStore? StatusStore { get; private set; }

    /// <summary>The event log's final path (it ends in <c>.inprogress</c> until Stop); null when the log is off.</summary>
    internal string? EventLogPath => _eventLog?.Path;

    /// <summary>Whether the console progress bar runs (asked for, and standard output is a terminal).</summary>
    internal bool HasConsoleProgressBar => _progressBar is not null;

    internal int UiPort { get; private set; }

    internal string UiHost { get; private set; } = "127.0.0.1";

    internal int PortMaxRetries { get; private set; }

    // Distinct ids for contexts created in the same millisecond: event logs and REST paths are named by them.
    private static string NewApplicationId(DateTimeOffset start)
    {
        long wanted = start.ToUnixTimeMilliseconds();
        while (true)
        {
            long last = Volatile.Read(ref s_lastApplicationMs);
            long id = Math.Max(wanted, last + 1);
            if (Interlocked.CompareExchange(ref s_lastApplicationMs, id, last) == last) return $"local-{id}";
        }
    }

    /// <summary>Validates the observability settings, then starts what they ask for.</summary>
    private void StartObservers()
    {
        bool uiEnabled = Conf.GetBool(ConfigKeys.UiEnabled, false);
        bool eventLogEnabled = Conf.GetBool(ConfigKeys.EventLogEnabled, false);
        UiPort = Conf.GetInt(ConfigKeys.UiPort, 4040, 0, 65535);
        UiHost = Conf.Get(ConfigKeys.UiHost, "127.0.0.1");
        PortMaxRetries = Conf.GetInt(ConfigKeys.PortMaxRetries, 16, 0, 1000);
        int retainedJobs = Conf.GetPositiveInt(ConfigKeys.UiRetainedJobs, 1000);
        int retainedStages = Conf.GetPositiveInt(ConfigKeys.UiRetainedStages, 1000);
        int retainedTasks = Conf.GetPositiveInt(ConfigKeys.UiRetainedTasks, 100_000);
        string redaction = Conf.Get(ConfigKeys.RedactionRegex, Redaction.DefaultPattern);
        string eventLogDir = EventLogDirectory(Conf.GetOrNull(ConfigKeys.EventLogDir));

        if (ShowConsoleProgress && !Console.IsOutputRedirected)
        {
            _progressBar = ConsoleProgressBar.ForConsole();
            _listenerBus.AddListener(_progressBar);
        }
        if (!uiEnabled && !eventLogEnabled) return;

        var start = new SparkListenerApplicationStart(ApplicationId, AppName, Environment.UserName, Master) { Time = StartTime };
        var environment = new SparkListenerEnvironmentUpdate(Redaction.Redact(Conf.GetAll(), redaction), RuntimeFacts())
        {
            Time = StartTime,
        };
        // Resolve the UI first: a missing package should fail before anything is written.
        ISparkUiFactory? factory = uiEnabled ? SparkUiRegistry.Resolve() : null;
        if (eventLogEnabled)
        {
            _eventLog = EventLogWriter.Start(eventLogDir, start, environment, CollectRddStorageInfo);
            _listenerBus.AddListener(_eventLog);
        }
        if (factory is not null)
        {
            var store = new AppStatusStore(retainedJobs, retainedStages, retainedTasks, CollectRddStorageInfo);
            store.OnApplicationStart(start);
            store.OnEnvironmentUpdate(environment);
            _listenerBus.AddListener(store);
            StatusStore = store;
            _ui = factory.Start(this, store);
        }
    }

    /// <summary>Stops the UI (freeing its port), closes the event log and erases the progress bar; after the bus drained.</summary>
    private void StopObservers()
    {
        _progressBar?.Dispose();
        _ui?.Dispose();
        _eventLog?.Dispose();
        StatusStore?.OnApplicationEnd(new SparkListenerApplicationEnd());
    }

    private static string EventLogDirectory(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return Path.Combine(Path.GetTempPath(), "spark-events");
        // Spark's settings name directories as URIs (file:/tmp/spark-events); plain paths work too.
        return setting.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(setting, UriKind.Absolute, out Uri? uri)
            ? uri.LocalPath
            : setting;
    }

    private IReadOnlyList<KeyValuePair<string, string>> RuntimeFacts() =>
    [
        new("MiniSpark Version", typeof(SparkContext).Assembly.GetName().Version?.ToString() ?? ""),
        new(".NET Version", RuntimeInformation.FrameworkDescription),
        new("OS", RuntimeInformation.OSDescription),
        new("Architecture", RuntimeInformation.ProcessArchitecture.ToString()),
        new("Processor Count", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Server GC", GCSettings.IsServerGC ? "true" : "false"),
        new("Executor Slots", Slots.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
