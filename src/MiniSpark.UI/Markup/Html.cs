using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MiniSpark.Ui.Markup;

/// <summary>A fragment of markup that is safe to emit: literals written by this assembly, with every value
/// HTML-encoded on the way in.</summary>
/// <remarks>
/// Pages are built with <see cref="Of"/>: <c>Html.Of($"&lt;td&gt;{rdd.Name}&lt;/td&gt;")</c>. The interpolation
/// handler appends the literal parts as they are and encodes every hole with <see cref="HtmlEncoder"/> unless the hole
/// is itself an <see cref="Html"/>, so a user's string (a dataset name, a job description, a group id) cannot become
/// markup by construction; there is no way to append a plain string unencoded except <see cref="Trusted"/>.
/// </remarks>
internal readonly struct Html
{
    /// <summary>Encodes for element text and quoted attribute values; keeps non-ASCII letters readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty => default;

    /// <summary>Markup written by this assembly (never a user's value).</summary>
    public static Html Trusted(string markup) => new(markup);

    /// <summary>A value as text.</summary>
    public static Html Text(string? text) => new(Encoder.Encode(text ?? ""));

    /// <summary>Markup from an interpolated string whose holes are encoded.</summary>
    public static Html Of(HtmlHandler handler) => new(handler.ToStringAndClear());

    /// <summary>The fragments one after another.</summary>
    public static Html Join(IEnumerable<Html> fragments) => new(string.Concat(fragments.Select(f => f._value)));

    public override string ToString() => _value ?? "";
}

/// <summary>Builds <see cref="Html"/> from an interpolated string: literals as they are, holes encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private StringBuilder? _builder;

    public HtmlHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => _builder!.Append(literal);

    public readonly void AppendFormatted(Html html) => _builder!.Append(html.ToString());

    public readonly void AppendFormatted(IEnumerable<Html> fragments)
    {
        foreach (Html fragment in fragments) _builder!.Append(fragment.ToString());
    }

    public readonly void AppendFormatted(string? text) => _builder!.Append(Html.Encoder.Encode(text ?? ""));

    // No generic overload: a List<Html> would bind to it (an exact match) and be encoded as its type name.
    public readonly void AppendFormatted(int value) => _builder!.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(long value) => _builder!.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(double value, string? format = null) =>
        _builder!.Append(Html.Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    public string ToStringAndClear()
    {
        string text = _builder!.ToString();
        _builder = null;
        return text;
    }
}
