using CsCheck;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>For any body and secret, a correct signature verifies and any single changed byte does not.</summary>
public sealed class VerifyPropertyTests
{
    private static readonly Gen<string> Secrets = Gen.String[Gen.Char.AlphaNumeric, 1, 40];
    private static readonly Gen<byte[]> Bodies = Gen.Byte.Array[1, 300];

    [Theory]
    [InlineData("aftership")]
    [InlineData("easypost")]
    [InlineData("sendcloud")]
    [InlineData("shippo")]
    [InlineData("generic")]
    public void Verify_AnyBodyAndSecret_AcceptsOnlyTheExactBytes(string provider) =>
        Gen.Select(Bodies, Secrets, Gen.Int.Positive).Sample((body, secret, position) =>
        {
            var webhook = Webhooks.Of(provider);
            var signed = provider == "shippo"
                ? Webhooks.ShippoSigned(body, secret, 1772438400)
                : Webhooks.Signed(provider, body, secret);
            var flipped = (byte[])body.Clone();
            flipped[position % flipped.Length] ^= 0x01;

            Assert.True(webhook.Verify(signed, secret));
            Assert.False(webhook.Verify(signed with { Body = flipped }, secret));
        });
}
