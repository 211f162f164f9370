## The back office in English.

any = Any
save = Save
pages = Pages
pages-previous = ← Previous
pages-next = Next →
pages-page = Page { $count }

## Navigation
nav-label = Sections
nav-dashboard = Dashboard
nav-calls = Calls
nav-orders = Orders
nav-customers = Customers
nav-outbox = Outbox
nav-settings = Settings
nav-users = Users
nav-language = Language
nav-language-browser = Browser's language
nav-language-set = Set
nav-logout = Log out

## Login
login-title = Log in
login-email = Email
login-password = Password
login-submit = Log in
login-refused = The email or the password is wrong.
login-locked = { $count ->
    [one] Too many failed attempts. Try again in { $count } minute.
   *[other] Too many failed attempts. Try again in { $count } minutes.
}
login-slowed = { $count ->
    [one] Many failed attempts on this account. Try again in { $count } second.
   *[other] Many failed attempts on this account. Try again in { $count } seconds.
}

## Errors
error-title = Something is in the way
error-home = Back to the start
error-forbidden = Your role may not open this page or do this.
error-not-found = There is nothing here. It may have been removed, or the link is wrong.
error-unavailable = The shop could not do this just now. Nothing was changed; try again.
error-invalid = This request could not be carried out.
error-csrf = This form has expired or did not come from this back office. Reload the page and try again.
error-too-large = This form is too large to send.

## Dashboard
dashboard-today = Today's orders
dashboard-today-none = No orders yet today.
dashboard-today-total = { $count ->
    [one] { $count } order
   *[other] { $count } orders
}
dashboard-tasks = Tasks due now
dashboard-tasks-due = { $count ->
    [0] Nothing due
    [one] { $count } task
   *[other] { $count } tasks
}
dashboard-open-calls = Open the call queue
dashboard-inquiries = Messages from customers
dashboard-inquiries-none = Every message is answered in time.
dashboard-inquiries-overdue = { $count ->
    [one] { $count } message overdue
   *[other] { $count } messages overdue
}
dashboard-inquiries-oldest = { $count ->
    [0] the oldest has waited less than an hour
    [one] the oldest has waited { $count } hour
   *[other] the oldest has waited { $count } hours
}
dashboard-open-inquiries = Answer the messages
dashboard-overdue = Overdue payments
dashboard-overdue-none = No invoice is past its deadline.
dashboard-due-since = due { $when }
chart-orders-title = Orders per day, last 30 days
chart-orders-total = { $count ->
    [one] { $count } order in 30 days
   *[other] { $count } orders in 30 days
}
chart-orders-day = { $count ->
    [one] { $count } order
   *[other] { $count } orders
}
chart-rate-title = Processed the same day, last 30 days
chart-rate-total = { $percent }% processed the day they came in
chart-rate-day = { $percent }% the same day
chart-no-orders = No orders in these 30 days.

## Orders
orders-title = Orders
orders-search = Search
orders-search-hint = Number, name, phone or email
orders-stage = Stage
orders-hold = Hold
orders-channel = Channel
orders-payment = Payment
orders-delivery = Delivery
orders-filter = Show
orders-none = No orders match.
orders-number = Order
orders-customer = Customer
orders-placed = Placed
orders-total = Total

## An order
order-title = Order
order-heading = Order #{ $number }
order-moves = What can be done
order-no-moves = Nothing can be done with this order now.
order-moved = Order #{ $number } is now: { $stage }.
order-reason = Why?
order-tracking = Tracking number
order-outcome = How the return ended
order-hold-kind = Hold
order-customer = Customer
order-delivery = Delivery
order-promise = Promised delivery
order-payment = Payment
order-paid = Paid
order-balance = Still due
order-lines = Items
order-item = Item
order-quantity = Qty
order-unit-price = Price
order-delivery-price = Delivery
order-note = Note
order-tasks = Tasks
order-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
order-messages = Messages to the customer
order-timeline = Timeline
move-confirm = Confirm
move-start-assembly = Start assembly
move-mark-ready = Mark ready
move-hand-over = Hand over to the carrier
move-deliver = Delivered
move-close = Close
move-cancel = Cancel the order
move-request-return = Register a return
move-resolve-return = Settle the return
move-hold = Put on hold
move-release-hold = Release: { $hold }

