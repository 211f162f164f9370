//! How the customer pays and how the goods reach them.

text_enum!(
    /// How the customer pays (PY-1).
    PaymentMode = "payment_mode" {
        /// Paid at checkout: the order exists only once paid.
        Prepaid = "prepaid",
        /// An invoice after confirmation; the goods leave after payment.
        AfterConfirmation = "after_confirmation",
        /// Cash or card to the courier, at the pickup point or in the store.
        OnDelivery = "on_delivery",
    }
);

text_enum!(
    /// How the goods reach the customer (DL-1).
    DeliveryMethod = "delivery_method" {
        StorePickup = "store_pickup",
        WarehousePickup = "warehouse_pickup",
        PickupPoint = "pickup_point",
        ParcelLocker = "parcel_locker",
        Post = "post",
        Courier = "courier",
    }
);

impl DeliveryMethod {
    /// Door delivery: a street address is needed.
    pub fn needs_address(self) -> bool {
        matches!(self, Self::Post | Self::Courier)
    }

    /// A carrier's point or locker the customer chose.
    pub fn needs_pickup_point(self) -> bool {
        matches!(self, Self::PickupPoint | Self::ParcelLocker)
    }

    /// The customer collects at the shop's own premises: nothing goes to a carrier.
    pub fn is_self_pickup(self) -> bool {
        matches!(self, Self::StorePickup | Self::WarehousePickup)
    }
}
