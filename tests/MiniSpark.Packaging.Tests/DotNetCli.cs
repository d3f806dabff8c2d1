using System.Diagnostics;
using System.Text;

namespace MiniSpark.Packaging.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a clean, English, non-interactive environment.</summary>
internal static class DotNetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; returns its output (stdout and stderr,
    /// interleaved) and fails the test, with that output, when it exits non-zero or times out.</summary>
    public static string Run(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);

        // The test host runs under `dotnet test`: MSBuild's own variables would leak into the child build.
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build node outlives the command (and holds our pipes)
        if (environment is not null)
        {
            foreach ((string name, string value) in environment) start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string command = $"dotnet {string.Join(' ', start.ArgumentList)}";
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s. Output so far:\n{Snapshot(output)}");
        }
        // Drain the output; a helper process that inherited the pipes must not keep the test waiting.
        Task.Run(process.WaitForExit).Wait(TimeSpan.FromSeconds(10));

        string text = Snapshot(output);
        if (process.ExitCode != 0) Assert.Fail($"`{command}` in {workingDirectory} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    /// <summary>The <c>dotnet</c> executable running this test host, else the one on the PATH.</summary>
    private static string DotNetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return current;
        return "dotnet";
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
