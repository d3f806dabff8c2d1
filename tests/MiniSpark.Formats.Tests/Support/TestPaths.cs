namespace MiniSpark.Tests.Support;

/// <summary>Finds the repository and the shared test data from the test assembly's directory.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the first ancestor of the test assembly holding MiniSpark.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The Parquet conformance corpus, <c>&lt;repo&gt;/../shared/testdata/parquet-testing</c> (or any ancestor's <c>shared/...</c>).</summary>
    public static string ParquetTesting
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "testdata", "parquet-testing");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException(
                "The Parquet conformance corpus was not found: expected shared/testdata/parquet-testing next to the repository " +
                $"(looked upwards from {AppContext.BaseDirectory}). Clone the repository beside the shared/ folder that holds it.");
        }
    }

    /// <summary>tests/interop, where the DuckDB scripts and their node_modules live.</summary>
    public static string Interop => Path.Combine(RepositoryRoot, "tests", "interop");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniSpark.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"MiniSpark.sln not found above {AppContext.BaseDirectory}.");
    }
}
