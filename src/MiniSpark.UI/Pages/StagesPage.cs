using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>The Stages tab: active, pending, completed, skipped and failed stages, newest first.</summary>
internal static class StagesPage
{
    private static readonly (StageStatus Status, string Title, string Id)[] Sections =
    [
        (StageStatus.Active, "Active Stages", "active"),
        (StageStatus.Pending, "Pending Stages", "pending"),
        (StageStatus.Complete, "Completed Stages", "completed"),
        (StageStatus.Skipped, "Skipped Stages", "skipped"),
        (StageStatus.Failed, "Failed Stages", "failed"),
    ];

    public static string Render(UiView view) =>
        Layout.Render(view, "Stages for All Jobs", Layout.Tab.Stages, Sectioned(view, view.Store.GetStages()));

    /// <summary>One table per status that has stages (active and completed always shown).</summary>
    public static Html Sectioned(UiView view, IReadOnlyList<StageSnapshot> stages)
    {
        var sections = new List<Html>();
        foreach ((StageStatus status, string title, string id) in Sections)
        {
            var matching = stages.Where(s => s.Status == status).ToList();
            if (matching.Count == 0 && status is not (StageStatus.Active or StageStatus.Complete)) continue;
            sections.Add(Html.Of($"<h2 id=\"{id}\">{title} ({matching.Count})</h2>{StageTable(view, matching, id + "-stages")}"));
        }
        return Html.Join(sections);
    }

    public static Html StageTable(UiView view, IReadOnlyList<StageSnapshot> stages, string cssClass)
    {
        bool failures = stages.Any(s => s.FailureReason is not null);
        Html[] rows = [.. stages.Select(stage =>
        {
            Html attempt = stage.AttemptId > 0 ? Html.Of($" (retry {stage.AttemptId})") : Html.Empty;
            Html name = stage.Status is StageStatus.Pending or StageStatus.Skipped
                ? Html.Of($"<span class=\"name\">{stage.Name}</span>")
                : Html.Of($"<a class=\"name-link\" href=\"{view.StageUrl(stage.StageId, stage.AttemptId)}\">{stage.Name}</a>");
            Html failure = failures ? Html.Of($"<td class=\"failure\">{stage.FailureReason}</td>") : Html.Empty;
            MetricValues t = stage.Totals;
            return Html.Of($"""
                <tr class="stage-row" data-stage-id="{stage.StageId}">
                <td>{stage.StageId}{attempt}</td>
                <td>{name}</td>
                <td>{Format.Date(stage.SubmissionTime)}</td>
                <td>{(stage.SubmissionTime is null ? "Unknown" : Format.Duration(stage.SubmissionTime, stage.CompletionTime))}</td>
                <td>{Layout.ProgressBar(stage.NumCompleteTasks, stage.NumActiveTasks, stage.NumTasks, stage.NumFailedTasks, stage.NumKilledTasks)}</td>
                <td>{Format.Count(t.RecordsRead)}</td>
                <td>{Format.Count(t.RecordsWritten)}</td>
                <td>{Format.Bytes(t.ShuffleBytesRead)}</td>
                <td>{Format.Bytes(t.ShuffleBytesWritten)}</td>
                {failure}
                </tr>
                """);
        })];
        string[] headers = ["Stage Id", "Description", "Submitted", "Duration", "Tasks: Succeeded/Total", "Records Read",
            "Records Written", "Shuffle Read", "Shuffle Write"];
        return Layout.Table(cssClass, failures ? [.. headers, "Failure Reason"] : headers, rows);
    }
}
