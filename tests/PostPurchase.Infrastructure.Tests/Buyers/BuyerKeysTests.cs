using PostPurchase.Infrastructure.Buyers;

namespace PostPurchase.Infrastructure.Tests.Buyers;

public class BuyerKeysTests
{
    private static readonly BuyerKeys Keys = new("a-signing-key-for-buyer-tests");

    [Fact]
    public void For_SpellingsOfOneAddress_GiveOneKey()
    {
        var key = Keys.For("anna.devries@gmail.com");

        Assert.Equal(key, Keys.For("  Anna.DeVries+shop@GoogleMail.com "));
        Assert.Equal(key, Keys.For("annadevries@gmail.com"));
        Assert.Equal(43, key.Length);
        Assert.DoesNotContain("anna", key, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void For_AnotherAddressOrAnotherMerchant_GiveAnotherKey()
    {
        Assert.NotEqual(Keys.For("anna@example.com"), Keys.For("ben@example.com"));
        Assert.NotEqual(Keys.For("anna@example.com"), new BuyerKeys("another-merchants-signing-key").For("anna@example.com"));
        // Dots count outside Gmail.
        Assert.NotEqual(Keys.For("anna.devries@example.com"), Keys.For("annadevries@example.com"));
    }

    [Fact]
    public void ReferralCode_SameBuyer_SameCodeWithThePrefixInCrockfordBase32()
    {
        var buyer = Keys.For("anna@example.com");

        var code = Keys.ReferralCode(buyer, "FRIEND-");

        Assert.Equal(code, Keys.ReferralCode(buyer, "FRIEND-"));
        Assert.Matches("^FRIEND-[0-9A-HJKMNP-TV-Z]{8}$", code);
        Assert.NotEqual(code, Keys.ReferralCode(Keys.For("ben@example.com"), "FRIEND-"));
        Assert.Null(Keys.ReferralCode(buyer, ""));
    }
}
