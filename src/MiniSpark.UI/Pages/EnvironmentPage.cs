using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>The Environment tab: the runtime and every setting (secret-looking values redacted).</summary>
internal static class EnvironmentPage
{
    public static string Render(UiView view)
    {
        static Html Rows(IReadOnlyList<KeyValuePair<string, string>> entries, string cssClass, string nameHeader) =>
            Layout.Table(cssClass, [nameHeader, "Value"],
                [.. entries.Select(e => Html.Of($"<tr><td>{e.Key}</td><td>{e.Value}</td></tr>"))]);

        Html content = Html.Of($"""
            <h2>Runtime Information</h2>
            {Rows(view.Store.RuntimeInformation, "runtime", "Name")}
            <h2>Spark Properties</h2>
            {Rows(view.Store.SparkProperties, "properties", "Name")}
            """);
        return Layout.Render(view, "Environment", Layout.Tab.Environment, content);
    }
}