## Call queue
calls-title = Call queue
calls-hours = Calling hours { $hours }
calls-none = No calls are due now. Well done.
calls-call = Call { $phone }
calls-no-phone = No phone number: write to the customer instead.
calls-confirm = Confirm with the customer
calls-name = Name
calls-items = Items
calls-delivery = Delivery method
calls-address = Address
calls-pickup = Pickup point
calls-date = Delivery date
calls-total = Total
calls-payment = Payment
calls-choose-payment = Payment the customer chose
calls-choose-delivery = Delivery the customer chose
calls-note = Note
calls-note-hint = What the customer said, if anything
calls-after = Next in the queue
calls-recorded = Order #{ $number }: { $outcome } recorded.
calls-recorded-next = Order #{ $number }: { $outcome } recorded. Next call { $next }; the customer is told.
calls-recorded-held = Order #{ $number }: { $outcome } recorded. No more calls; the order is held until { $until }.
inquiries-title = Messages to answer
inquiries-none = No message is waiting for an answer.
inquiry-sent = sent { $when }
inquiry-due = answer by { $when }
inquiry-overdue = overdue since { $when }
inquiry-order-not-theirs = names order #{ $number }, which is not theirs
inquiry-answer = Answer
inquiry-answer-by = Your answer, by { $channel }
inquiry-send = Send the answer
inquiry-answered = Your answer to { $name } is on its way to { $contact }.
inquiry-answered-at = answered { $when }
refusal-inquiry_answered = This message has already been answered.
refusal-text_missing = Write a few words.
refusal-text_too_long = At most 4000 characters.
refusal-number_invalid = Write a whole number.
template-support_answer = Answer to a customer's message

## Customers
customers-title = Customers
customers-search = Search
customers-search-hint = Name, phone or email
customers-find = Find
customers-none = No customers match.
customers-name = Name
customers-contact = Contact
customers-tier = Tier
customers-orders = Orders
customer-title = Customer
customer-contacts = Contacts
customer-invalid = does not work
customer-about = About
customer-since = Customer since
customer-language = Language
customer-birthday = Birthday
customer-consent = Marketing messages
customer-consent-given = agreed { $when }
customer-consent-none = no consent given
customer-orders = Orders
customer-messages = Messages
customer-inquiries = Written to the shop
customer-inquiries-none = The customer has not written to the shop.

## Outbox
outbox-title = Outbox
outbox-order = Order
outbox-customer = Customer number
outbox-status = Status
outbox-created = Created
outbox-template = Message
outbox-recipient = To
outbox-text = Text
outbox-none = No messages.

## Settings
settings-title = Shop settings
settings-saved = The settings are saved.
settings-calling-hours = Calling hours
settings-quiet-hours = Quiet hours for messages
settings-from = From
settings-until = Until
field-name = Shop name
field-contact_phone = Contact phone
field-contact_email = Contact email
field-contact_address = Address
field-time_zone = Time zone
field-phone_region = Phone region
field-calls_calling_from = Calling from
field-calls_calling_until = Calling until
field-messages_quiet_from = Quiet from
field-messages_quiet_until = Quiet until
settings-returns = Returns
field-returns_days = Days after delivery a return can be asked for
field-returns_shop_pays_percent = Share of the return shipping the shop pays, percent (always all for a wrong item or a flaw)
field-returns_thank_you_percent = Thank-you coupon after a return, percent (0 for none)
field-returns_thank_you_days = Thank-you coupon valid for, days
settings-support = Messages from the contacts page
field-support_answer_within_hours = Answer within, in working hours
field-support_messages_per_hour = Messages a visitor may send per hour
settings-backups = Nightly backup
settings-backups-hint = Each night a copy of the shop's database is written into the folder, named by its date, and the oldest copies beyond the number kept are removed. Leave the folder empty for no nightly backup. A shop on PostgreSQL backs up with pg_dump instead.
field-backups_folder = Folder for the backups, from the root
field-backups_hour = Hour of the night
field-backups_keep = Backups kept
refusal-backups_sqlite_only = This shop runs on PostgreSQL: back it up with pg_dump and keep the folder empty.
refusal-folder_invalid = Write the folder in full from the root, such as /var/backups/shop.
field-storefront_cart_days = Days a cart nobody touches is kept
settings-after-sale = After the sale
field-replenish = Replenishment reminders, one category per line with the days after delivery, such as: cosmetics 56-84
field-holiday_greetings = Holiday greetings, one per line: the date and the greeting, such as 03-08 Happy 8 March!, and a translation as 03-08 ru: С 8 Марта!
field-birthday_gift = Birthday gift
field-birthday_percent = Birthday discount, percent
field-birthday_days = Birthday gift valid for, days
field-anniversary_gift = Gift on the anniversary of the first order
field-anniversary_percent = Anniversary discount, percent
field-anniversary_days = Anniversary gift valid for, days
field-after_sale_birthday = Birthday gift
field-after_sale_anniversary = Anniversary gift
gift-none = None
gift-discount = A discount
gift-free_delivery = Free delivery
templates-title = Message templates
templates-intro = Each message exists in every language. Change the text on the left and the preview shows what the customer gets.
templates-edit = Edit
templates-edited = changed by the shop
templates-back = ← All templates
templates-variables = You can use
templates-subject = Subject
templates-body = Text
templates-preview = Preview
templates-saved = The { $language } template is saved.

