using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Pages;

/// <summary>The Storage tab: every persisted dataset with its level, cached share, memory and disk use.</summary>
internal static class StoragePage
{
    public static string Render(UiView view)
    {
        IReadOnlyList<RddStorageInfo> rdds = view.Store.Storage;
        Html[] rows = [.. rdds.Select(rdd => Html.Of($"""
            <tr class="rdd-row" data-rdd-id="{rdd.RddId}">
            <td>{rdd.RddId}</td><td class="rdd-name">{rdd.Name}</td><td>{rdd.StorageLevel.Description}</td>
            <td>{rdd.CachedPartitions}</td><td>{Format.Percent(rdd.CachedPartitions, rdd.NumPartitions)}</td>
            <td>{Format.Bytes(rdd.MemoryBytes)}</td><td>{Format.Bytes(rdd.DiskBytes)}</td>
            </tr>
            """))];
        Html note = view.IsHistory
            ? Html.Of($"<p class=\"note\">As recorded after the application's last finished job.</p>")
            : Html.Empty;
        Html content = Html.Of($"""
            <h2>RDDs ({rdds.Count})</h2>
            {note}
            {Layout.Table("storage", ["ID", "RDD Name", "Storage Level", "Cached Partitions", "Fraction Cached", "Size in Memory", "Size on Disk"], rows, "No datasets are persisted.")}
            """);
        return Layout.Render(view, "Storage", Layout.Tab.Storage, content);
    }
}
