using MiniSpark.Internal;
using MiniSpark.Listeners;
using MiniSpark.Rdds;
using MiniSpark.Scheduling;
using MiniSpark.Shuffle;
using MiniSpark.Storage;

namespace MiniSpark;

/// <summary>The entry point: creates datasets and runs their jobs on this process's cores.</summary>
/// <remarks>
/// <para>A context owns a DAG scheduler (one event thread), an executor with as many slots as the master says,
/// and a listener bus. Several contexts may live in one process; each is independent.</para>
/// <para>Jobs may be submitted from many threads at once. <see cref="Stop"/> (or <see cref="Dispose"/>)
/// cancels running jobs and releases threads and temporary files; it is idempotent.</para>
/// </remarks>
public sealed partial class SparkContext : IDisposable
{
    private readonly DagScheduler _dagScheduler;
    private readonly ListenerBus _listenerBus;
    private readonly LocalDirectory _localDirectory;
    private readonly AsyncLocal<JobProperties?> _jobProperties = new();
    private int _nextRddId;
    private int _nextShuffleId;
    private int _stopped;

    /// <summary>Creates a context with <paramref name="master"/> (e.g. <c>local[*]</c>) and <paramref name="appName"/>.</summary>
    public SparkContext(string master, string appName)
        : this(new SparkConf().SetMaster(master).SetAppName(appName)) { }

    /// <summary>Creates a context from <paramref name="conf"/>, which must set a master.</summary>
    /// <exception cref="ArgumentException">The master or a setting is invalid; the message names it.</exception>
    public SparkContext(SparkConf conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        Conf = conf.Clone();
        string master = Conf.GetOrNull(SparkConf.MasterKey)
            ?? throw new ArgumentException($"A master URL must be set ('{SparkConf.MasterKey}'), e.g. SetMaster(\"local[*]\").", nameof(conf));
        MasterUrl url = MasterUrl.Parse(master);
        Master = master;
        AppName = Conf.Get(SparkConf.AppNameKey, "MiniSpark application");

        DefaultParallelism = Conf.GetPositiveInt(ConfigKeys.DefaultParallelism, url.Slots);
        MaxTaskFailures = Conf.GetPositiveInt(ConfigKeys.TaskMaxFailures, url.MaxFailures ?? 1);
        MemoryMaxBytes = Conf.GetBytes(ConfigKeys.MemoryMaxBytes, DefaultMemoryBytes());
        MemoryStorageFraction = Conf.GetDouble(ConfigKeys.MemoryStorageFraction, 0.5, 0, 1);
        ShowConsoleProgress = Conf.GetBool(ConfigKeys.ShowConsoleProgress, false);
        _localDirectory = new LocalDirectory(Conf.GetOrNull(ConfigKeys.LocalDir));

        StartTime = DateTimeOffset.UtcNow;
        ApplicationId = NewApplicationId(StartTime);
        MapOutputs = new MapOutputTracker();
        Memory = new MemoryManager(MemoryMaxBytes, MemoryStorageFraction);
        BlockManager = new BlockManager(Memory, () => LocalDirectoryPath);
        Cleaner = new ContextCleaner(MapOutputs, BlockManager);
        _listenerBus = new ListenerBus();
        var schedulerOptions = new SchedulerOptions
        {
            Speculation = Conf.GetBool(ConfigKeys.Speculation, false),
            SpeculationInterval = Conf.GetDuration(ConfigKeys.SpeculationInterval, TimeSpan.FromMilliseconds(100)),
            SpeculationQuantile = Conf.GetDouble(ConfigKeys.SpeculationQuantile, 0.75, 0, 1),
            SpeculationMultiplier = Conf.GetDouble(ConfigKeys.SpeculationMultiplier, 1.5, 1, double.MaxValue),
            SpeculationMinRuntime = Conf.GetDuration(ConfigKeys.SpeculationMinTaskRuntime, TimeSpan.FromMilliseconds(100)),
            SkipBadRecords = Conf.GetNonNegativeInt(ConfigKeys.SkipBadRecords, 0),
        };
        _dagScheduler = new DagScheduler(new LocalTaskScheduler(url.Slots, MaxTaskFailures, Memory, schedulerOptions), MapOutputs,
            _listenerBus);
        Slots = url.Slots;
        try
        {
            StartObservers();
        }
        catch
        {
            Stop(); // release the threads and files started above
            throw;
        }
    }

    /// <summary>A copy of the settings this context was created with.</summary>
    public SparkConf Conf { get; }

    /// <summary>The master URL.</summary>
    public string Master { get; }

    /// <summary>The application name.</summary>
    public string AppName { get; }