## Users and tokens
users-title = Users and API tokens
users-people = People
users-email = Email
users-name = Name
users-role = Role
users-access = Access
users-change = Change
users-enable = Enable
users-disable = Disable
users-reset = New password
users-unlock = Clear failed logins
users-failed-logins = { $count ->
    [one] { $count } failed login in the last 15 minutes
   *[other] { $count } failed logins in the last 15 minutes
}
users-new = Add a person
users-create = Add
users-password-for = Password for { $email }:
users-token-for = API token "{ $name }":
users-shown-once = This is shown once. Copy it now and hand it over safely.
tokens-title = API tokens
tokens-none = No API tokens yet.
tokens-name = Name
tokens-create = Make a token
tokens-revoked = revoked

## Refusals, by their codes
refusal-stage_forbids = The order's stage does not allow this.
refusal-order_final = The order is finished; it does not move any more.
refusal-order_on_hold = The order is on hold. Resolve the hold first.
refusal-balance_due = Money is still due on this order.
refusal-already_on_hold = The order is already on this hold.
refusal-not_on_hold = The order is not on this hold.
refusal-last_line = This is the last item; cancel the order instead.
refusal-methods_missing = Choose the payment and the delivery method first.
refusal-forbidden = Your role may not do this.
refusal-reason_required = Say why, in a few words.
refusal-task_closed = This task is already closed.
refusal-address_missing = Door delivery needs an address, and the order has none.
refusal-own_account = You cannot change your own role or access. Ask another owner.
refusal-email_taken = A user with this email already exists.
refusal-email_invalid = This is not an email address.
refusal-name_invalid = A name of 1 to 100 characters is needed.
refusal-time_zone_invalid = This is not a time zone such as Europe/Oslo.
refusal-cutoff_invalid = Write times as HH:MM, such as 09:00.
refusal-subject_missing = An email needs a subject.

## Roles
role-owner = Owner
role-manager = Manager
role-packer = Packer
role-courier = Courier

## Stages
stage-paying = Being paid online
stage-abandoned = Not paid, given up
stage-placed = Placed
stage-confirming = Confirming
stage-awaiting_payment = Awaiting payment
stage-assembling = Assembling
stage-ready = Ready
stage-in_transit = In transit
stage-delivered = Delivered
stage-closed = Closed
stage-cancelled = Cancelled
stage-return_requested = Return requested
stage-returned = Returned
stage-replaced = Replaced
stage-refunded = Refunded

## Holds
hold-needs_call = Needs a call
hold-waiting_for_customer = Waiting for the customer
hold-payment_problem = Payment problem
hold-defect_found = Defect found
hold-delayed = Delayed
hold-lost = Lost

## Payment
payment-prepaid = Prepaid
payment-after_confirmation = Invoice after confirmation
payment-on_delivery = On delivery
payment-status-unpaid = unpaid
payment-status-partially_paid = partly paid
payment-status-paid = paid
payment-status-overpaid = overpaid

## Delivery
delivery-store_pickup = Pickup in the store
delivery-warehouse_pickup = Pickup at the warehouse
delivery-pickup_point = Pickup point
delivery-parcel_locker = Parcel locker
delivery-post = Post
delivery-courier = Courier

## Channels
channel-storefront = Shop website
channel-api = API
channel-phone = Phone order
channel-import = Import
channel-email = Email
channel-sms = SMS
channel-webhook = Messenger

## Call outcomes
outcome-reached_confirmed = Confirmed
outcome-reached_with_changes = Confirmed with changes
outcome-no_answer = No answer
outcome-busy = Busy
outcome-wrong_number = Wrong number

## Tasks
task-confirm_call = Confirmation call
task-clarify_data = Details to clarify
task-payment_help = Help with payment
task-customer_choice = Customer's choice
task-send_right_item = Send the right item
task-state-open = open
task-state-done = done
task-state-gave_up = gave up
task-state-cancelled = cancelled

## Messages
message-status-queued = queued
message-status-sending = sending
message-status-sent = sent
message-status-delivered = delivered
message-status-outbox = kept in the outbox
message-status-failed = failed
message-status-bounced = bounced
message-status-withdrawn = withdrawn
template-order_received = Order received
template-order_being_assembled = Order being assembled
template-confirmation_request = Please confirm
template-missed_call = Missed call
template-order_held = Order held
template-invoice = Invoice
template-payment_reminder = Payment reminder
template-payment_received = Payment received
template-out_of_stock_choice = Out of stock: a choice
template-handed_to_carrier = Handed to the carrier
template-delay_warning = Delay warning
template-ready_for_pickup = Ready for pickup
template-courier_on_the_way = Courier on the way
template-delivered = Delivered
template-replenish_reminder = Replenishment reminder
template-birthday_greeting = Birthday greeting
template-anniversary_greeting = Anniversary greeting
template-holiday_greeting = Holiday greeting
template-return_instructions = Return instructions
template-return_thanks = Thanks for a return

