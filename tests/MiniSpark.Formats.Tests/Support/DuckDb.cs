using System.Diagnostics;
using System.Text.Json;

namespace MiniSpark.Tests.Support;

/// <summary>Runs the DuckDB node scripts in tests/interop (a real Parquet peer) and parses their output.</summary>
internal static class DuckDb
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Rows of <paramref name="file"/> as DuckDB reads them, one JSON object each.</summary>
    public static List<JsonElement> Read(string file, string select = "*", bool metadata = false)
    {
        string output = Run("read-parquet.mjs", file, select, metadata ? "metadata" : "data");
        var rows = new List<JsonElement>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries)) rows.Add(JsonDocument.Parse(line).RootElement.Clone());
        return rows;
    }

    /// <summary>Has DuckDB write the result of <paramref name="sql"/> to <paramref name="file"/>.</summary>
    public static void Write(string file, string compression, string sql, int? rowGroupSize = null, string? parquetVersion = null)
    {
        var arguments = new List<string> { file, compression, sql, rowGroupSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        if (parquetVersion is not null) arguments.Add(parquetVersion);
        Run("write-parquet.mjs", [.. arguments]);
    }

    private static string Run(string script, params string[] arguments)
    {
        string interop = TestPaths.Interop;
        if (!Directory.Exists(Path.Combine(interop, "node_modules", "@duckdb", "node-api")))
        {
            throw new InvalidOperationException(
                $"DuckDB for the interop tests is not installed in {interop}/node_modules. Run scripts/install-parquet-test-deps.sh first.");
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(interop, script));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Timeout.TotalSeconds} s.");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
