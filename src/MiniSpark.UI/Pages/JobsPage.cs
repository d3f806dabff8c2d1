using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>The Jobs tab: a summary of the application and its active, completed and failed jobs, newest first.</summary>
internal static class JobsPage
{
    public static string Render(UiView view)
    {
        AppStatusStore store = view.Store;
        ApplicationSnapshot? app = store.Application;
        IReadOnlyList<JobSnapshot> jobs = store.GetJobs();
        var active = jobs.Where(j => j.Status == JobStatus.Running).ToList();
        var completed = jobs.Where(j => j.Status == JobStatus.Succeeded).ToList();
        var failed = jobs.Where(j => j.Status == JobStatus.Failed).ToList();

        Html summary = Html.Of($"""
            <ul class="summary">
            <li><strong>User:</strong> {app?.User}</li>
            <li><strong>Started:</strong> {Format.Date(app?.StartTime)}</li>
            <li><strong>Total Uptime:</strong> {Format.Duration(app?.StartTime, app?.EndTime ?? (view.IsHistory ? app?.LastUpdated : null))}</li>
            <li><strong>Scheduling Mode:</strong> FIFO</li>
            <li><a href="#active">Active Jobs:</a> <span id="active-count">{active.Count}</span></li>
            <li><a href="#completed">Completed Jobs:</a> <span id="completed-count">{completed.Count}</span></li>
            <li><a href="#failed">Failed Jobs:</a> <span id="failed-count">{failed.Count}</span></li>
            </ul>
            """);
        Html content = Html.Of($"""
            {summary}
            <h2 id="active">Active Jobs ({active.Count})</h2>
            {JobTable(view, active, "active-jobs")}
            <h2 id="completed">Completed Jobs ({completed.Count})</h2>
            {JobTable(view, completed, "completed-jobs")}
            <h2 id="failed">Failed Jobs ({failed.Count})</h2>
            {JobTable(view, failed, "failed-jobs")}
            """);
        return Layout.Render(view, "MiniSpark Jobs", Layout.Tab.Jobs, content);
    }

    public static Html JobTable(UiView view, IReadOnlyList<JobSnapshot> jobs, string cssClass)
    {
        Html[] rows = [.. jobs.Select(job =>
        {
            Html group = job.JobGroup is null ? Html.Empty : Html.Of($" <span class=\"job-group\">({job.JobGroup})</span>");
            Html failure = job.FailureReason is null ? Html.Empty : Html.Of($"<div class=\"failure\">{job.FailureReason}</div>");
            int totalStages = job.StageIds.Count - job.NumSkippedStages;
            return Html.Of($"""
                <tr class="job-row" data-job-id="{job.JobId}">
                <td>{job.JobId}{group}</td>
                <td><span class="description">{job.Description}</span><a class="name-link" href="{view.JobUrl(job.JobId)}">{job.Name}</a>{failure}</td>
                <td>{Format.Date(job.SubmissionTime)}</td>
                <td>{Format.Duration(job.SubmissionTime, job.CompletionTime)}</td>
                <td>{Layout.ProgressBar(job.NumCompletedStages, job.NumActiveStages, totalStages, job.NumFailedStages, skipped: job.NumSkippedStages)}</td>
                <td>{Layout.ProgressBar(job.NumCompletedTasks, job.NumActiveTasks, job.NumTasks - job.NumSkippedTasks, job.NumFailedTasks, job.NumKilledTasks, job.NumSkippedTasks)}</td>
                </tr>
                """);
        })];
        return Layout.Table(cssClass,
            ["Job Id (Job Group)", "Description", "Submitted", "Duration", "Stages: Succeeded/Total", "Tasks (for all stages): Succeeded/Total"],
            rows);
    }
}