## Timeline
event-placed = Placed
event-stage_changed = Stage changed
event-cancelled = Cancelled
event-line_reserved = Item reserved
event-line_out_of_stock = Item out of stock
event-line_cancelled = Item cancelled
event-hold_placed = Put on hold
event-hold_released = Hold released
event-payment_recorded = Payment recorded
event-tracking_recorded = Tracking number recorded
event-return_requested = Return requested
event-methods_chosen = Payment and delivery chosen
event-check_failed = Check found a problem
event-promise_made = Delivery date promised
event-payment_failed = Payment failed
event-call_attempted = Call made
event-message_queued = Message queued
event-task_opened = Task opened
event-line_substituted = Item substituted
event-line_awaiting_supplier = Waiting for the supplier
event-message_failed = Message failed

## Customers' tiers and languages
tier-new = New
tier-regular = Regular
tier-loyal = Loyal
language-en = English
language-ru = Russian
language-uk = Ukrainian
language-nb = Norwegian
language-lv = Latvian

## Packing station, courier, cash, merging cards
nav-packing = Packing
nav-courier = Deliveries
nav-cash = Cash
packing-title = Packing station
packing-orders = Orders to pack
packing-orders-none = No orders are being assembled.
packing-location = Location
packing-location-all = every location
packing-print-pick-list = Print the pick list
pick-list-title = Pick list
pick-list-empty = Nothing to pick.
pick-list-supplier = order from the supplier
pick-list-bin = Bin
pick-list-order = Order
print-hint = Print this page from your browser's menu.
station-title = Packing
station-order-page = the whole order
station-check = Check every unit
station-scan = Scan or type the barcode
station-scan-check = Check
station-scanned = Checked
station-all-checked = Every unit is checked: pack the parcel.
station-units-left = { $count ->
    [one] One unit left to check.
   *[other] { $count } units left to check.
}
station-quality = Quality check
station-severity = Flaw
station-flaw = What is wrong
station-discount = Discount if kept
station-report-flaw = Report the flaw
station-pack = Pack
station-no-inserts = No inserts for this parcel.
station-inserts = Put in:
station-packaging = Packaging
station-weight = Weight, grams
station-pack-button = Packed
station-parcel = Parcel
station-print-slip = Print the packing slip
station-hand-over = Hand-over
station-pickup-code = Pickup code
station-courier = Courier
station-hand-over-button = Handed over
station-defect-recorded = Order #{ $number }: the flaw is recorded.
station-packed = Order #{ $number } is packed.
station-handed-over = Order #{ $number } is handed over.
scan-accepted = Right item. { $count ->
    [0] The order is complete.
    [one] One unit left.
   *[other] { $count } units left.
}
severity-minor = Minor: ask the customer
severity-major = Major: replace the unit
shipment-packed = packed
shipment-handed_over = handed over
shipment-in_transit = on its way
shipment-at_pickup_point = at the pickup point
shipment-out_for_delivery = courier on the way
shipment-delivered = delivered
shipment-lost = lost
slip-title = Packing slip
slip-coupon = Your coupon for the next order
slip-inserts = In the parcel
slip-thanks = Thank you for your order! Questions? Call or write to us.
courier-title = Today's deliveries
courier-whose = Courier
courier-no-stops = No deliveries today.
courier-none = No courier yet. The owner adds couriers on the users page.
courier-call = Call
courier-map = Map
courier-receipt = Receipt
courier-collect = Collect { $amount } in cash
courier-paid = Paid: collect nothing.
courier-on-the-way = On my way
courier-cash = Cash taken
courier-receipt-number = Receipt number
courier-delivered = Delivered
courier-cash-title = My cash today
courier-hand-in-amount = Amount handed in
courier-hand-in = Hand in cash
courier-told = Order #{ $number }: the customer is told you are on your way.
courier-delivered-done = Order #{ $number } is delivered.
courier-handed-in = The cash is handed in.
cash-title = Cash on delivery
cash-day = Day
cash-balanced = Everything adds up: no gap.
cash-not-balanced = The cash does not add up.
cash-per-courier = Per courier
cash-per-order = Per order
cash-none = No cash this day.
cash-collected = Collected
cash-handed-in = Handed in
cash-held = Still held
cash-due = Due
cash-gap = gap
receipt-title = Receipt
receipt-number = Receipt no.
receipt-paid-cash = Paid in cash
receipt-courier = Delivered by
merge-title = Merge cards
merge-open = Same person as another card…
merge-heading = Merge another card into { $name }
merge-explain = Orders, messages, contacts, addresses and consent of the other card move to this one; the other card is removed.
merge-no-candidates = No other card matches.
merge-orders = { $count ->
    [one] one order
   *[other] { $count } orders
}
merge-kept = kept
merge-confirm = Merge card #{ $other } into this one
merge-cancel = Cancel
merge-done = Card #{ $other } is merged into { $name }.
payment-kind-payment = payment
payment-kind-refund = refund
payment-kind-failed = failed attempt
payment-amount = Amount
payment-method = Method
payment-method-card = card
payment-method-cash = cash
payment-method-bank_transfer = bank transfer
payment-method-vipps = Vipps
payment-reference = Reference
payment-record = Record payment
order-cancel-line = Cancel this item
couriers-title = Couriers
couriers-none = No couriers yet.
couriers-login = Login
couriers-no-login = no login
couriers-phone = Phone
couriers-create = Add courier
dashboard-delayed = Delayed parcels
dashboard-delayed-none = No parcel is delayed or lost.
dashboard-cash-gaps = Cash on delivery
dashboard-cash-gaps-none = The last week's cash adds up.
dashboard-cash-held = { $amount } not handed in
dashboard-cash-orders = { $count ->
    [one] one order does not match
   *[other] { $count } orders do not match
}
chart-ontime-title = Delivered on time, last 30 days
chart-ontime-day = { $percent }% on time
chart-ontime-total = { $percent }% delivered by the promised day
chart-no-deliveries = No deliveries in these 30 days.
event-item_scanned = Item checked
event-defect_found = Flaw found
event-packed = Packed
event-shipment_updated = Parcel update
event-cash_collected = Cash collected
event-discount_granted = Discount granted
event-compensated = Compensated
refusal-scan_refused = Wrong item: put it back.
refusal-code_invalid = Scan or type a code.
refusal-not_verified = Check every unit before packing.
refusal-not_packed = Pack the order before handing it over.
refusal-packaging_unknown = Choose packaging from the list.
refusal-weight_out_of_range = A parcel weighs 1 g to 70 kg.
refusal-courier_required = Choose the courier who takes it.
refusal-courier_unknown = There is no such courier.
refusal-not_your_delivery = This delivery is on another courier's route.
refusal-courier_not_linked = Your login is not linked to a courier. Ask the owner.
refusal-cash_mismatch = Take exactly the amount due, with the receipt number.
refusal-nothing_to_collect = This order is paid: never ask for money twice.
refusal-already_collected = Cash for this order or this receipt number is already recorded.
refusal-amount_invalid = Write an amount such as 398.50.
refusal-amount_not_positive = Hand in more than zero.
refusal-same_card = Choose another card than this one.
refusal-customer_unknown = There is no such card.
refusal-not_a_courier_user = Only a user with the courier role can be a courier's login.
refusal-user_unknown = There is no such user.
refusal-date_invalid = Write a day as YYYY-MM-DD.
refusal-discount_negative = A discount cannot be negative.
refusal-discount_out_of_range = The discount is more than the item costs.

