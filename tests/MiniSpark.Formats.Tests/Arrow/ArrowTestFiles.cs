namespace MiniSpark.Tests.Arrow;

/// <summary>A temporary directory per test class instance, deleted on dispose.</summary>
public sealed class ArrowTestFiles : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "minispark-arrow-tests", Guid.NewGuid().ToString("N"));

    public ArrowTestFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string PathFor(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp directory must not fail a test
        }
    }
}
