namespace MiniSpark.Ui.Pages;

/// <summary>What a page renders: one application's status store, where its pages live, and whether it is a
/// history view (a replayed event log, never refreshed) or the running application.</summary>
/// <param name="Store">The application's status.</param>
/// <param name="BasePath">Prefix of the application's pages: empty for the live UI, <c>/history/&lt;id&gt;</c> for history.</param>
/// <param name="IsHistory">Whether the store is a replayed event log.</param>
internal sealed record UiView(AppStatusStore Store, string BasePath, bool IsHistory)
{
    /// <summary>Whether the page should refresh itself: a live application with running jobs.</summary>
    public bool IsLive => !IsHistory && Store.HasActiveJobs;

    public string AppName => Store.Application?.Name ?? "MiniSpark application";

    public string JobsUrl => BasePath + "/jobs/";

    public string StagesUrl => BasePath + "/stages/";

    public string StorageUrl => BasePath + "/storage/";

    public string EnvironmentUrl => BasePath + "/environment/";

    public string JobUrl(int jobId) => $"{BasePath}/jobs/job/?id={jobId}";

    public string JobDagUrl(int jobId) => $"{BasePath}/jobs/job/dag.svg?id={jobId}";

    public string StageUrl(int stageId, int attempt) => $"{BasePath}/stages/stage/?id={stageId}&attempt={attempt}";
}
