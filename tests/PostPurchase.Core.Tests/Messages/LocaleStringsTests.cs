using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class LocaleStringsTests
{
    private static readonly LocaleStrings Strings = LocaleStrings.LoadBuiltIn();

    public static TheoryData<string> Locales => new(LocaleFormat.Supported);

    [Theory]
    [MemberData(nameof(Locales))]
    public void LoadBuiltIn_EveryLocale_HasTheSameKeysAsEnglish(string locale)
    {
        var english = Strings.Keys("en");
        var keys = Strings.Keys(locale);

        Assert.Equal(english.Keys.Order(), keys.Keys.Order());
        Assert.All(english, section => Assert.Equal(section.Value.Order(), keys[section.Key].Order()));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void LoadBuiltIn_EveryIntent_HasTheRequiredStrings(string locale)
    {
        var keys = Strings.Keys(locale);

        foreach (var intent in Enum.GetValues<Intent>())
        {
            var section = MessageScenario.Wire(intent);
            Assert.True(keys.ContainsKey(section), $"{locale} lacks section {section}");
            Assert.All(LocaleStrings.RequiredKeys, key => Assert.Contains(key, keys[section]));
        }
    }
}
