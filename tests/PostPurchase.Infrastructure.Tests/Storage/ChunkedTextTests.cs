using Azure.Data.Tables;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Tests.Storage;

public sealed class ChunkedTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(30_000)]
    [InlineData(95_001)]
    public void Write_TextOfAnyLength_ReadsBackTheSameAndNoPropertyPassesTheLimit(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
        var entity = new TableEntity("p", "r");

        ChunkedText.Write(entity, "State", text);

        Assert.Equal(text, ChunkedText.Read(entity, "State"));
        Assert.All(entity.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= 32_000));
    }

    [Fact]
    public void Read_NoChunks_ReturnsNull() => Assert.Null(ChunkedText.Read(new TableEntity("p", "r"), "State"));
}
