namespace MiniSpark.Samples.KMeans;

/// <summary>Dense vector helpers. Centers travel as one flat array (<c>k × dimensions</c>) for locality.</summary>
internal static class Vectors
{
    /// <summary>Squared Euclidean distance; coordinates are summed in index order.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>Index of the center nearest to <paramref name="point"/> (the first on ties) and its squared distance.</summary>
    public static int Closest(ReadOnlySpan<double> point, ReadOnlySpan<double> flatCenters, int dimensions, out double distance)
    {
        if (point.Length != dimensions)
        {
            throw new InvalidDataException(
                $"A point has {point.Length} coordinates where the centers have {dimensions}: every point needs the same number.");
        }
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int c = 0, offset = 0; offset < flatCenters.Length; c++, offset += dimensions)
        {
            double d = SquaredDistance(point, flatCenters.Slice(offset, dimensions));
            if (d < bestDistance || best < 0)
            {
                bestDistance = d;
                best = c;
            }
        }
        distance = bestDistance;
        return best;
    }

    public static double[] Flatten(IReadOnlyList<double[]> vectors)
    {
        if (vectors.Count == 0) return [];
        int dimensions = vectors[0].Length;
        var flat = new double[vectors.Count * dimensions];
        for (int i = 0; i < vectors.Count; i++) vectors[i].CopyTo(flat, i * dimensions);
        return flat;
    }

    public static string Format(double[] vector, string format = "F4") =>
        string.Join(",", vector.Select(x => x.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Value equality of vectors (for de-duplicating candidate centers, as Spark's <c>distinct</c>).</summary>
    public sealed class ValueComparer : IEqualityComparer<double[]>
    {
        public static ValueComparer Instance { get; } = new();

        public bool Equals(double[]? x, double[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(double[] obj)
        {
            var hash = new HashCode();
            foreach (double x in obj) hash.Add(x);
            return hash.ToHashCode();
        }
    }
}
