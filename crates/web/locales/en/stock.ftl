## The stock pages and the dashboard's low-stock list (ST-2, ST-3)

nav-stock = Stock
stock-title = Stock
stock-intro = Every SKU at each location: on the shelf, promised to orders, free to sell, and ordered from a supplier for orders that wait. Open a SKU to receive goods, count, adjust, write off or move it, and to read its history.
stock-show = Show
stock-levels-all = everything
stock-levels-low = running low
stock-levels-sold_out = sold out
stock-none = No stock matches.
stock-sku = SKU
stock-location = Location
stock-bin = Bin
stock-on-hand = On hand
stock-reserved = Reserved
stock-available = Available
stock-incoming = Incoming
stock-low = low
location-kind-warehouse = warehouse
location-kind-store = store
location-kind-supplier = supplier
stock-back = ← All stock
stock-product = The product
stock-shelves = Where it is
stock-no-shelves = No location holds this SKU yet: record a receipt or a count.
stock-record = Record a movement
stock-kind = Movement
movement-new-receipt = Goods received
movement-new-count = Count
movement-new-adjustment = Adjustment (+ or −)
movement-new-write_off = Write-off
movement-new-transfer = Transfer to another location
stock-quantity = Units
stock-reason = Reason
stock-to-location = To location
stock-record-button = Record
stock-record-hint = A count is what the shelf holds now; an adjustment and a write-off need a reason. Units reserved for orders stay on the shelf.
stock-threshold = Low at or below (units)
stock-history = History
stock-no-history = Nothing has moved yet.
stock-when = When
stock-change = Change
stock-by = By
movement-opening = Opening count
movement-receipt = Goods received
movement-count = Count
movement-adjustment = Adjustment
movement-sale = Sold
movement-return = Returned to stock
movement-write_off = Written off
movement-transfer_out = Moved out
movement-transfer_in = Moved in
stock-purchase-order = purchase order { $number }
stock-order = order { $number }
stock-recorded = Recorded.
stock-threshold-saved = Low-stock level saved.
dashboard-low-stock = Running low
dashboard-low-stock-none = Nothing is at or below its low-stock level.
dashboard-low-stock-all = All that runs low →
dashboard-low-stock-left = { $count ->
    [one] { $count } left
   *[other] { $count } left
}
refusal-below_reserved = That would leave fewer units on the shelf than are reserved for orders.
refusal-count_invalid = A count is a whole number from 0 to 10,000,000.
refusal-reason_too_long = A reason is at most 200 characters.
refusal-to_location_required = Choose the location the units go to.
refusal-same_location = A transfer goes to another location.
refusal-location_unknown = There is no such location.
refusal-movement_kind_invalid = Choose a kind of movement.
refusal-threshold_invalid = The low-stock level is a whole number of units from 0, or empty for none.
refusal-state_invalid = Show everything, what runs low, or what is sold out.
template-goods_arrived = Goods arrived
template-replacement_window = A new delivery date after a flaw

## Suppliers and purchase orders (ST-2)

purchasing-title = Suppliers and purchase orders
purchasing-intro = Order goods from a supplier into one of your locations. When they arrive, receive them here: they go first to the orders whose customers chose to wait, oldest first, and each of those customers hears the new delivery date.
purchasing-orders = Purchase orders
purchasing-no-orders = No purchase orders yet.
purchasing-number = Number
purchasing-supplier = Supplier
purchasing-expected = Expected
purchasing-state = State
purchasing-units = Units
purchasing-po = PO { $number }
purchase-state-open = open
purchase-state-received = received
purchase-state-cancelled = cancelled
purchasing-supplier-first = Add a supplier first, then order from it.
purchasing-new-order = New purchase order
purchasing-into = Into
purchasing-note = Note
purchasing-order-button = Place the purchase order
purchasing-suppliers = Suppliers
purchasing-lead-days = { $count ->
    [one] delivers in { $count } day
   *[other] delivers in { $count } days
}
purchasing-new-supplier = New supplier
purchasing-name = Name
purchasing-email = Email
purchasing-phone = Phone
purchasing-lead = Delivers in (days)
purchasing-add-supplier = Add the supplier
purchasing-supplier-added = Supplier added.
purchasing-order-title = PO { $number } from { $supplier }
purchasing-back = ← Suppliers and purchase orders
purchasing-ordered = Ordered
purchasing-received-units = Received
purchasing-arrived = Arrived now
purchasing-receive = Receive
purchasing-receive-hint = Type what arrived beside each line; a line left empty did not arrive. What arrives is reserved for the waiting orders first.
purchasing-cancel = Cancel the purchase order
purchasing-received = Received into stock.
purchasing-cancelled = Purchase order cancelled.
refusal-supplier_unknown = Choose one of your suppliers.
refusal-location_not_own = Goods are received into a warehouse or a store, not a supplier.
refusal-sku_not_ordered = That SKU is not on this purchase order.
refusal-more_than_ordered = That is more than was ordered and not yet received.
refusal-purchase_order_closed = This purchase order is closed.
refusal-lines_invalid = Give at least one SKU with its units.
refusal-days_invalid = Days are a whole number from 0 to 365.

## The packing station's count mode (ST-3)

count-title = Count a bin
count-back = ← Packing station
count-intro = Choose the location and the bin, then scan every unit in it. Check the tally against what the stock expects and confirm: each difference is recorded as a count.
count-scan = Scan
count-start = Start counting
count-add = Add
count-scanned = { $count ->
    [one] { $count } unit scanned
   *[other] { $count } units scanned
}
count-unknown = { $code } is no product of the shop: it is not counted.
count-empty-bin = Nothing is kept in this bin yet: scan what is in it.
count-expected = Expected
count-counted = Counted
count-kept-in = kept in bin { $bin }: count it there
count-confirm = Confirm the count
count-confirm-hint = A SKU of this bin that was not scanned is counted as none left.
count-recorded = Bin { $bin } counted: { $changed ->
    [0] everything matched.
    [one] { $changed } SKU differed and was corrected.
   *[other] { $changed } SKUs differed and were corrected.
}

## The daily reorder task (ST-2)

stock-levels-reorder = to reorder
stock-on-order = On order
task-reorder = Reorder what runs low
task-lost_parcel = A lost parcel

## The locations page (ST-2, DL-8)

locations-title = Locations
locations-intro = Where the goods are kept or come from: the shop's warehouses and stores, and the suppliers that deliver to order. A parcel ready before a location's cut-off leaves the same working day; a supplier's lead time lengthens the delivery promise.
locations-none = No location yet: add the warehouse or store the goods are kept in before recording stock.
locations-code = Code
locations-name = Name
locations-kind = Kind
locations-city = City
locations-lead-time = Lead time (working days)
locations-cutoff = Cut-off
locations-add = Add a location
locations-add-button = Add
locations-hint = The code is short and never changes (it is on pick lists and in stock files); a lead time is for a supplier, 0 for the shop's own shelves.
locations-added = { $name } is added.
refusal-location_code_invalid = A code is 1 to 32 letters, digits, - or _.
refusal-location_kind_invalid = Choose a warehouse, a store or a supplier.