# Parcels carried over from an earlier route (DL-7)
courier-carried-over = Carried over from { $day }: still to deliver.

# What a scan at the packing station came to (AS-1)
scan-line-complete = line { $line } is complete
scan-line-more = line { $line }: { $count } more to scan
scan-already-complete = line { $line } is already complete: put this unit back
scan-wrong-variant = wrong size or colour for line { $line }: it wants { $expected }, this is { $scanned }
scan-wrong-item = wrong item: { $sku } is not in this order
scan-unknown = unknown code: no product has this barcode or SKU

# A customer's unsubscribe link (AF-10)
customer-consent-withdrawn = withdrawn { $when }
customer-erased = The customer had their personal data erased { $when }. The orders stay, without them, for the books.
unsubscribe-title = Unsubscribe
unsubscribe-ask = Stop newsletters, review requests and other marketing messages from { $shop }? Messages about your orders and deliveries still come.
unsubscribe-confirm = Unsubscribe
unsubscribe-done = Done: { $shop } sends you no more marketing messages. Messages about your orders and deliveries still come.
unsubscribe-unknown = This unsubscribe link is not known. Please use the link in the most recent message.

## Outgoing webhooks
webhooks-title = Webhooks
webhooks-link = Webhooks for other systems
webhooks-intro = Other systems (an ERP, accounting, a marketplace) hear of the shop's events here: each event is posted to the address signed with the endpoint's secret, and tried again until it is taken.
webhooks-endpoints = Endpoints
webhooks-none = No endpoint yet.
webhooks-url = Address
webhooks-events = Events
webhooks-event = Event
webhooks-added = Added
webhooks-remove = Remove
webhooks-new = Add an endpoint
webhooks-add = Add endpoint
webhooks-secret-for = The signing secret of { $url }:
webhooks-dead = Deliveries that failed
webhooks-dead-none = Every delivery was taken.
webhooks-attempts = Attempts
webhooks-last-answer = Last answer
webhooks-no-answer = no answer
webhooks-redeliver = Send again
webhook-event-order_placed = Order placed
webhook-event-order_confirmed = Order confirmed
webhook-event-order_paid = Order paid
webhook-event-order_shipped = Order shipped
webhook-event-order_delivered = Order delivered
webhook-event-order_cancelled = Order cancelled
webhook-event-order_refunded = Order refunded
webhook-event-stock_changed = Stock changed
refusal-url_invalid = Give the endpoint's full address, such as https://erp.example/hooks/shopdesk.
refusal-events_empty = Choose at least one event.
refusal-delivery_not_dead = This delivery is no longer waiting to be sent again.
refusal-event_unknown = Choose the events from the list.
tokens-acts-as = acts as
tokens-acts-as-nobody = a role only
tokens-acts-as-intro = A token that acts as a person has their role and name, and stops working when they are disabled: a courier's app reads only that courier's stops.
## Reviews (AF-4, AF-5)
nav-reviews = Reviews
reviews-title = Reviews
reviews-intro = Answer every review, good or bad. A new review shows on the product page once you publish it.
reviews-none = No reviews yet.
reviews-stars = { $stars } of 5 stars
reviews-waits = waits for an answer
reviews-hidden-because = Hidden: { $reason }
reviews-answer = Your answer
reviews-cause = Cause
reviews-cause-ask = What went wrong?
reviews-coupon-sent = Coupon sent with the answer: { $code }
reviews-send-answer = Send the answer
reviews-send-answer-coupon = Send the answer with a coupon
reviews-publish = Publish
reviews-hide-reason = Reason for hiding, for the author
reviews-hide = Hide
reviews-causes = Causes of negative reviews
reviews-causes-none = No causes recorded in the last year.
reviews-month = Month
reviews-product = Product
reviews-count = Reviews
reviews-answered = The answer about { $title } is on its way to the author.
reviews-published = The review of { $title } is on the product page.
reviews-hidden = The review of { $title } is hidden; the author is told why.
reviews-field-text = Your answer
reviews-field-cause = Cause
reviews-field-reason = Reason
reviews-field-recovery = Coupon
review-state-waiting = waiting to be published
review-state-published = published
review-state-hidden = hidden
review-cause-product = The product itself
review-cause-size_chart = Size chart
review-cause-delivery = Delivery
review-cause-packaging = Packaging
review-cause-service = Service
review-cause-other = Something else
task-answer_review = Answer a review
template-review_request = Review request
template-review_reminder = Review reminder
template-review_answer = Answer to a review
template-review_hidden = Review not published
refusal-cause_required = Say what went wrong, so it can be fixed.
refusal-recovery_not_needed = A coupon answers a review of 3 stars or fewer.
refusal-review_text_too_long = At most 2000 characters.
tier-gives-percent = { $percent }% off the goods
tier-gives-free-delivery = free delivery
sf-tier-benefit = As a { $tier } customer you get, by itself when you place the order:
field-loyalty_tiers = Loyalty tiers
field-loyalty_months = Months of orders a tier counts (0: all)
field-loyalty_combine = A coupon and the tier
combine-best_wins = the larger discount applies
combine-both = both apply
settings-loyalty = Loyalty tiers
settings-loyalty-hint = One tier per line, lowest first: key, threshold (orders, or money spent such as 500.00 spent), percent off the goods, and "free delivery" if so, e.g. "silver 3 orders 5% free delivery". Names in other languages on lines of their own: "silver lv: Sudrabs".

