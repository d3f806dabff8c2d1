using MiniSpark;
using MiniSpark.Samples.WordCount;

// Word count, the "hello world" of dataflow engines.
//   dotnet run --project samples/WordCount -c Release            counts the bundled default text
//   dotnet run --project samples/WordCount -c Release -- <path>   counts a file, a directory or a glob
// Prints the 20 most frequent words as "word<TAB>count", by count descending, then word (ordinal).

string path = args.Length > 0 ? args[0] : DefaultCorpus.EnsureWritten();

var conf = new SparkConf()
    .SetMaster("local[*]")
    .SetAppName("word-count")
    .Set(ConfigKeys.ShowConsoleProgress, "true");
using var sc = new SparkContext(conf);

WordCountJob.Write(WordCountJob.Run(sc, path), Console.Out);
