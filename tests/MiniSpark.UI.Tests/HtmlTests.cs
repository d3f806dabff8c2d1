using MiniSpark.Ui.Markup;

namespace MiniSpark.Ui.Tests;

public sealed class HtmlTests
{
    [Fact]
    public void Holes_AreEncoded_LiteralsAndFragmentsAreNot()
    {
        string name = "<script>alert(\"x\")</script> & 'y'";
        Html inner = Html.Of($"<b>{name}</b>");
        Html outer = Html.Of($"<td title=\"{name}\">{inner}{42}{7L}</td>");
        Assert.Equal("<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;\">" +
            "<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;</b>427</td>", outer.ToString());
    }

    [Fact]
    public void ListsOfFragments_AreJoined_NotPrinted()
    {
        List<Html> cells = [Html.Of($"<td>{"a<"}</td>"), Html.Of($"<td>{"b"}</td>")];
        Assert.Equal("<tr><td>a&lt;</td><td>b</td></tr>", Html.Of($"<tr>{cells}</tr>").ToString());
    }

    [Fact]
    public void NonAsciiText_StaysReadable()
    {
        Assert.Equal("<p>Zürich → 東京</p>", Html.Of($"<p>{"Zürich → 東京"}</p>").ToString());
    }

    [Theory]
    [InlineData(0, "0.0 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5.0 GiB")]
    public void Bytes_AreShownLikeSpark(long bytes, string expected) => Assert.Equal(expected, Format.Bytes(bytes));

    [Theory]
    [InlineData(35, "35 ms")]
    [InlineData(1200, "1.2 s")]
    [InlineData(150_000, "2.5 min")]
    [InlineData(5_400_000, "1.5 h")]
    public void Durations_AreShownLikeSpark(double ms, string expected) => Assert.Equal(expected, Format.Duration(ms));
}
