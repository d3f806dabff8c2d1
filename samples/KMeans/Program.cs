using System.CommandLine;
using SparkJobException = MiniSpark.SparkJobException;
using MiniSpark.Samples.KMeans;

// k-means clustering on generated Gaussian blobs or on a CSV of points.
//   dotnet run --project samples/KMeans -c Release -- --points 200000 --k 5 --iterations 10 --seed 42 [--init kmeans||]
//   dotnet run --project samples/KMeans -c Release -- --input points.csv --k 3
// Prints "iteration <i> cost <c>" per iteration, then the final centers, one per line. Bad arguments exit with 2.

var defaults = new KMeansOptions();
var points = new Option<int>("--points") { Description = "Points to generate.", DefaultValueFactory = _ => defaults.Points };
var k = new Option<int>("--k") { Description = "Clusters to find.", DefaultValueFactory = _ => defaults.K };
var iterations = new Option<int>("--iterations") { Description = "Lloyd iterations.", DefaultValueFactory = _ => defaults.Iterations };
var seed = new Option<long>("--seed") { Description = "Seed of the data and of the initialisation.", DefaultValueFactory = _ => defaults.Seed };
var init = new Option<string>("--init") { Description = "Initialisation: kmeans|| (k-means||) or kmeans++.", DefaultValueFactory = _ => "kmeans||" };
init.AcceptOnlyFromAmong("kmeans||", "kmeans++");
var input = new Option<string?>("--input") { Description = "CSV of points (one per line, comma-separated numbers, optional header) instead of generated ones." };
var dimensions = new Option<int>("--dimensions") { Description = "Coordinates per generated point.", DefaultValueFactory = _ => defaults.Dimensions };
var partitions = new Option<int>("--partitions") { Description = "Partitions of the points.", DefaultValueFactory = _ => defaults.Partitions };
var master = new Option<string>("--master") { Description = "Master URL: local, local[N] or local[*].", DefaultValueFactory = _ => defaults.Master };


var command = new RootCommand("k-means clustering with MiniSpark.")
{
    points, k, iterations, seed, init, input, dimensions, partitions, master,
};
command.SetAction(parsed =>
{
    var options = new KMeansOptions
    {
        Points = parsed.GetValue(points),
        K = parsed.GetValue(k),
        Iterations = parsed.GetValue(iterations),
        Seed = parsed.GetValue(seed),
        Init = parsed.GetValue(init) == "kmeans++" ? KMeansInitMode.PlusPlus : KMeansInitMode.Parallel,
        Input = parsed.GetValue(input),
        Dimensions = parsed.GetValue(dimensions),
        Partitions = parsed.GetValue(partitions),
        Master = parsed.GetValue(master)!,
        ShowProgress = true,
    };
    try
    {
        KMeansJob.Run(options, Console.Out);
        return 0;
    }
    catch (Exception e) when (e is ArgumentException or IOException or FormatException or SparkJobException or InvalidOperationException)
    {
        Exception cause = e is SparkJobException { InnerException: { } inner } ? inner : e;
        Console.Error.WriteLine($"k-means: {cause.Message}");
        return e is ArgumentException ? 2 : 1;
    }
});

ParseResult result = command.Parse(args);
List<string> errors = [.. result.Errors.Select(e => e.Message)];
if (errors.Count == 0)
{
    (Option<int> Option, int Minimum)[] bounds = [(points, 1), (k, 1), (dimensions, 1), (partitions, 1), (iterations, 0)];
    foreach ((Option<int> option, int minimum) in bounds)
    {
        int value = result.GetValue(option);
        if (value < minimum) errors.Add($"{option.Name} must be at least {minimum}, not {value}.");
    }
}
if (errors.Count > 0)
{
    foreach (string error in errors) Console.Error.WriteLine($"k-means: {error}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
return result.Invoke();
