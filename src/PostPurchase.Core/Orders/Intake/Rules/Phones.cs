using PhoneNumbers;

namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Phone numbers through libphonenumber: valid numbers only, stored as E.164.</summary>
internal static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of <paramref name="phone"/>, or null when it is not a valid number. A number written
    /// nationally ("06 12345678") is read in <paramref name="country"/>, the shipping country.
    /// </summary>
    public static string? ToE164(string phone, string? country)
    {
        try
        {
            var parsed = Util.Parse(phone, country ?? "ZZ");
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
