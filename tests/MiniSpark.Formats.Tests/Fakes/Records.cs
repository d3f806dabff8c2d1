using System.Text;

namespace MiniSpark.Tests.Fakes;

public enum Color
{
    Red,
    Green,
    Blue,
}

/// <summary>A positional record with the column types the text formats support, nullable and not.</summary>
public sealed record Person(
    int Id,
    string? Name,
    long? Visits,
    double Score,
    decimal Balance,
    DateTime Joined,
    DateOnly? Birthday,
    bool Active,
    Color Favorite,
    Guid? Token);

/// <summary>A class with a parameterless constructor and setters, one read-only (computed) property.</summary>
public sealed class Measurement
{
    public string Sensor { get; set; } = "";
    public float Value { get; set; }
    public TimeSpan? Elapsed { get; init; }
    public char Grade { get; set; }
    public string Label => $"{Sensor}:{Value}";
}

internal static class Records
{
    // Text with everything a writer must escape or quote: separators, quotes, line breaks, backslashes, unicode.
    private static readonly string[] Alphabet = ["a", "Z", "9", " ", ",", ";", "\"", "'", "\n", "\r\n", "\t", "\\", "é", "€", "𝄞", "日", "{", "}", "[", ":"];

    public static string Text(Random random, int maxLength = 30)
    {
        var text = new StringBuilder();
        int length = random.Next(maxLength + 1);
        for (int i = 0; i < length; i++) text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>Seeded people; about one value in six is null (or empty text).</summary>
    public static Person[] People(int count, int seed)
    {
        var random = new Random(seed);
        var people = new Person[count];
        for (int i = 0; i < count; i++)
        {
            people[i] = new Person(
                Id: i,
                Name: random.Next(6) switch { 0 => null, 1 => "", _ => Text(random) },
                Visits: random.Next(6) == 0 ? null : random.NextInt64(long.MinValue, long.MaxValue),
                Score: random.Next(10) == 0 ? double.NegativeInfinity : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 20)),
                Balance: Math.Round((decimal)(random.NextDouble() * 2e6 - 1e6), random.Next(0, 6)),
                Joined: new DateTime(2000, 1, 1).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 30)),
                Birthday: random.Next(6) == 0 ? null : DateOnly.FromDayNumber(random.Next(600_000, 800_000)),
                Active: random.Next(2) == 0,
                Favorite: (Color)random.Next(3),
                Token: random.Next(6) == 0 ? null : new Guid(random.Next(), (short)random.Next(), (short)random.Next(), [1, 2, 3, 4, 5, 6, 7, 8]));
        }
        return people;
    }
}