## Products and categories (SU-2)
nav-products = Products
products-title = Products
products-new = New product
products-back = All products
products-search = Search
products-search-hint = Title, description or SKU, in any language
products-category = Category
products-status = Status
products-stock = Stock
products-sort = Order by
products-sort-newest = Newest first
products-sort-title = Title
products-sort-price = Price, lowest first
products-sort-price_desc = Price, highest first
products-sort-stock = Stock, least first
products-sort-updated = Last changed
products-none = No products match.
products-choose = Choose
products-choose-one = Choose { $title }
products-product = Product
products-price = Price from
products-variants = { $count ->
    [one] { $count } variant
   *[other] { $count } variants
}
products-duplicate = Duplicate
products-archive = Archive
products-bulk = With the chosen products
products-bulk-status = Set status
products-bulk-percent = Change prices by, percent
products-bulk-price = Change prices
products-bulk-move = Move
products-no-category = No category
products-bulk-done = { $count ->
    [one] { $count } product changed.
   *[other] { $count } products changed.
}
product-status-draft = Draft
product-status-active = On sale
product-status-archived = Archived
stock-state-in_stock = in stock
stock-state-low = running low
stock-state-sold_out = sold out
product-new-title = New product
product-edit-title = Edit product
product-on-storefront = See it in the shop
product-options = Options
product-options-hint = What the variants differ in, such as colour or size. Each variant then gets its value.
product-option-n = Option { $n }
product-variants = Variants
product-variants-hint = Prices in { $currency }, such as 1 490,00 or 1490.00; weight in grams. An empty row is left out.
product-variant-n = Variant { $n }
product-variant-archive = Stop selling this variant
product-variant-add = Add a variant
product-variants-archived = Variants no longer sold
product-saved = The product is saved.
product-duplicated = This is a draft copy: change what differs and save.
product-archived = The product is archived; its orders keep their lines.
product-variant-archived = The variant is no longer sold; its orders keep their lines.
product-field-title = Title
product-field-description = Description
product-field-category = Category
product-field-status = Status
product-field-variants = Variants
product-field-sku = SKU
product-field-barcode = Barcode
product-field-price_minor = Price
product-field-compare_at_minor = Old price (struck through)
product-field-weight_grams = Weight, g
product-field-options = Options
product-field-id = Variant
categories-title = Categories
categories-intro = The storefront lists categories in this order, lowest position first, each in the visitor's language.
categories-none = No categories yet.
categories-archived = hidden from the shop
categories-parent = Inside
categories-position = Position
categories-archive = Hide from the shop
categories-restore = Show in the shop again
categories-new = New category
categories-code = Short code for addresses
categories-create = Add category
categories-saved = The category is saved.
words-title = Option words
words-intro = Option names and values as written on the variants (colour, Navy), and how each language says them. An empty field removes the translation.
words-word = As written
words-saved = The words are saved.
settings-languages = Languages
settings-languages-hint = The languages the shop sells in: each product gets a title and description in each of them, and visitors read the shop in theirs, else in the default.
field-default_locale = Default language
field-low_stock_units = Running low below, units
refusal-barcode_check_digit = The barcode's last digit does not match the others: check the number on the label.
refusal-barcode_invalid = A barcode is digits or letters without spaces.
refusal-compare_at_not_above_price = The old price must be above the price.
refusal-sku_invalid = A SKU is 1 to 64 Latin letters, digits and the signs - _ . /
refusal-sku_repeated = This SKU is on another row of this product.
refusal-title_invalid = A title of 1 to 200 characters is needed.
refusal-description_too_long = At most 20000 characters.
refusal-variants_missing = Fill in at least one variant: a product needs one to be sold.
refusal-already_exists = This is taken already: choose another.
refusal-weight_invalid = Write a weight in grams, 0 to 1000000.
refusal-percent_invalid = Write a percentage such as 10 or -5.
refusal-products_not_chosen = Tick the products first.
refusal-category_code_invalid = A code is lowercase letters, digits and dashes, such as knitwear.
refusal-category_name_invalid = A name of 1 to 100 characters is needed.
refusal-category_parent_loop = A category cannot sit inside itself.
refusal-category_unknown = There is no such category.
refusal-locale_not_sold_in = The shop does not sell in this language: add it in the settings first.
refusal-position_invalid = A position is a whole number.
refusal-option_invalid = Options and words are at most 100 characters.
refusal-status_invalid = Choose a status from the list.
refusal-variant_unknown = This variant is not this product's.
refusal-locale_invalid = Choose a language from the list.
refusal-locale_repeated = Each language once.
refusal-low_stock_units_invalid = Write a number of units, 0 to 1000000.
refusal-product_was_ordered = This product was ordered: archive it instead, so its orders keep their lines.

