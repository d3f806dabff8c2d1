using System.Diagnostics;
using System.Text;

namespace MiniSpark.Ui.Tests.Browser;

/// <summary>Debian's headless Chromium, run the way this machine allows: no sandbox (root in CI), no GPU, no
/// background networking (the network is closed), a fresh profile per run.</summary>
internal static class Chromium
{
    public const string InstallScript = "scripts/install-ui-test-deps.sh";

    /// <summary>The browser: <c>MINISPARK_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>. Fails (never skips) when missing.</summary>
    public static string Executable
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("MINISPARK_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
            if (!File.Exists(path))
            {
                Assert.Fail($"Chromium was not found at {path}. The browser tests need Debian's chromium package: run " +
                    $"{InstallScript} (as root; it runs apt-get install chromium), or set MINISPARK_CHROMIUM to a Chromium binary.");
            }
            return path;
        }
    }

    /// <summary>Where screenshots are kept: <c>artifacts/</c> in the test output directory.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static IEnumerable<string> CommonArguments(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--hide-scrollbars",
        "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}",
    ];

    /// <summary>The DOM after the page's scripts ran, as Chromium serializes it.</summary>
    public static Task<string> DumpDom(string url) => Run(["--dump-dom", url]);

    /// <summary>Saves a PNG of the page at <paramref name="url"/> to <paramref name="path"/>.</summary>
    public static async Task Screenshot(string url, string path, int width = 1400, int height = 900)
    {
        if (File.Exists(path)) File.Delete(path);
        await Run([$"--screenshot={path}", $"--window-size={width},{height}", url]);
        Assert.True(File.Exists(path), $"Chromium wrote no screenshot to {path}.");
    }

    private static async Task<string> Run(IEnumerable<string> arguments)
    {
        string profile = Directory.CreateTempSubdirectory("minispark-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in CommonArguments(profile).Concat(arguments)) start.ArgumentList.Add(argument);
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within 60 s: {await errors}");
            }
            string dom = await output;
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {await errors}");
            return dom;
        }
        finally
        {
            TryDelete(profile);
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; the temp folder is swept anyway.
        }
    }

    /// <summary>Whether <paramref name="path"/> starts with the PNG signature and has more than a header.</summary>
    public static bool IsPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        return bytes.Length > 1000 && bytes.AsSpan(0, 8).SequenceEqual(signature);
    }

    /// <summary>The text of a DOM dump without tags, for "what a person reads" checks.</summary>
    public static string VisibleText(string dom)
    {
        var text = new StringBuilder();
        bool inTag = false;
        foreach (char c in dom)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag) text.Append(c);
        }
        return System.Net.WebUtility.HtmlDecode(text.ToString());
    }
}
