## Aizmugures birojs latviski.

any = Jebkurš
save = Saglabāt
pages = Lapas
pages-previous = ← Iepriekšējā
pages-next = Nākamā →
pages-page = { $count }. lapa

## Navigation
nav-label = Sadaļas
nav-dashboard = Pārskats
nav-calls = Zvani
nav-orders = Pasūtījumi
nav-customers = Klienti
nav-outbox = Ziņas
nav-settings = Iestatījumi
nav-users = Lietotāji
nav-language = Valoda
nav-language-browser = Pārlūka valoda
nav-language-set = Izvēlēties
nav-logout = Iziet

## Login
login-title = Pieteikties
login-email = E-pasts
login-password = Parole
login-submit = Pieteikties
login-refused = Nepareizs e-pasts vai parole.
login-locked = { $count ->
    [one] Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc { $count } minūtes.
   *[other] Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc { $count } minūtēm.
}

## Errors
error-title = Kaut kas traucē
error-home = Atpakaļ uz sākumu
error-forbidden = Jūsu loma nedrīkst atvērt šo lapu vai darīt šo.
error-not-found = Šeit nekā nav. Iespējams, tas ir dzēsts vai saite ir nepareiza.
error-unavailable = Veikals to šobrīd nevarēja izdarīt. Nekas nav mainīts; mēģiniet vēlreiz.
error-invalid = Šo pieprasījumu nevar izpildīt.
error-csrf = Veidlapa ir novecojusi vai nav nākusi no šī biroja. Pārlādējiet lapu un mēģiniet vēlreiz.
error-too-large = Veidlapa ir par lielu.

## Dashboard
dashboard-today = Šodienas pasūtījumi
dashboard-today-none = Šodien vēl nav pasūtījumu.
dashboard-today-total = { $count ->
    [zero] { $count } pasūtījumu
    [one] { $count } pasūtījums
   *[other] { $count } pasūtījumi
}
dashboard-tasks = Uzdevumi tagad
dashboard-tasks-due = { $count ->
    [0] Nekas nav steidzams
    [zero] { $count } uzdevumu
    [one] { $count } uzdevums
   *[other] { $count } uzdevumi
}
dashboard-open-calls = Atvērt zvanu rindu
dashboard-overdue = Nokavēti maksājumi
dashboard-overdue-none = Neviens rēķins nav nokavēts.
dashboard-due-since = termiņš { $when }
chart-orders-title = Pasūtījumi dienā, pēdējās 30 dienas
chart-orders-total = { $count ->
    [zero] { $count } pasūtījumu 30 dienās
    [one] { $count } pasūtījums 30 dienās
   *[other] { $count } pasūtījumi 30 dienās
}
chart-orders-day = { $count ->
    [zero] { $count } pasūtījumu
    [one] { $count } pasūtījums
   *[other] { $count } pasūtījumi
}
chart-rate-title = Apstrādāti tajā pašā dienā, pēdējās 30 dienas
chart-rate-total = { $percent }% apstrādāti saņemšanas dienā
chart-rate-day = { $percent }% tajā pašā dienā
chart-no-orders = Šajās 30 dienās pasūtījumu nebija.

## Orders
orders-title = Pasūtījumi
orders-search = Meklēt
orders-search-hint = Numurs, vārds, tālrunis vai e-pasts
orders-stage = Posms
orders-hold = Aizture
orders-channel = Kanāls
orders-payment = Maksājums
orders-delivery = Piegāde
orders-filter = Rādīt
orders-none = Neviens pasūtījums neatbilst.
orders-number = Pasūtījums
orders-customer = Klients
orders-placed = Saņemts
orders-total = Kopā