# An order's money: voids, refunds, overpayments (PY-3)
order-refunded = Refunded
payment-voided = voided
payment-void = Void
payment-void-reason = Why it was recorded in error
payment-overpayment = More than is due, knowingly
payment-kind-void = void
payment-status-partially_refunded = partly refunded
payment-status-refunded = refunded
payment-method-mobilepay = MobilePay
payment-method-stripe = card online (Stripe)
payment-method-liqpay = LiqPay
payment-method-yookassa = YooKassa
refund-title = Refund
refund-refundable = May still be given back
refund-item = Item
refund-unit-price = Unit price
refund-quantity = Units to refund
refund-delivery = Refund the delivery
refund-amount = Amount
refund-amount-hint = the items' price
refund-reason = Reason
refund-make = Refund
refund-overpaid = Paid beyond the total
refund-pay-back = Pay back
event-payment_voided = Payment voided
event-refund_made = Refund made
template-refund_made = Refund made
refusal-amount_above_balance = That is more than is due. Tick "More than is due, knowingly" if the customer paid more.
refusal-method_unknown = Choose a way of paying from the list.
refusal-currency_mismatch = The money must be in the order's currency.
refusal-payment_not_positive = Write an amount above zero.
refusal-refund_above_paid = That is more than was paid and not refunded yet.
refusal-refund_above_overpayment = That is more than was paid beyond the total.
refusal-void_above_refundable = Part of this payment was refunded already: it cannot be voided.
refusal-refund_quantity = That is more units than are left to refund on this item.
refusal-delivery_refunded = The delivery was refunded already.
refusal-already_voided = This payment was voided already.
refusal-amount_required = Choose the items given back, or write the amount.
refusal-refund_above_covered = The amount is more than the chosen items cost.
refusal-overpayment_covers_nothing = Paying back an overpayment covers no items.
refusal-methods_empty = Name at least one way the shop takes money.
refund-notice = Order #{ $number }: refunded { $refunded } in all.
payment-voided-notice = Order #{ $number }: the payment is voided; paid now { $paid }.
refund-returned = sent back

