using System.ComponentModel;
using System.Globalization;

namespace PostPurchase.Core.Serialization;

/// <summary>Lets configuration name an enum value by its wire name ("review-request") as well as by its .NET name.</summary>
public sealed class WireNameConverter<T> : EnumConverter where T : struct, Enum
{
    /// <summary>Creates the converter for <typeparamref name="T"/>.</summary>
    public WireNameConverter() : base(typeof(T)) { }

    /// <inheritdoc/>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && WireName.TryParse<T>(text.Trim(), out var parsed) ? parsed : base.ConvertFrom(context, culture, value);
}