    /// <summary>Identifies this application (<c>local-&lt;start time in ms&gt;</c>), as in Spark's UI and REST API.</summary>
    public string ApplicationId { get; }

    /// <summary>When the context was created.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>Partitions used when an operation is not told how many: <c>spark.default.parallelism</c>, else the slots.</summary>
    public int DefaultParallelism { get; }

    /// <summary>Executor slots: tasks that run at once.</summary>
    public int Slots { get; }

    /// <summary>Whether <see cref="Stop"/> has been called.</summary>
    public bool IsStopped => Volatile.Read(ref _stopped) != 0;

    internal int MaxTaskFailures { get; }

    internal long MemoryMaxBytes { get; }

    internal double MemoryStorageFraction { get; }

    internal bool ShowConsoleProgress { get; }

    internal MapOutputTracker MapOutputs { get; }

    internal ContextCleaner Cleaner { get; }

    internal MemoryManager Memory { get; }

    internal BlockManager BlockManager { get; }

    internal DagScheduler DagScheduler => _dagScheduler;

    internal ListenerBus ListenerBus => _listenerBus;

    /// <summary>Scratch space for spills and disk blocks (<c>spark.local.dir</c>), created on first use.</summary>
    internal string LocalDirectoryPath => _localDirectory.Path;

    internal int NewRddId() => Interlocked.Increment(ref _nextRddId) - 1;

    internal int NewShuffleId() => Interlocked.Increment(ref _nextShuffleId) - 1;

    internal void ThrowIfStopped() => ObjectDisposedException.ThrowIf(IsStopped, this);

    private static long DefaultMemoryBytes() => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.6);

    /// <summary>Registers a listener for scheduler events.</summary>
    public void AddListener(ISparkListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listenerBus.AddListener(listener);
    }

    /// <summary>Unregisters a listener added with <see cref="AddListener"/>.</summary>
    public void RemoveListener(ISparkListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listenerBus.RemoveListener(listener);
    }

    /// <summary>Puts jobs started from this async flow (thread or task) into <paramref name="groupId"/>, so they
    /// can be cancelled together with <see cref="CancelJobGroup"/>.</summary>
    public void SetJobGroup(string groupId, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        _jobProperties.Value = new JobProperties(groupId, description);
    }

    /// <summary>Ends the job group set with <see cref="SetJobGroup"/> for this async flow.</summary>
    public void ClearJobGroup() => _jobProperties.Value = null;

    /// <summary>Cancels every active job of <paramref name="groupId"/>; their actions throw <see cref="OperationCanceledException"/>.</summary>
    public void CancelJobGroup(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ThrowIfStopped();
        _dagScheduler.CancelJobGroup(groupId);
    }

    /// <summary>Cancels every active job; their actions throw <see cref="OperationCanceledException"/>.</summary>
    public void CancelAllJobs()
    {
        ThrowIfStopped();
        _dagScheduler.CancelAllJobs("all jobs were cancelled (CancelAllJobs)");
    }

    /// <summary>Runs <paramref name="func"/> over <paramref name="partitions"/> (all when null) and returns the
    /// per-partition results in the order of <paramref name="partitions"/>.</summary>
    internal Task<U[]> RunJobAsync<T, U>(Rdd<T> rdd, Func<TaskContext, IEnumerable<T>, U> func, IReadOnlyList<int>? partitions,
        string callSite, CancellationToken cancellationToken)
    {
        ThrowIfStopped();
        if (!ReferenceEquals(rdd.Context, this))
            throw new InvalidOperationException($"{rdd} belongs to another SparkContext.");
        Cleaner.Sweep();
        IReadOnlyList<int> targets = partitions ?? [.. Enumerable.Range(0, rdd.NumPartitions)];
        JobProperties properties = _jobProperties.Value ?? new JobProperties(null, null);
        return _dagScheduler.SubmitJob(rdd, func, targets, callSite, properties, cancellationToken).Task;
    }

    /// <summary>Blocking form of <see cref="RunJobAsync{T,U}"/>; rethrows the job's exception itself, not an AggregateException.</summary>
    internal U[] RunJob<T, U>(Rdd<T> rdd, Func<TaskContext, IEnumerable<T>, U> func, IReadOnlyList<int>? partitions, string callSite) =>
        RunJobAsync(rdd, func, partitions, callSite, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Cancels running jobs, stops the executor and the listener bus, stops the web UI (freeing its port),
    /// closes the event log, and removes temporary files. Idempotent.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        _dagScheduler.Dispose();
        _listenerBus.Dispose();
        StopObservers();
        _localDirectory.Dispose();
    }

    /// <summary>Calls <see cref="Stop"/>.</summary>
    public void Dispose() => Stop();
}
