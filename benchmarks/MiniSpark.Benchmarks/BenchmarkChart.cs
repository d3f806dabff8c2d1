using System.Globalization;
using System.Net;
using System.Text;

namespace MiniSpark.Benchmarks;

/// <summary>Turns BenchmarkDotNet's CSV reports into one SVG: a group of horizontal bars (mean time) per benchmark class,
/// each labelled with its time and its ratio to the group's first (baseline) row.</summary>
internal static class BenchmarkChart
{
    private const int BarHeight = 18;
    private const int LabelWidth = 390;
    private const int ChartWidth = 420;

    public static void Write(string resultsDirectory, string outputPath)
    {
        var groups = new List<(string Title, List<(string Method, double Milliseconds)> Rows)>();
        foreach (string csv in Directory.GetFiles(resultsDirectory, "*-report.csv").Order(StringComparer.Ordinal))
        {
            string title = Path.GetFileName(csv).Replace("MiniSpark.Benchmarks.", "").Replace("-report.csv", "");
            List<(string, double)> rows = [.. ReadRows(csv)];
            if (rows.Count > 0) groups.Add((title, rows));
        }
        File.WriteAllText(outputPath, Render(groups));
    }

    private static IEnumerable<(string Method, double Milliseconds)> ReadRows(string csvPath)
    {
        string[] lines = File.ReadAllLines(csvPath);
        if (lines.Length < 2) yield break;
        List<string> header = SplitCsv(lines[0]);
        int method = header.IndexOf("Method");
        int mean = header.IndexOf("Mean");
        // The benchmarks' own parameters sit between BenchmarkDotNet's job columns and "Mean".
        int parameters = header.FindIndex(h => h is "Budget" or "Observability");
        foreach (string line in lines.Skip(1))
        {
            List<string> cells = SplitCsv(line);
            if (cells.Count <= Math.Max(method, mean) || !TryMilliseconds(cells[mean], out double ms)) continue;
            string name = cells[method].Trim('\'');
            if (parameters >= 0 && cells[parameters] is { Length: > 0 } value) name += $" [{value}]";
            yield return (name, ms);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private static bool TryMilliseconds(string text, out double milliseconds)
    {
        milliseconds = 0;
        string[] parts = text.Trim().Split(' ');
        if (parts.Length != 2 || !double.TryParse(parts[0].Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return false;
        double scale = parts[1] switch { "ns" => 1e-6, "μs" or "us" => 1e-3, "ms" => 1, "s" => 1000, _ => double.NaN };
        milliseconds = value * scale;
        return !double.IsNaN(milliseconds);
    }

    private static string Render(List<(string Title, List<(string Method, double Milliseconds)> Rows)> groups)
    {
        int height = 40 + groups.Sum(g => 34 + g.Rows.Count * (BarHeight + 4));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + ChartWidth + 160}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append("<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">MiniSpark beside LINQ and PLINQ (mean time; shorter is better)</text>\n");
        int y = 44;
        foreach ((string title, List<(string Method, double Milliseconds)> rows) in groups)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 14}\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>\n");
            y += 24;
            double max = rows.Max(r => r.Milliseconds);
            double baseline = rows[0].Milliseconds;
            foreach ((string method, double ms) in rows)
            {
                double width = max <= 0 ? 0 : ms / max * ChartWidth;
                string color = method.Contains("MiniSpark", StringComparison.Ordinal) ? "#e25a1c" : "#6b8fb3";
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{WebUtility.HtmlEncode(method)}</text>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:F1}\" height=\"{BarHeight}\" fill=\"{color}\"/>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:F1}\" y=\"{y + 13}\">{Format(ms)} ({ms / baseline:F2}x)</text>\n");
                y += BarHeight + 4;
            }
            y += 10;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Format(double ms) => ms switch
    {
        >= 1000 => $"{ms / 1000:F2} s",
        >= 1 => $"{ms:F1} ms",
        _ => $"{ms * 1000:F1} µs",
    };
}
