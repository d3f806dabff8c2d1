using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>The frame of every page: head, navigation tabs, the content, and the live-refresh flag.</summary>
/// <remarks>
/// Pages carry no inline script or style: <c>/static/ui.js</c> (live refresh) and <c>/static/ui.css</c> are files, so
/// the Content-Security-Policy can forbid inline scripts outright. While jobs run, <c>data-live="true"</c> tells the
/// script to fetch the page again every two seconds and swap in the new content.
/// </remarks>
internal static class Layout
{
    public enum Tab { Jobs, Stages, Storage, Environment, None }

    public static string Render(UiView view, string title, Tab active, Html content)
    {
        Html Item(Tab tab, string label, string url) => tab == active
            ? Html.Of($"<li class=\"active\"><a href=\"{url}\">{label}</a></li>")
            : Html.Of($"<li><a href=\"{url}\">{label}</a></li>");

        string live = view.IsLive ? "true" : "false";
        Html historyNote = view.IsHistory
            ? Html.Of($"<a class=\"history-link\" href=\"/\">History</a>")
            : Html.Empty;
        return Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{view.AppName} - {title}</title>
            <link rel="stylesheet" href="/static/ui.css">
            <script src="/static/ui.js" defer></script>
            </head>
            <body data-live="{live}">
            <nav class="navbar">
            <a class="brand" href="{view.JobsUrl}"><span class="logo">MiniSpark</span></a>
            <ul class="tabs">
            {Item(Tab.Jobs, "Jobs", view.JobsUrl)}{Item(Tab.Stages, "Stages", view.StagesUrl)}{Item(Tab.Storage, "Storage", view.StorageUrl)}{Item(Tab.Environment, "Environment", view.EnvironmentUrl)}
            </ul>
            {historyNote}
            <span class="app-name" title="{view.AppName}">{view.AppName} application UI</span>
            </nav>
            <main id="content">
            <h1>{title}</h1>
            {content}
            </main>
            </body>
            </html>
            """).ToString();
    }

    /// <summary>A page for a missing job, stage or application: says what was asked for.</summary>
    public static string NotFound(UiView view, string what) =>
        Render(view, "Not found", Tab.None, Html.Of($"<p class=\"error\">{what}</p>"));

    /// <summary>A table with a header row; <paramref name="empty"/> when there are no rows.</summary>
    public static Html Table(string cssClass, IEnumerable<string> headers, IReadOnlyList<Html> rows, string empty = "None")
    {
        if (rows.Count == 0) return Html.Of($"<p class=\"empty\">{empty}</p>");
        IEnumerable<Html> head = headers.Select(h => Html.Of($"<th>{h}</th>"));
        return Html.Of($"<table class=\"table {cssClass}\"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>");
    }

    /// <summary>Spark's progress bar: succeeded and running shares of the total, and the counts as text.</summary>
    public static Html ProgressBar(int completed, int running, int total, int failed = 0, int killed = 0, int skipped = 0)
    {
        double scale = total > 0 ? 100.0 / total : 0;
        double done = Math.Min(100, completed * scale);
        double active = Math.Min(100 - done, running * scale);
        var text = new System.Text.StringBuilder($"{completed}/{total}");
        if (skipped > 0) text.Append($" ({skipped} skipped)");
        if (running > 0) text.Append($" ({running} running)");
        if (failed > 0) text.Append($" ({failed} failed)");
        if (killed > 0) text.Append($" ({killed} killed)");
        return Html.Of($"""<div class="progress"><svg class="progress-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="progress-completed" fill="#8fbf6f" x="0" y="0" width="{done:0.##}" height="10"/><rect class="progress-running" fill="#a9cbe9" x="{done:0.##}" y="0" width="{active:0.##}" height="10"/></svg><span class="progress-text">{text.ToString()}</span></div>""");
    }
}
