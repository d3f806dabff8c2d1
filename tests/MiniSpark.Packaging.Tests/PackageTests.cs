using System.IO.Compression;
using System.Reflection;
using System.Security;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MiniSpark.Packaging.Tests;

/// <summary>Packs the libraries under src/ as `dotnet pack` does, checks what each package holds, then restores,
/// builds and runs a fresh console app that uses MiniSpark from those packages only.</summary>
public sealed class PackageTests
{
    // Uses all three packages: the engine (word count), MiniSpark.Formats (CSV and ZSTD Parquet round trips) and
    // MiniSpark.UI (the REST API of the running web UI, found by the engine only through the package reference).
    private const string ConsumerProgram = """
        using MiniSpark;

        var conf = new SparkConf().SetMaster("local[2]").SetAppName("package-consumer")
            .Set("spark.ui.enabled", "true").Set("spark.ui.port", "0");
        using var sc = new SparkContext(conf);
        string[] lines = ["to be or not to be", "that is the question", "to be is to do"];
        var counts = sc.Parallelize(lines)
            .FlatMap(line => line.Split(' '))
            .Map(word => (word, 1))
            .ReduceByKey((a, b) => a + b)
            .Collect()
            .OrderBy(pair => pair.Item1, StringComparer.Ordinal)
            .ToArray();
        foreach ((string word, int count) in counts) Console.WriteLine($"{word} {count}");

        string csv = Path.Combine(Path.GetTempPath(), "minispark-consumer-" + Guid.NewGuid().ToString("N"));
        sc.Parallelize(counts.Select(c => new WordCount(c.Item1, c.Item2))).SaveAsCsv(csv);
        Console.WriteLine($"csv {sc.ReadCsv<WordCount>(csv).Map(w => w.Count).Sum()}");
        Directory.Delete(csv, recursive: true);

        // Zstandard comes from a package of its own: the round trip proves it is restored with MiniSpark.Formats.
        string parquet = Path.Combine(Path.GetTempPath(), "minispark-consumer-" + Guid.NewGuid().ToString("N"));
        sc.Parallelize(counts.Select(c => new WordCount(c.Item1, c.Item2)))
            .SaveAsParquet(parquet, options: new ParquetWriteOptions { Compression = ParquetCompression.Zstd });
        Console.WriteLine($"parquet {sc.ReadParquet<WordCount>(parquet).Map(w => w.Count).Sum()}");
        Directory.Delete(parquet, recursive: true);

        using var http = new HttpClient();
        string applications = await http.GetStringAsync($"{sc.UiWebUrl}/api/v1/applications");
        Console.WriteLine(applications.Contains("\"package-consumer\"", StringComparison.Ordinal) ? "ui up" : "ui without the application");

        internal sealed record WordCount(string Word, int Count);
        """;

    private const string ExpectedOutput = "be 3\ndo 1\nis 2\nnot 1\nor 1\nquestion 1\nthat 1\nthe 1\nto 4\ncsv 15\nparquet 15\nui up\n";

