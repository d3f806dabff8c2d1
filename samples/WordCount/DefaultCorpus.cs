using System.Text;

namespace MiniSpark.Samples.WordCount;

/// <summary>The bundled default input: about 4 MB of text the sample writes itself, the same on every machine.</summary>
/// <remarks>Words follow a Zipf distribution over a fixed vocabulary (as in natural text, a few words dominate), drawn
/// from a fixed-seed generator, so the top 20 is identical on every run and every machine.</remarks>
public static class DefaultCorpus
{
    private const int Lines = 50_000;
    private const int Seed = 20261121;

    private static readonly string[] Vocabulary =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not", "he",
        "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were", "their", "one",
        "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "data",
        "spark", "partition", "stage", "task", "shuffle", "key", "value", "record", "job", "memory", "disk", "cache", "lineage",
        "driver", "executor", "cluster", "graph", "rank", "cluster", "center", "point", "iteration", "reduce", "map", "filter",
        "join", "sort", "group", "count", "word", "line", "file", "block", "split", "schema", "column", "row", "table", "query",
        "stream", "batch", "window", "event", "time", "state", "checkpoint", "broadcast", "accumulator", "failure", "retry",
        "river", "mountain", "forest", "ocean", "city", "village", "market", "harbor", "bridge", "castle", "garden", "meadow",
        "winter", "summer", "autumn", "spring", "morning", "evening", "night", "storm", "rain", "snow", "wind", "sun", "moon",
        "star", "light", "shadow", "voice", "story", "letter", "book", "page", "word", "song", "dance", "journey", "road",
        "friend", "stranger", "king", "queen", "child", "teacher", "doctor", "farmer", "sailor", "soldier", "merchant", "poet",
    ];

    /// <summary>Writes the corpus under the temp directory unless it is already there; returns its path.</summary>
    public static string EnsureWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), $"minispark-wordcount-default-{Seed}.txt");
        if (File.Exists(path)) return path;
        string partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            var random = new Random(Seed);
            double[] cumulative = ZipfWeights(Vocabulary.Length);
            var line = new StringBuilder();
            for (int i = 0; i < Lines; i++)
            {
                line.Clear();
                int words = 6 + random.Next(12);
                for (int w = 0; w < words; w++)
                {
                    if (w > 0) line.Append(' ');
                    line.Append(Vocabulary[Pick(cumulative, random.NextDouble())]);
                }
                writer.WriteLine(line);
            }
        }
        File.Move(partial, path, overwrite: true); // atomic: a concurrent run never reads a half-written file
        return path;
    }

    private static double[] ZipfWeights(int n)
    {
        var cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) cumulative[i] = total += 1.0 / (i + 1);
        for (int i = 0; i < n; i++) cumulative[i] /= total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        int index = Array.BinarySearch(cumulative, u);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
