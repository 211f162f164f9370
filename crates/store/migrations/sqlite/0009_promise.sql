-- The delivery promise reads the parcels handed over in the last months (CK-4).
CREATE INDEX shipments_handed_over ON shipments (handed_over_at);
