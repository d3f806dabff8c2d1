using System.Reflection;
using MiniSpark.Samples.KMeans;
using MiniSpark.Samples.PageRank;

namespace MiniSpark.Samples.Tests;

/// <summary>The samples' entry points reject bad arguments with exit code 2, before any job runs.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--k", "0")]
    [InlineData("--points", "many")]
    [InlineData("--init", "random")]
    [InlineData("--iterations", "-1")]
    [InlineData("--no-such-option")]
    public void KMeansMain_BadArguments_ExitCode2(params string[] args) =>
        Assert.Equal(2, RunMain(typeof(KMeansJob).Assembly, args));

    [Theory]
    [InlineData("--pages", "1")]
    [InlineData("--links-per-page", "0")]
    [InlineData("--checkpoint-interval", "x")]
    [InlineData("--master", "yarn")]
    public void PageRankMain_BadArguments_ExitCode2(params string[] args) =>
        Assert.Equal(2, RunMain(typeof(PageRankJob).Assembly, args));

    private static int RunMain(Assembly sample, string[] args)
    {
        MethodInfo main = sample.EntryPoint ?? throw new InvalidOperationException($"{sample.GetName().Name} has no entry point.");
        return (int)main.Invoke(null, [args])!;
    }
}
