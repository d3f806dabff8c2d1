using System.Globalization;
using MiniSpark.Internal;

namespace MiniSpark;

/// <summary>Settings of a <see cref="SparkContext"/>: string keys and values, as in Spark.</summary>
/// <remarks>
/// Setters return this object for chaining. Values are validated when the context is created, and a bad
/// value fails with an <see cref="ArgumentException"/> naming the key and the value. The context copies the
/// configuration: changing it afterwards has no effect on a running context.
/// </remarks>
public sealed class SparkConf
{
    /// <summary>The master URL key.</summary>
    public const string MasterKey = "spark.master";

    /// <summary>The application name key.</summary>
    public const string AppNameKey = "spark.app.name";

    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    /// <summary>Creates an empty configuration.</summary>
    public SparkConf() { }

    private SparkConf(Dictionary<string, string> settings) => _settings = new(settings, StringComparer.Ordinal);

    /// <summary>Sets the master: <c>local</c>, <c>local[N]</c>, <c>local[*]</c> or <c>local[N,F]</c> (F = attempts per task).</summary>
    public SparkConf SetMaster(string master) => Set(MasterKey, master);

    /// <summary>Sets the application name shown in logs and the UI.</summary>
    public SparkConf SetAppName(string name) => Set(AppNameKey, name);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public SparkConf Set(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _settings[key] = value;
        return this;
    }

    /// <summary>Sets <paramref name="key"/> only when it has no value yet.</summary>
    public SparkConf SetIfMissing(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _settings.TryAdd(key, value);
        return this;
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    public SparkConf Remove(string key)
    {
        _settings.Remove(key);
        return this;
    }

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is not set.</exception>
    public string Get(string key) =>
        _settings.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"Setting '{key}' is not set.");

    /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/> when it is not set.</summary>
    public string Get(string key, string defaultValue) => _settings.GetValueOrDefault(key, defaultValue);

    /// <summary>Whether <paramref name="key"/> is set.</summary>
    public bool Contains(string key) => _settings.ContainsKey(key);

    /// <summary>Every setting, ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GetAll() => [.. _settings.OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>A copy of this configuration.</summary>
    public SparkConf Clone() => new(_settings);

    internal string? GetOrNull(string key) => _settings.GetValueOrDefault(key);

    internal int GetPositiveInt(string key, int defaultValue)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, "a positive integer"), key);
    }

    internal int GetInt(string key, int defaultValue, int min, int max)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, $"an integer from {min} to {max}"), key);
    }

    internal double GetDouble(string key, double defaultValue, double min, double max)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
            value >= min && value <= max
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, $"a number from {min} to {max}"), key);
    }

    internal bool GetBool(string key, bool defaultValue)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return bool.TryParse(text.Trim(), out bool value)
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, "true or false"), key);
    }

    internal int GetNonNegativeInt(string key, int defaultValue)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, "a whole number, 0 or more"), key);
    }

    /// <summary>Spark-style durations: <c>250ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c>; a bare number is milliseconds.</summary>
    internal TimeSpan GetDuration(string key, TimeSpan defaultValue)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        string trimmed = text.Trim().ToLowerInvariant();
        (string number, double unitMs) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1000.0),
            _ when trimmed.EndsWith("min", StringComparison.Ordinal) => (trimmed[..^3], 60_000.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60_000.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3_600_000.0),
            _ => (trimmed, 1.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? TimeSpan.FromMilliseconds(value * unitMs)
            : throw new ArgumentException(SR.BadSetting(key, text, "a positive duration such as 100ms or 2s"), key);
    }

    internal long GetBytes(string key, long defaultValue)
    {
        string? text = GetOrNull(key);
        if (text is null) return defaultValue;
        return ByteSize.TryParse(text, out long value) && value > 0
            ? value
            : throw new ArgumentException(SR.BadSetting(key, text, "a positive size such as 512k, 64m or 2g"), key);
    }
}
