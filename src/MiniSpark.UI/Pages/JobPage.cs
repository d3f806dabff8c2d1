using MiniSpark.Ui.Dag;
using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>One job: its status, the DAG of its stages and datasets, and its stages by status.</summary>
internal static class JobPage
{
    public static string Render(UiView view, int jobId)
    {
        JobSnapshot? job = view.Store.GetJob(jobId);
        if (job is null) return Layout.NotFound(view, $"No job with id {jobId} (it never ran, or is no longer retained).");
        IReadOnlyList<StageSnapshot> stages = view.Store.GetJobStages(jobId);
        Html group = job.JobGroup is null ? Html.Empty : Html.Of($"<li><strong>Job Group:</strong> {job.JobGroup}</li>");
        Html failure = job.FailureReason is null ? Html.Empty : Html.Of($"<li class=\"failure\"><strong>Failure:</strong> {job.FailureReason}</li>");
        string dag = DagSvg.Render(stages, view.StageUrl, standalone: false, CachedIds(view));
        Html content = Html.Of($"""
            <ul class="summary">
            <li><strong>Status:</strong> <span class="status status-{job.Status.ToString().ToLowerInvariant()}">{job.Status.ToString().ToUpperInvariant()}</span></li>
            <li><strong>Description:</strong> {job.Description}</li>
            <li><strong>Submitted:</strong> {Format.Date(job.SubmissionTime)}</li>
            <li><strong>Duration:</strong> {Format.Duration(job.SubmissionTime, job.CompletionTime)}</li>
            {group}{failure}
            <li><strong>Completed Stages:</strong> {job.NumCompletedStages}</li>
            <li><strong>Skipped Stages:</strong> {job.NumSkippedStages}</li>
            </ul>
            <h2>DAG Visualization</h2>
            <div class="dag-container">{Html.Trusted(dag)}</div>
            <p class="dag-link"><a href="{view.JobDagUrl(jobId)}">Open the drawing as SVG</a></p>
            {StagesPage.Sectioned(view, stages)}
            """);
        return Layout.Render(view, $"Details for Job {jobId}", Layout.Tab.Jobs, content);
    }

    /// <summary>The job's DAG as a standalone SVG file; null when the job is unknown.</summary>
    public static string? Svg(UiView view, int jobId) =>
        view.Store.GetJob(jobId) is null ? null : DagSvg.Render(view.Store.GetJobStages(jobId), view.StageUrl, standalone: true, CachedIds(view));

    internal static HashSet<int> CachedIds(UiView view) => [.. view.Store.Storage.Where(r => r.CachedPartitions > 0).Select(r => r.RddId)];
}
