using System.Text;

namespace MiniSpark.Benchmarks;

/// <summary>Deterministic text: lines of Zipf-distributed words over a fixed vocabulary, like natural text.</summary>
internal static class Corpus
{
    public static string[] Lines(int count, int seed = 42)
    {
        var random = new Random(seed);
        string[] vocabulary = Vocabulary(20_000, random);
        double[] cumulative = new double[vocabulary.Length];
        double total = 0;
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] = total += 1.0 / (i + 1);
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] /= total;

        var lines = new string[count];
        var line = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            line.Clear();
            int words = 4 + random.Next(8);
            for (int w = 0; w < words; w++)
            {
                if (w > 0) line.Append(' ');
                int index = Array.BinarySearch(cumulative, random.NextDouble());
                line.Append(vocabulary[Math.Min(index < 0 ? ~index : index, vocabulary.Length - 1)]);
            }
            lines[i] = line.ToString();
        }
        return lines;
    }

    private static string[] Vocabulary(int size, Random random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        while (words.Count < size)
        {
            word.Clear();
            int length = 2 + random.Next(9);
            for (int i = 0; i < length; i++) word.Append((char)('a' + random.Next(26)));
            words.Add(word.ToString());
        }
        return [.. words];
    }
}
