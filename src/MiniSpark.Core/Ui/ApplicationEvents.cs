namespace MiniSpark.Ui;

/// <summary>Receives the application-level events that the scheduler never posts: the context's start and end,
/// its settings, and what its persisted datasets hold. The event log writes them; its reader and the status
/// store consume them.</summary>
internal interface IApplicationEventListener
{
    void OnApplicationStart(SparkListenerApplicationStart applicationStart);

    void OnApplicationEnd(SparkListenerApplicationEnd applicationEnd);

    void OnEnvironmentUpdate(SparkListenerEnvironmentUpdate environmentUpdate);

    void OnStorageSnapshot(StorageSnapshotEvent storageSnapshot);
}

/// <summary>The context started (Spark's event of the same name).</summary>
internal sealed record SparkListenerApplicationStart(string AppId, string AppName, string User, string Master) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) =>
        (listener as IApplicationEventListener)?.OnApplicationStart(this);
}

/// <summary>The context stopped.</summary>
internal sealed record SparkListenerApplicationEnd : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) =>
        (listener as IApplicationEventListener)?.OnApplicationEnd(this);
}

/// <summary>The context's settings (secrets already redacted) and facts about the runtime it runs on.</summary>
internal sealed record SparkListenerEnvironmentUpdate(
    IReadOnlyList<KeyValuePair<string, string>> SparkProperties,
    IReadOnlyList<KeyValuePair<string, string>> RuntimeInformation) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) =>
        (listener as IApplicationEventListener)?.OnEnvironmentUpdate(this);
}

/// <summary>What every persisted dataset held at one moment; the event log records one after each job so that
/// a history view can show the storage page as it was.</summary>
internal sealed record StorageSnapshotEvent(IReadOnlyList<RddStorageInfo> Rdds) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) =>
        (listener as IApplicationEventListener)?.OnStorageSnapshot(this);
}
