using PostPurchase.Core.Carriers.AfterShip;
using PostPurchase.Core.Carriers.EasyPost;
using PostPurchase.Core.Carriers.Sendcloud;
using PostPurchase.Core.Carriers.Shippo;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Every provider status we know lands on the right normalised status; anything else is Unknown.</summary>
public sealed class StatusMapTests
{
    [Theory]
    [InlineData("Pending", "Pending_001", TrackingStatus.InfoReceived)]
    [InlineData("InfoReceived", "InfoReceived_001", TrackingStatus.InfoReceived)]
    [InlineData("InTransit", "InTransit_003", TrackingStatus.InTransit)]
    [InlineData("InTransit", null, TrackingStatus.InTransit)]
    [InlineData("OutForDelivery", "OutForDelivery_001", TrackingStatus.OutForDelivery)]
    [InlineData("OutForDelivery", "OutForDelivery_002", TrackingStatus.AvailableForPickup)]
    [InlineData("OutForDelivery", "OutForDelivery_004", TrackingStatus.OutForDelivery)]
    [InlineData("AttemptFail", "AttemptFail_002", TrackingStatus.FailedAttempt)]
    [InlineData("AvailableForPickup", "AvailableForPickup_001", TrackingStatus.AvailableForPickup)]
    [InlineData("Delivered", "Delivered_003", TrackingStatus.Delivered)]
    [InlineData("Exception", "Exception_004", TrackingStatus.Exception)]
    [InlineData("Exception", "Exception_010", TrackingStatus.ReturnedToSender)]
    [InlineData("Exception", "Exception_011", TrackingStatus.ReturnedToSender)]
    [InlineData("Exception", "Exception_013", TrackingStatus.Exception)]
    [InlineData("Expired", "Expired_001", TrackingStatus.Expired)]
    [InlineData("Teleported", "Teleported_001", TrackingStatus.Unknown)]
    [InlineData("delivered", null, TrackingStatus.Unknown)]
    public void Map_AfterShipTag_IsNormalised(string tag, string? subtag, TrackingStatus expected) =>
        Assert.Equal(expected, AfterShipStatusMap.Map(tag, subtag));

    [Theory]
    [InlineData("unknown", null, TrackingStatus.Unknown)]
    [InlineData("pre_transit", "label_created", TrackingStatus.InfoReceived)]
    [InlineData("in_transit", "arrived_at_facility", TrackingStatus.InTransit)]
    [InlineData("in_transit", "arrived_at_pickup_location", TrackingStatus.AvailableForPickup)]
    [InlineData("in_transit", "attempted_delivery", TrackingStatus.FailedAttempt)]
    [InlineData("out_for_delivery", "out_for_delivery", TrackingStatus.OutForDelivery)]
    [InlineData("delivered", "arrived_at_destination", TrackingStatus.Delivered)]
    [InlineData("available_for_pickup", null, TrackingStatus.AvailableForPickup)]
    [InlineData("return_to_sender", "return", TrackingStatus.ReturnedToSender)]
    [InlineData("failure", "lost", TrackingStatus.Exception)]
    [InlineData("cancelled", null, TrackingStatus.Unknown)]
    [InlineData("error", null, TrackingStatus.Unknown)]
    [InlineData("hovering", null, TrackingStatus.Unknown)]
    public void Map_EasyPostStatus_IsNormalised(string status, string? detail, TrackingStatus expected) =>
        Assert.Equal(expected, EasyPostStatusMap.Map(status, detail));

    [Theory]
    [InlineData("PRE_TRANSIT", "information_received", TrackingStatus.InfoReceived)]
    [InlineData("TRANSIT", "package_departed", TrackingStatus.InTransit)]
    [InlineData("TRANSIT", null, TrackingStatus.InTransit)]
    [InlineData("TRANSIT", "out_for_delivery", TrackingStatus.OutForDelivery)]
    [InlineData("TRANSIT", "pickup_available", TrackingStatus.AvailableForPickup)]
    [InlineData("TRANSIT", "delivery_attempted", TrackingStatus.FailedAttempt)]
    [InlineData("TRANSIT", "notice_left", TrackingStatus.FailedAttempt)]
    [InlineData("TRANSIT", "address_issue", TrackingStatus.Exception)]
    [InlineData("TRANSIT", "package_damaged", TrackingStatus.Exception)]
    [InlineData("TRANSIT", "delayed", TrackingStatus.InTransit)]
    [InlineData("DELIVERED", "delivered", TrackingStatus.Delivered)]
    [InlineData("DELIVERED", "out_for_delivery", TrackingStatus.Delivered)]
    [InlineData("RETURNED", "return_to_sender", TrackingStatus.ReturnedToSender)]
    [InlineData("RETURNED", "package_unclaimed", TrackingStatus.ReturnedToSender)]
    [InlineData("FAILURE", "package_lost", TrackingStatus.Exception)]
    [InlineData("UNKNOWN", "other", TrackingStatus.Unknown)]
    [InlineData("IN_ORBIT", null, TrackingStatus.Unknown)]
    public void Map_ShippoStatus_IsNormalised(string status, string? substatus, TrackingStatus expected) =>
        Assert.Equal(expected, ShippoStatusMap.Map(status, substatus));

    [Theory]
    [InlineData(1, "Ready to send", TrackingStatus.InfoReceived)]
    [InlineData(3, "En route to sorting center", TrackingStatus.InTransit)]
    [InlineData(8, "Delivery attempt failed", TrackingStatus.FailedAttempt)]
    [InlineData(11, "Delivered", TrackingStatus.Delivered)]
    [InlineData(12, "Awaiting customer pickup", TrackingStatus.AvailableForPickup)]
    [InlineData(92, "Driver en route", TrackingStatus.OutForDelivery)]
    [InlineData(93, "Shipment collected by customer", TrackingStatus.Delivered)]
    [InlineData(70001, "Returned to sender", TrackingStatus.ReturnedToSender)]
    [InlineData(70002, "Parcel not delivered", TrackingStatus.Exception)]
    [InlineData(70003, "Refused by recipient", TrackingStatus.Exception)]
    [InlineData(70004, "Cancelled", TrackingStatus.Unknown)]
    [InlineData(70005, "Out for delivery", TrackingStatus.OutForDelivery)]
    [InlineData(70006, "Something new", TrackingStatus.Unknown)]
    [InlineData(70007, null, TrackingStatus.Unknown)]
    public void Map_SendcloudStatus_IsNormalised(long id, string? message, TrackingStatus expected) =>
        Assert.Equal(expected, SendcloudStatusMap.Map(id, message));
}
