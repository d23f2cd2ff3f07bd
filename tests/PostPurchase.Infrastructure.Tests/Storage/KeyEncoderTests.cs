using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Tests.Storage;

public sealed class KeyEncoderTests
{
    [Theory]
    [InlineData("PP-1001", "PP-1001")]
    [InlineData("A/B#C?D\\E%F", "A%2FB%23C%3FD%5CE%25F")]
    [InlineData("tab\there", "tab%09here")]
    public void Encode_Id_EscapesOnlyWhatTableKeysForbid(string id, string expected) =>
        Assert.Equal(expected, KeyEncoder.Encode(id));

    [Fact]
    public void Encode_DifferentIds_NeverCollide()
    {
        Assert.NotEqual(KeyEncoder.Encode("a/b"), KeyEncoder.Encode("a%2Fb"));
    }
}
