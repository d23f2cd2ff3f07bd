namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>The shipping address (line 1, city, ISO alpha-2 country) and the delivery promise (ship by, then deliver by).</summary>
internal static class AddressRules
{
    /// <summary>The address, or null when a required part is missing (every problem is recorded).</summary>
    public static Address? Validate(AddressRequest? request, IntakeErrors errors)
    {
        const string path = "shippingAddress";
        if (request is null)
        {
            errors.Add(path, "Required.");
            return null;
        }
        var line1 = errors.Required(request.Line1, $"{path}.line1", 200);
        var line2 = errors.Optional(request.Line2, $"{path}.line2", 200);
        // Some countries (Ireland before Eircode, Hong Kong, the Emirates) have no postal codes.
        var postalCode = errors.Optional(request.PostalCode, $"{path}.postalCode", 20) ?? "";
        var city = errors.Required(request.City, $"{path}.city", 100);
        var country = Country(request.Country, $"{path}.country", errors);
        return line1 is null || city is null || country is null ? null : new Address(line1, line2, postalCode, city, country);
    }

    /// <summary>The upper-case ISO 3166-1 alpha-2 code, or null after recording the problem.</summary>
    public static string? Country(string? value, string path, IntakeErrors errors)
    {
        var text = errors.Required(value, path, 60);
        if (text is null)
        {
            return null;
        }
        var country = Countries.Normalise(text);
        if (country is null)
        {
            errors.Add(path, "Not an ISO 3166-1 alpha-2 country code, e.g. NL.");
        }
        return country;
    }

    /// <summary>The promise, or null when a date is missing (every problem is recorded).</summary>
    public static DeliveryPromise? Promise(PromiseRequest? request, DateTimeOffset? placedAt, IntakeErrors errors)
    {
        if (request is null)
        {
            errors.Add("promise", "Required.");
            return null;
        }
        var shipBy = errors.Required(request.ShipBy, "promise.shipBy");
        var deliverBy = errors.Required(request.DeliverBy, "promise.deliverBy");
        if (shipBy > deliverBy)
        {
            errors.Add("promise.shipBy", "Must not be after promise.deliverBy.");
        }
        if (deliverBy <= placedAt)
        {
            errors.Add("promise.deliverBy", "Must be after placedAt.");
        }
        return shipBy is null || deliverBy is null ? null : new DeliveryPromise(shipBy.Value, deliverBy.Value);
    }
}