# The owner connects online payments (PY-2)
providers-title = Online payments
providers-intro = Connect the shop's Stripe account: customers then pay invoices by card from their order page. A key is never shown again once saved.
providers-key-stripe_secret_key = Secret key (sk_live_…)
providers-key-stripe_webhook_secret = Webhook signing secret (whsec_…)
providers-key-set = Set
providers-key-unset = Not set
providers-key-remove = Remove
providers-key-saved = The key is saved.
providers-key-removed = The key is removed.
providers-webhook = In Stripe's dashboard, add a webhook endpoint at this address for the events checkout.session.completed and checkout.session.async_payment_succeeded:
refund-state-pending = waiting for Stripe
refund-state-done = refunded by Stripe
refund-state-failed = Stripe refused: make it by hand
task-refund_help = Make a refund by hand
refusal-no_card_payment = That order was not paid by card through Stripe.

# A product's photos (AS-1).
photos-title = Photos
photos-none = No photos yet. A product with photos sells far better.
photos-colour = Shows the colour
photos-every-colour = Every colour
photos-alt = Text read instead of the photo ({ $language })
photos-earlier = Move earlier
photos-later = Move later
photos-remove = Remove
photos-files = Photos to add
photos-files-hint = JPEG, PNG or WebP, up to 20 MB each and 12 at once. They are turned upright, stripped of the camera's data (such as where it was taken) and resized for every screen.
photos-upload = Add the photos
photos-after-save = Save the product first; then its photos can be added here.
photos-added = The photos are added.
photos-saved = The photo is saved.
photos-removed = The photo is removed.
refusal-photo_too_large = the file is larger than 20 MB.
refusal-photo_not_an_image = the file is not a JPEG, PNG or WebP picture.
refusal-photo_dimensions = the picture is too small or too large to be a product photo (32 to 12,000 pixels a side, at most 64 megapixels).
refusal-photos_count = Choose between 1 and 12 photos to add.
refusal-photo_colour_unknown = The product comes in no such colour.
refusal-alt_too_long = The text for a photo is at most 300 characters.
refusal-photo_order = Name each of the product's photos once.
refusal-form_unreadable = The form could not be read; send it again.

# Importing and exporting products
products-import = Import products
products-export = Export as CSV
import-title = Import products
import-intro = A product CSV exported from Shopify or WooCommerce. Each product is checked whole: a refused row leaves its product out and the others go in. Products are found again by handle or SKU, so importing the same file again changes nothing.
import-file = Product file (CSV)
import-dry-run = Only check, write nothing
import-submit = Import
import-dry-run-done = Dry run: nothing was written.
import-summary = { $created } created, { $updated } updated, { $unchanged } unchanged, { $refused } refused
import-refused = Refused rows
import-warnings = Imported without
import-row = Row
import-column = Column
import-product = Product
import-why = Why
refusal-import_format_unknown = The file is neither a Shopify nor a WooCommerce product export: check its header row.
refusal-import_parent_unknown = This variation's parent is not in the file.
refusal-csv_unreadable = The file is not a readable CSV in UTF-8.
refusal-file_missing = Choose a product file to import.
refusal-file_too_large = A product file is at most 50 MB.
refusal-image_unreachable = The photo could not be fetched from its address.