## An order
order-title = Pasūtījums
order-heading = Pasūtījums Nr. { $number }
order-moves = Ko var darīt
order-no-moves = Ar šo pasūtījumu tagad neko nevar darīt.
order-moved = Pasūtījums Nr. { $number } tagad: { $stage }.
order-reason = Kāpēc?
order-tracking = Izsekošanas numurs
order-outcome = Kā beidzās atgriešana
order-hold-kind = Aizture
order-customer = Klients
order-delivery = Piegāde
order-promise = Solītā piegāde
order-payment = Maksājums
order-paid = Samaksāts
order-balance = Jāmaksā
order-lines = Preces
order-item = Prece
order-quantity = Daudz.
order-unit-price = Cena
order-delivery-price = Piegāde
order-note = Piezīme
order-tasks = Uzdevumi
order-attempts = { $count ->
    [zero] { $count } mēģinājumu
    [one] { $count } mēģinājums
   *[other] { $count } mēģinājumi
}
order-messages = Ziņas klientam
order-timeline = Vēsture
move-confirm = Apstiprināt
move-start-assembly = Sākt komplektēšanu
move-mark-ready = Atzīmēt kā gatavu
move-hand-over = Nodot pārvadātājam
move-deliver = Piegādāts
move-close = Noslēgt
move-cancel = Atcelt pasūtījumu
move-request-return = Reģistrēt atgriešanu
move-resolve-return = Nokārtot atgriešanu
move-hold = Aizturēt
move-release-hold = Atcelt aizturi: { $hold }

## Call queue
calls-title = Zvanu rinda
calls-hours = Zvanu laiks { $hours }
calls-none = Tagad nevienam nav jāzvana. Labi padarīts.
calls-call = Zvanīt { $phone }
calls-no-phone = Nav tālruņa: rakstiet klientam.
calls-confirm = Apstipriniet ar klientu
calls-name = Vārds
calls-items = Preces
calls-delivery = Piegādes veids
calls-address = Adrese
calls-pickup = Saņemšanas punkts
calls-date = Piegādes datums
calls-total = Summa
calls-payment = Maksājums
calls-choose-payment = Klienta izvēlētais maksājums
calls-choose-delivery = Klienta izvēlētā piegāde
calls-note = Piezīme
calls-note-hint = Ko klients teica, ja kaut ko teica
calls-after = Nākamie rindā
calls-recorded = Pasūtījums Nr. { $number }: reģistrēts “{ $outcome }”.
calls-recorded-next = Pasūtījums Nr. { $number }: reģistrēts “{ $outcome }”. Nākamais zvans { $next }; klientam ir paziņots.
calls-recorded-held = Pasūtījums Nr. { $number }: reģistrēts “{ $outcome }”. Vairs nezvanīsim; pasūtījums gaida līdz { $until }.

## Customers
customers-title = Klienti
customers-search = Meklēt
customers-search-hint = Vārds, tālrunis vai e-pasts
customers-find = Atrast
customers-none = Neviens klients neatbilst.
customers-name = Vārds
customers-contact = Kontakts
customers-tier = Līmenis
customers-orders = Pasūtījumi
customer-title = Klients
customer-contacts = Kontakti
customer-invalid = nedarbojas
customer-about = Par klientu
customer-since = Klients kopš
customer-language = Valoda
customer-birthday = Dzimšanas diena
customer-consent = Reklāmas ziņas
customer-consent-given = piekrita { $when }
customer-consent-none = piekrišanas nav
customer-orders = Pasūtījumi
customer-messages = Ziņas

## Outbox
outbox-title = Ziņas
outbox-order = Pasūtījums
outbox-customer = Klienta numurs
outbox-status = Statuss
outbox-created = Izveidots
outbox-template = Ziņa
outbox-recipient = Kam
outbox-text = Teksts
outbox-none = Ziņu nav.

