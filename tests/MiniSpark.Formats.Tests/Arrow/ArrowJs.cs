using System.Diagnostics;

namespace MiniSpark.Tests.Arrow;

/// <summary>Runs the Apache Arrow JS scripts in tests/interop-arrow with node.</summary>
/// <remarks>Missing node_modules fails the test (never skips) and names the script that installs them.</remarks>
internal static class ArrowJs
{
    private const string InstallScript = "scripts/install-arrow-test-deps.sh";

    private static readonly Lazy<string> Folder = new(Locate);

    private static string Locate()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop-arrow");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                if (!File.Exists(Path.Combine(candidate, "node_modules", "apache-arrow", "package.json")))
                    Assert.Fail($"Apache Arrow JS is not installed in {candidate}/node_modules; run {InstallScript} first.");
                return candidate;
            }
        }
        Assert.Fail($"tests/interop-arrow was not found above {AppContext.BaseDirectory}; run the tests from the repository ({InstallScript} installs the dependencies).");
        return "";
    }

    /// <summary>Runs <c>node script args</c> in the interop folder; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder.Value, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} timed out");
        }
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"node {script} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
