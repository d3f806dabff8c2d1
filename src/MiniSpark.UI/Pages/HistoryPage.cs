using MiniSpark.Ui.Markup;
using MiniSpark.Ui.Server;

namespace MiniSpark.Ui.Pages;

/// <summary>The history server's front page: every application of the event log directory, linking to its pages.</summary>
internal static class HistoryPage
{
    public static string Render(HistoryCatalog catalog)
    {
        IReadOnlyList<HistoryCatalog.Entry> entries = catalog.Entries();
        Html[] rows = [.. entries.Select(entry =>
        {
            ApplicationSnapshot? app = entry.Store?.Application;
            if (app is null)
            {
                return Html.Of($"""
                    <tr class="app-row unreadable"><td>{entry.AppId}</td><td colspan="6" class="failure">{entry.Error ?? "The log has no application start event."}</td><td>{entry.FileName}</td></tr>
                    """);
            }
            string link = $"/history/{Uri.EscapeDataString(app.Id)}/jobs/";
            string completed = app.EndTime is null ? "Incomplete" : Format.Date(app.EndTime);
            return Html.Of($"""
                <tr class="app-row"><td><a href="{link}">{app.Id}</a></td><td>{app.Name}</td><td>{Format.Date(app.StartTime)}</td>
                <td>{completed}</td><td>{Format.Duration(app.StartTime, app.EndTime ?? app.LastUpdated)}</td><td>{app.User}</td>
                <td>{Format.Date(app.LastUpdated)}</td><td>{entry.FileName}</td></tr>
                """);
        })];
        Html table = Layout.Table("applications",
            ["App ID", "App Name", "Started", "Completed", "Duration", "Spark User", "Last Updated", "Event Log"], rows,
            "No event logs found.");
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>MiniSpark History Server</title>
            <link rel="stylesheet" href="/static/ui.css">
            </head>
            <body data-live="false">
            <nav class="navbar"><a class="brand" href="/"><span class="logo">MiniSpark</span></a><span class="app-name">History Server</span></nav>
            <main id="content">
            <h1>History Server</h1>
            <ul class="summary"><li><strong>Event log directory:</strong> {catalog.Location}</li></ul>
            {table}
            </main>
            </body>
            </html>
            """).ToString();
    }
}