## Settings
settings-title = Veikala iestatījumi
settings-saved = Iestatījumi saglabāti.
settings-calling-hours = Zvanu laiks
settings-quiet-hours = Klusās stundas ziņām
settings-from = No
settings-until = Līdz
field-name = Veikala nosaukums
field-contact_phone = Kontakttālrunis
field-contact_email = Kontakta e-pasts
field-contact_address = Adrese
field-time_zone = Laika josla
field-phone_region = Tālruņu reģions
field-calls_calling_from = Zvanīt no
field-calls_calling_until = Zvanīt līdz
field-messages_quiet_from = Klusums no
field-messages_quiet_until = Klusums līdz
templates-title = Ziņu veidnes
templates-intro = Katra ziņa ir visās valodās. Mainiet tekstu pa kreisi, un priekšskatījums rāda, ko saņems klients.
templates-edit = Labot
templates-edited = veikals mainījis
templates-back = ← Visas veidnes
templates-variables = Varat izmantot
templates-subject = Temats
templates-body = Teksts
templates-preview = Priekšskatījums
templates-saved = Veidne ({ $language }) saglabāta.

## Users and tokens
users-title = Lietotāji un API atslēgas
users-people = Cilvēki
users-email = E-pasts
users-name = Vārds
users-role = Loma
users-access = Piekļuve
users-change = Mainīt
users-enable = Ieslēgt
users-disable = Atslēgt
users-reset = Jauna parole
users-new = Pievienot cilvēku
users-create = Pievienot
users-password-for = Parole lietotājam { $email }:
users-token-for = API atslēga “{ $name }”:
users-shown-once = To parāda tikai vienreiz. Nokopējiet tagad un nododiet droši.
tokens-title = API atslēgas
tokens-none = API atslēgu vēl nav.
tokens-name = Nosaukums
tokens-create = Izveidot atslēgu
tokens-revoked = atsaukta

## Refusals, by their codes
refusal-stage_forbids = Pasūtījuma posms to neļauj.
refusal-order_final = Pasūtījums ir pabeigts un vairs nemainās.
refusal-order_on_hold = Pasūtījums ir aizturēts. Vispirms atrisiniet aizturi.
refusal-balance_due = Par šo pasūtījumu vēl jāmaksā.
refusal-already_on_hold = Pasūtījumam jau ir šī aizture.
refusal-not_on_hold = Pasūtījumam nav šīs aiztures.
refusal-last_line = Šī ir pēdējā prece; atceliet visu pasūtījumu.
refusal-methods_missing = Vispirms izvēlieties maksājumu un piegādes veidu.
refusal-forbidden = Jūsu loma to nedrīkst.
refusal-reason_required = Īsi pasakiet, kāpēc.
refusal-task_closed = Šis uzdevums jau ir slēgts.
refusal-address_missing = Piegādei līdz durvīm vajag adresi, bet pasūtījumā tās nav.
refusal-own_account = Savu lomu un piekļuvi mainīt nevar. Lūdziet citu īpašnieku.
refusal-email_taken = Lietotājs ar šo e-pastu jau ir.
refusal-email_invalid = Tā nav e-pasta adrese.
refusal-name_invalid = Vajag vārdu no 1 līdz 100 rakstzīmēm.
refusal-time_zone_invalid = Tā nav laika josla, piemēram, Europe/Oslo.
refusal-cutoff_invalid = Rakstiet laiku kā SS:MM, piemēram, 09:00.
refusal-subject_missing = E-pastam vajag tematu.

## Roles
role-owner = Īpašnieks
role-manager = Menedžeris
role-packer = Iepakotājs
role-courier = Kurjers

## Stages
stage-placed = Saņemts
stage-confirming = Apstiprināšana
stage-awaiting_payment = Gaida maksājumu
stage-assembling = Komplektē
stage-ready = Gatavs
stage-in_transit = Ceļā
stage-delivered = Piegādāts
stage-closed = Noslēgts
stage-cancelled = Atcelts
stage-return_requested = Pieprasīta atgriešana
stage-returned = Atgriezts
stage-replaced = Apmainīts
stage-refunded = Nauda atmaksāta

