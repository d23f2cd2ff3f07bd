using System.Text;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Tests;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("""{"id":"\ud800"}""")]
    [InlineData("""{"id":"a\udc00b"}""")]
    [InlineData("""{"\ud83d":1}""")]
    [InlineData("""[{"deep":["\ud83dx"]}]""")]
    public void IsText_EscapedLoneSurrogate_False(string json) => Assert.False(JsonText.IsText(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void IsText_BytesThatAreNotUtf8_False() => Assert.False(JsonText.IsText([.. "{\"id\":\""u8, 0xC3, 0x28, .. "\"}"u8]));

    [Theory]
    [InlineData("""{"id":"\ud83d\ude00","name":"caf\u00e9 \\ud800"}""")]
    [InlineData("""{"id":"plain","n":1e999,"a":[null,true]}""")]
    [InlineData("""{"id":"unterminated""")]
    [InlineData("")]
    public void IsText_PairedSurrogatesEscapedBackslashOrMalformed_True(string json) => Assert.True(JsonText.IsText(Encoding.UTF8.GetBytes(json)));
}
