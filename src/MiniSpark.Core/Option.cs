namespace MiniSpark;

/// <summary>A value that may be missing: the missing side of an outer join, never <c>default(T)</c>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct Option<T> : IEquatable<Option<T>>
{
    private readonly T _value;

    internal Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>The missing value.</summary>
    public static Option<T> None => default;

    /// <summary>Whether a value is present.</summary>
    public bool HasValue { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">No value is present.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option has no value (it is None).");

    /// <summary>The value, or <paramref name="fallback"/> when missing.</summary>
    public T GetValueOrDefault(T fallback) => HasValue ? _value : fallback;

    /// <inheritdoc/>
    public bool Equals(Option<T> other) =>
        HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(true, _value) : 0;

    /// <summary>Equality of presence and value.</summary>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Inequality of presence or value.</summary>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => HasValue ? $"Some({_value})" : "None";
}

/// <summary>Creates <see cref="Option{T}"/> values.</summary>
public static class Option
{
    /// <summary>An option holding <paramref name="value"/>.</summary>
    public static Option<T> Some<T>(T value) => new(value);
}
