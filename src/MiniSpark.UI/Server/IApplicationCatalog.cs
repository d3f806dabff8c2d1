namespace MiniSpark.Ui.Server;

/// <summary>The applications a server shows: the running one (live UI) or those of an event log directory (history).</summary>
internal interface IApplicationCatalog
{
    /// <summary>Whether the applications are replayed event logs.</summary>
    bool IsHistory { get; }

    /// <summary>Every application, newest first.</summary>
    IReadOnlyList<AppStatusStore> Applications { get; }

    /// <summary>The application with id <paramref name="appId"/>, or null.</summary>
    AppStatusStore? Find(string appId);
}

/// <summary>The one running application of a context.</summary>
internal sealed class LiveCatalog(AppStatusStore store) : IApplicationCatalog
{
    public bool IsHistory => false;

    public IReadOnlyList<AppStatusStore> Applications => [store];

    public AppStatusStore? Find(string appId) => store.Application?.Id == appId ? store : null;
}
