using PostPurchase.Core.Orders;

namespace PostPurchase.Testing;

/// <summary>Builds orders for tests: <c>OrderBuilder.Skincare().PlacedAt(...).Build()</c>.</summary>
public sealed class OrderBuilder
{
    private string _orderId = Some.OrderId();
    private DateTimeOffset _placedAt = Some.Monday;
    private Customer _customer = Some.Customer();
    private Address _address = Some.Address();
    private readonly List<OrderItem> _items = [];
    private readonly List<ShipmentRef> _shipments = [];
    private TimeSpan _shipWithin = TimeSpan.FromDays(1);
    private TimeSpan _deliverWithin = TimeSpan.FromDays(4);
    private decimal _discount;

    /// <summary>One skincare item (review after 28 days).</summary>
    public static OrderBuilder Skincare() => new OrderBuilder().WithItem("SERUM-30", "Hydrating serum 30 ml", "skincare", 1, 34.95m);

    /// <summary>One T-shirt (review after 7 days).</summary>
    public static OrderBuilder Apparel() => new OrderBuilder().WithItem("TEE-M-BLK", "Organic T-shirt, black, M", "apparel", 2, 19.50m);

    /// <summary>A headphone (review after 14 days).</summary>
    public static OrderBuilder Electronics() => new OrderBuilder().WithItem("HP-200", "Wireless headphones", "electronics", 1, 129.00m, howToUrl: "https://shop.example/howto/hp-200");

    /// <summary>Adds an order line.</summary>
    public OrderBuilder WithItem(string sku, string name, string category, int quantity, decimal unitPrice, string? howToUrl = null)
    {
        _items.Add(new OrderItem(sku, name, category, quantity, unitPrice, $"https://shop.example/img/{sku}.jpg", $"https://shop.example/p/{sku}", howToUrl));
        return this;
    }

    /// <summary>Sets the order number.</summary>
    public OrderBuilder WithId(string orderId) { _orderId = orderId; return this; }

    /// <summary>Sets when the order was placed; the promise moves with it.</summary>
    public OrderBuilder PlacedAt(DateTimeOffset placedAt) { _placedAt = placedAt; return this; }

    /// <summary>Sets the buyer.</summary>
    public OrderBuilder For(Customer customer) { _customer = customer; return this; }

    /// <summary>Changes the buyer's consent.</summary>
    public OrderBuilder WithConsent(ConsentGrant consent) { _customer = _customer with { Consent = consent }; return this; }

    /// <summary>Ships to another address.</summary>
    public OrderBuilder ShipTo(Address address) { _address = address; return this; }

    /// <summary>Promises shipping within <paramref name="shipWithin"/> and delivery within <paramref name="deliverWithin"/> of placement.</summary>
    public OrderBuilder Promising(TimeSpan shipWithin, TimeSpan deliverWithin) { _shipWithin = shipWithin; _deliverWithin = deliverWithin; return this; }

    /// <summary>Applies a discount.</summary>
    public OrderBuilder WithDiscount(decimal discount) { _discount = discount; return this; }

    /// <summary>Registers a parcel at intake.</summary>
    public OrderBuilder WithShipment(string carrier, string trackingNumber, params string[] skus)
    {
        _shipments.Add(new ShipmentRef(carrier, trackingNumber, skus));
        return this;
    }

    /// <summary>The order.</summary>
    public Order Build()
    {
        var items = _items.Count > 0 ? _items.ToList() : [new OrderItem("GIFT-CARD", "Gift card", "other", 1, 25m)];
        var subtotal = items.Sum(i => i.UnitPrice * i.Quantity);
        const decimal shipping = 4.95m;
        var total = subtotal - _discount + shipping;
        var tax = Math.Round(total * 21m / 121m, 2);
        return new Order(
            _orderId, _placedAt, "EUR", _customer, items,
            new OrderTotals(subtotal, _discount, shipping, tax, total),
            "iDEAL", _address,
            new DeliveryPromise(_placedAt + _shipWithin, _placedAt + _deliverWithin),
            _shipments.ToList());
    }
}
