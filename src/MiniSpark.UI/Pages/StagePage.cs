using MiniSpark.Ui.Dag;
using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>One stage attempt: totals, its DAG, quantiles of its tasks' metrics, and every task.</summary>
internal static class StagePage
{
    // The page shows min, quartiles and max, like Spark's "Summary Metrics".
    private static readonly double[] Quantiles = [0, 0.25, 0.5, 0.75, 1];

    public static string Render(UiView view, int stageId, int attempt)
    {
        StageSnapshot? stage = view.Store.GetStage(stageId, attempt);
        if (stage is null) return Layout.NotFound(view, $"No attempt {attempt} of stage {stageId} (it never ran, or is no longer retained).");
        MetricValues t = stage.Totals;
        IEnumerable<Html> jobLinks = stage.JobIds.Select(id => Html.Of($"<a href=\"{view.JobUrl(id)}\">{id}</a> "));
        Html failure = stage.FailureReason is null ? Html.Empty : Html.Of($"<li class=\"failure\"><strong>Failure Reason:</strong> {stage.FailureReason}</li>");
        IReadOnlyList<TaskSnapshot> tasks = view.Store.GetTasks(stageId, attempt);
        TaskSummary summary = view.Store.GetTaskSummary(stageId, attempt, Quantiles) ?? TaskSummary.Empty(Quantiles);
        Html content = Html.Of($"""
            <p class="stage-name">{stage.Name}</p>
            <ul class="summary">
            <li><strong>Status:</strong> <span class="status">{stage.Status.ToString().ToUpperInvariant()}</span></li>
            <li><strong>Total Time Across All Tasks:</strong> {Format.Duration(t.DurationMs)}</li>
            <li><strong>Records Read:</strong> {Format.Count(t.RecordsRead)}</li>
            <li><strong>Records Written:</strong> {Format.Count(t.RecordsWritten)}</li>
            <li><strong>Shuffle Read:</strong> {Format.Bytes(t.ShuffleBytesRead)}</li>
            <li><strong>Shuffle Write:</strong> {Format.Bytes(t.ShuffleBytesWritten)}</li>
            <li><strong>Spill (Memory):</strong> {Format.Bytes(t.MemoryBytesSpilled)}</li>
            <li><strong>Spill (Disk):</strong> {Format.Bytes(t.DiskBytesSpilled)}</li>
            <li><strong>Associated Job Ids:</strong> {jobLinks}</li>
            {failure}
            </ul>
            <h2>DAG Visualization</h2>
            <div class="dag-container">{Html.Trusted(DagSvg.Render([stage], null, standalone: false, JobPage.CachedIds(view)))}</div>
            <h2>Summary Metrics for {summary.TaskCount} Completed Tasks</h2>
            {SummaryTable(summary)}
            <h2>Tasks ({tasks.Count})</h2>
            {TaskTable(tasks)}
            """);
        string title = $"Details for Stage {stageId} (Attempt {attempt})";
        return Layout.Render(view, title, Layout.Tab.Stages, content);
    }

    private static Html SummaryTable(TaskSummary summary)
    {
        if (summary.TaskCount == 0) return Html.Of($"<p class=\"empty\">No completed tasks yet.</p>");
        Html Row(string metric, double[] values, Func<double, string> format) =>
            Html.Of($"<tr><td>{metric}</td>{values.Select(v => Html.Of($"<td>{format(v)}</td>"))}</tr>");
        Html[] rows =
        [
            Row("Duration", summary.Duration, Format.Duration),
            Row("Records Read", summary.RecordsRead, v => Format.Count((long)v)),
            Row("Records Written", summary.RecordsWritten, v => Format.Count((long)v)),
            Row("Shuffle Read Size", summary.ShuffleBytesRead, Format.Bytes),
            Row("Shuffle Write Size", summary.ShuffleBytesWritten, Format.Bytes),
            Row("Spill (Memory)", summary.MemoryBytesSpilled, Format.Bytes),
            Row("Spill (Disk)", summary.DiskBytesSpilled, Format.Bytes),
            Row("Peak Execution Memory", summary.PeakExecutionMemory, Format.Bytes),
        ];
        return Layout.Table("task-summary", ["Metric", "Min", "25th percentile", "Median", "75th percentile", "Max"], rows);
    }

    private static Html TaskTable(IReadOnlyList<TaskSnapshot> tasks)
    {
        Html[] rows = [.. tasks.Select(task =>
        {
            MetricValues m = task.Metrics ?? default;
            string duration = task.Metrics is null ? Format.Duration(task.LaunchTime, null) : Format.Duration(m.DurationMs);
            return Html.Of($"""
                <tr class="task-row task-{task.Status.ToString().ToLowerInvariant()}">
                <td>{task.Index}</td><td>{task.TaskId}</td><td>{task.Attempt}</td><td>{task.Status.ToString().ToUpperInvariant()}</td>
                <td>{Format.Date(task.LaunchTime)}</td><td>{duration}</td>
                <td>{Format.Count(m.RecordsRead)}</td><td>{Format.Count(m.RecordsWritten)}</td>
                <td>{Format.Bytes(m.ShuffleBytesRead)}</td><td>{Format.Bytes(m.ShuffleBytesWritten)}</td>
                <td>{Format.Bytes(m.MemoryBytesSpilled)}</td><td>{Format.Bytes(m.DiskBytesSpilled)}</td>
                <td class="error-message">{task.ErrorMessage}</td>
                </tr>
                """);
        })];
        return Layout.Table("tasks",
            ["Index", "Task ID", "Attempt", "Status", "Launch Time", "Duration", "Records Read", "Records Written", "Shuffle Read",
                "Shuffle Write", "Spill (Memory)", "Spill (Disk)", "Errors"], rows, "No tasks have started.");
    }
}
