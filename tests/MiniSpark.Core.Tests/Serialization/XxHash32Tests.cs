using System.Text;
using MiniSpark.Serialization;

namespace MiniSpark.Tests.Serialization;

public class XxHash32Tests
{
    [Theory]
    [InlineData("", 0u, 0x02CC5D05u)]
    [InlineData("a", 0u, 0x550D7456u)]
    [InlineData("abc", 0u, 0x32D153FFu)]
    [InlineData("Nobody inspects the spammish repetition", 0u, 0xE2293B2Fu)]
    public void Hash_MatchesReferenceVectors(string input, uint seed, uint expected) =>
        Assert.Equal(expected, XxHash32.Hash(Encoding.ASCII.GetBytes(input), seed));
}