    [Fact]
    public void Pack_Libraries_FreshConsoleAppRestoresBuildsAndRunsFromThePackages()
    {
        string repository = RepositoryRoot();
        string configuration = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value ?? "Debug";
        using var temp = new TempDirectory();
        string feed = Directory.CreateDirectory(Path.Combine(temp.Path, "feed")).FullName;

        // 1. Pack every library under src/ (built already, in this configuration: the packing build is a no-op).
        string[] libraries = [.. Directory.GetDirectories(Path.Combine(repository, "src"))
            .SelectMany(dir => Directory.GetFiles(dir, "*.csproj")).Order(StringComparer.Ordinal)];
        foreach (string project in libraries)
        {
            DotNetCli.Run(repository, ["pack", project, "-c", configuration, "-o", feed, "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        }

        // 2. What the packages hold.
        AssertPackage(feed, "MiniSpark", "MiniSpark.Core", dependencies: []);
        AssertPackage(feed, "MiniSpark.Formats", "MiniSpark.Formats", dependencies: ["MiniSpark", "IronSnappy", "CsvHelper", "System.IO.Hashing", "ZstdSharp.Port"]);
        AssertPackage(feed, "MiniSpark.UI", "MiniSpark.UI", dependencies: ["MiniSpark"]);
        Assert.Equal(libraries.Length, Directory.GetFiles(feed, "*.snupkg").Length);

        // 3. A new console app that references MiniSpark, restored from the feed only.
        string consumer = Path.Combine(temp.Path, "consumer");
        DotNetCli.Run(temp.Path, ["new", "console", "-n", "Consumer", "-o", consumer, "--framework", "net10.0", "--no-restore", "--no-update-check"]);
        IsolateFromEnclosingFolders(consumer);
        foreach (string id in (string[])["MiniSpark", "MiniSpark.Formats", "MiniSpark.UI"])
            AddPackageReference(Path.Combine(consumer, "Consumer.csproj"), id, PackageVersion(feed, id));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        string packages = Path.Combine(temp.Path, "packages");
        WriteNuGetConfig(consumer, feed, packages, MachineSources(repository));

        var isolatedCache = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        DotNetCli.Run(consumer, ["build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false"], isolatedCache);
        string output = DotNetCli.Run(consumer, [Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll")], isolatedCache);

        Assert.Equal(ExpectedOutput, output.ReplaceLineEndings("\n"));
        foreach (string id in (string[])["minispark", "minispark.formats", "minispark.ui"])
            Assert.True(Directory.Exists(Path.Combine(packages, id)), $"{id} was not restored from the test feed.");
    }

    private static void AssertPackage(string feed, string id, string assembly, string[] dependencies)
    {
        string nupkg = Assert.Single(Directory.GetFiles(feed, $"{id}.*.nupkg"), f => Regex.IsMatch(Path.GetFileName(f), $@"^{Regex.Escape(id)}\.\d+\.\d+\.\d+.*\.nupkg$"));
        using (ZipArchive package = ZipFile.OpenRead(nupkg))
        {
            string[] entries = [.. package.Entries.Select(e => e.FullName)];
            Assert.Contains("README.md", entries);
            Assert.Contains($"lib/net10.0/{assembly}.dll", entries);
            Assert.Contains($"lib/net10.0/{assembly}.xml", entries); // XML docs for IntelliSense

            XNamespace ns = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!.GetDefaultNamespace();
            XElement metadata = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!.Element(ns + "metadata")!;
            Assert.Equal(id, metadata.Element(ns + "id")?.Value);
            XElement license = metadata.Element(ns + "license")!;
            Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
            Assert.Equal("git", metadata.Element(ns + "repository")?.Attribute("type")?.Value);
            string[] dependsOn = [.. metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value)];
            Assert.Equal(dependencies.Order(), dependsOn.Order());

            string readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
            Assert.StartsWith("# MiniSpark", readme, StringComparison.Ordinal);
        }

        string snupkg = Path.ChangeExtension(nupkg, ".snupkg");
        Assert.True(File.Exists(snupkg), $"no symbol package next to {Path.GetFileName(nupkg)}");
        using ZipArchive symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains($"lib/net10.0/{assembly}.pdb", symbols.Entries.Select(e => e.FullName));
    }

    private static string PackageVersion(string feed, string id)
    {
        string name = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, $"{id}.*.nupkg")
            .Single(f => Regex.IsMatch(Path.GetFileName(f), $@"^{Regex.Escape(id)}\.\d")));
        return name[(id.Length + 1)..];
    }

    /// <summary>The package sources restore uses in the repository (the machine's configured feeds), by name, so
    /// credentials stored for them still apply.</summary>
    private static IReadOnlyList<(string Name, string Url)> MachineSources(string repository)
    {
        string listing = DotNetCli.Run(repository, ["nuget", "list", "source", "--format", "Detailed"]);
        var sources = new List<(string, string)>();
        string[] lines = listing.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            Match match = Regex.Match(lines[i], @"^\s*\d+\.\s+(.+?)\s+\[Enabled\]\s*$");
            if (match.Success) sources.Add((match.Groups[1].Value, lines[i + 1].Trim()));
        }
        return sources;
    }

    /// <summary>Sources: the test feed first, then the machine's. Source mapping sends MiniSpark* to the test feed
    /// only (so a same-named package elsewhere can never be picked) and everything else to the machine's feeds. A
    /// private packages folder means no earlier MiniSpark of the same version is reused from the machine's cache.</summary>
    private static void WriteNuGetConfig(string directory, string feed, string packages, IReadOnlyList<(string Name, string Url)> machine)
    {
        const string local = "minispark-test-feed";
        string Escape(string s) => SecurityElement.Escape(s);
        string sources = string.Concat(machine.Where(s => s.Name != local)
            .Select(s => $"""    <add key="{Escape(s.Name)}" value="{Escape(s.Url)}" />{"\n"}"""));
        string mappings = string.Concat(machine.Where(s => s.Name != local)
            .Select(s => $"""    <packageSource key="{Escape(s.Name)}"><package pattern="*" /></packageSource>{"\n"}"""));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Escape(packages)}" />
              </config>
              <packageSources>
                <clear />
                <add key="{local}" value="{Escape(feed)}" />
            {sources}  </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="{local}"><package pattern="MiniSpark" /><package pattern="MiniSpark.*" /></packageSource>
            {mappings}  </packageSourceMapping>
            </configuration>
            """);
    }

    private static void AddPackageReference(string project, string id, string version)
    {
        XDocument document = XDocument.Load(project);
        document.Root!.Add(new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version))));
        document.Save(project);
    }

    /// <summary>Empty build files stop MSBuild from picking up any Directory.Build.* above the temp folder.</summary>
    private static void IsolateFromEnclosingFolders(string directory)
    {
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniSpark.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No MiniSpark.sln above {AppContext.BaseDirectory}.");
    }
}
