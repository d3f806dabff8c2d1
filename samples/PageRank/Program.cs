using System.CommandLine;
using MiniSpark.Samples.PageRank;
using SparkJobException = MiniSpark.SparkJobException;

// PageRank on a generated power-law web graph: an iterative join of cached links with the ranks.
//   dotnet run --project samples/PageRank -c Release -- --pages 10000 --links-per-page 10 --iterations 20 --seed 42
// Prints the 10 best-ranked pages as "page<TAB>rank". Bad arguments exit with 2.

var defaults = new PageRankOptions();
var pages = new Option<int>("--pages") { Description = "Pages of the generated graph.", DefaultValueFactory = _ => defaults.Pages };
var links = new Option<int>("--links-per-page") { Description = "Links drawn per page.", DefaultValueFactory = _ => defaults.LinksPerPage };
var iterations = new Option<int>("--iterations") { Description = "Power iterations.", DefaultValueFactory = _ => defaults.Iterations };
var seed = new Option<long>("--seed") { Description = "Seed of the graph.", DefaultValueFactory = _ => defaults.Seed };
var partitions = new Option<int>("--partitions") { Description = "Partitions of links and ranks.", DefaultValueFactory = _ => defaults.Partitions };
var checkpointInterval = new Option<int>("--checkpoint-interval") { Description = "Checkpoint the ranks every this many iterations.", DefaultValueFactory = _ => defaults.CheckpointInterval };
var top = new Option<int>("--top") { Description = "Pages to print.", DefaultValueFactory = _ => defaults.Top };
var master = new Option<string>("--master") { Description = "Master URL: local, local[N] or local[*].", DefaultValueFactory = _ => defaults.Master };


var command = new RootCommand("PageRank with MiniSpark.")
{
    pages, links, iterations, seed, partitions, checkpointInterval, top, master,
};
command.SetAction(parsed =>
{
    var options = new PageRankOptions
    {
        Pages = parsed.GetValue(pages),
        LinksPerPage = parsed.GetValue(links),
        Iterations = parsed.GetValue(iterations),
        Seed = parsed.GetValue(seed),
        Partitions = parsed.GetValue(partitions),
        CheckpointInterval = parsed.GetValue(checkpointInterval),
        Top = parsed.GetValue(top),
        Master = parsed.GetValue(master)!,
        ShowProgress = true,
    };
    try
    {
        PageRankJob.Run(options, Console.Out);
        return 0;
    }
    catch (Exception e) when (e is ArgumentException or IOException or SparkJobException)
    {
        Exception cause = e is SparkJobException { InnerException: { } inner } ? inner : e;
        Console.Error.WriteLine($"page-rank: {cause.Message}");
        return e is ArgumentException ? 2 : 1;
    }
});

ParseResult result = command.Parse(args);
List<string> errors = [.. result.Errors.Select(e => e.Message)];
if (errors.Count == 0)
{
    (Option<int> Option, int Minimum)[] bounds = [(pages, 2), (links, 1), (partitions, 1), (checkpointInterval, 1), (iterations, 0), (top, 0)];
    foreach ((Option<int> option, int minimum) in bounds)
    {
        int value = result.GetValue(option);
        if (value < minimum) errors.Add($"{option.Name} must be at least {minimum}, not {value}.");
    }
}
if (errors.Count > 0)
{
    foreach (string error in errors) Console.Error.WriteLine($"page-rank: {error}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
return result.Invoke();