## Holds
hold-needs_call = Jāzvana
hold-waiting_for_customer = Gaidām klientu
hold-payment_problem = Maksājuma problēma
hold-defect_found = Atrasts defekts
hold-delayed = Kavējas
hold-lost = Pazudis

## Payment
payment-prepaid = Priekšapmaksa
payment-after_confirmation = Rēķins pēc apstiprināšanas
payment-on_delivery = Saņemot
payment-status-unpaid = nav samaksāts
payment-status-partially_paid = daļēji samaksāts
payment-status-paid = samaksāts
payment-status-overpaid = pārmaksāts

## Delivery
delivery-store_pickup = Saņemšana veikalā
delivery-warehouse_pickup = Saņemšana noliktavā
delivery-pickup_point = Saņemšanas punkts
delivery-parcel_locker = Pakomāts
delivery-post = Pasts
delivery-courier = Kurjers

## Channels
channel-storefront = Veikala vietne
channel-api = API
channel-phone = Pasūtījums pa tālruni
channel-import = Imports
channel-email = E-pasts
channel-sms = SMS
channel-webhook = Tērzētava

## Call outcomes
outcome-reached_confirmed = Apstiprināja
outcome-reached_with_changes = Apstiprināja ar izmaiņām
outcome-no_answer = Neatbildēja
outcome-busy = Aizņemts
outcome-wrong_number = Nepareizs numurs

## Tasks
task-confirm_call = Apstiprinājuma zvans
task-clarify_data = Jāprecizē dati
task-payment_help = Palīdzība ar maksājumu
task-customer_choice = Klienta izvēle
task-state-open = atvērts
task-state-done = izdarīts
task-state-gave_up = bez rezultāta
task-state-cancelled = atcelts

## Messages
message-status-queued = rindā
message-status-sending = sūta
message-status-sent = nosūtīta
message-status-delivered = piegādāta
message-status-outbox = saglabāta, nav sūtīta
message-status-failed = kļūda
message-status-bounced = atraidīta
template-order_received = Pasūtījums saņemts
template-order_being_assembled = Pasūtījumu komplektē
template-confirmation_request = Lūdzam apstiprināt
template-missed_call = Neatbildēts zvans
template-order_held = Pasūtījums gaida
template-invoice = Rēķins
template-payment_reminder = Atgādinājums par maksājumu
template-payment_received = Maksājums saņemts
template-out_of_stock_choice = Nav noliktavā: izvēle
template-handed_to_carrier = Nodots pārvadātājam
template-delay_warning = Brīdinājums par kavēšanos
template-ready_for_pickup = Gatavs saņemšanai
template-courier_on_the_way = Kurjers ir ceļā
template-delivered = Piegādāts

## Timeline
event-placed = Saņemts
event-stage_changed = Posms mainīts
event-cancelled = Atcelts
event-line_reserved = Prece rezervēta
event-line_out_of_stock = Preces nav noliktavā
event-line_cancelled = Prece atcelta
event-hold_placed = Aizturēts
event-hold_released = Aizture atcelta
event-payment_recorded = Maksājums reģistrēts
event-tracking_recorded = Izsekošanas numurs reģistrēts
event-return_requested = Pieprasīta atgriešana
event-methods_chosen = Izvēlēts maksājums un piegāde
event-check_failed = Pārbaude atrada problēmu
event-promise_made = Apsolīts piegādes datums
event-payment_failed = Maksājums neizdevās
event-call_attempted = Zvans
event-message_queued = Ziņa rindā
event-task_opened = Atvērts uzdevums
event-line_substituted = Prece aizstāta
event-line_awaiting_supplier = Gaidām piegādātāju
event-message_failed = Ziņa nenosūtījās

## Customers' tiers and languages
tier-new = Jauns
tier-regular = Pastāvīgs
tier-loyal = Uzticīgs
language-en = Angļu
language-ru = Krievu
language-uk = Ukraiņu
language-nb = Norvēģu
language-lv = Latviešu
