using System.IO.Compression;
using System.Text;

namespace MiniSpark.Tests.Fakes;

/// <summary>A fresh directory under the temp folder, deleted on dispose; one per test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "minispark-input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/>, without creating anything.</summary>
    public string At(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="relative"/>, creating directories; returns the full path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM.</summary>
    public string Write(string relative, string text = "x\n") => Write(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="text"/> gzip-compressed.</summary>
    public string WriteGzip(string relative, string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return Write(relative, compressed.ToArray());
    }

    public string Dir(string relative)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary>Every entry under <paramref name="directory"/>, relative, '/'-separated, sorted: directories end with '/'.</summary>
    public static string[] Tree(string directory) =>
    [
        .. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(e => System.IO.Path.GetRelativePath(directory, e).Replace('\\', '/') + (Directory.Exists(e) ? "/" : ""))
            .Order(StringComparer.Ordinal),
    ];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A failed test may leave a file open on some platforms; the temp folder is cleaned eventually.
        }
    }
}
