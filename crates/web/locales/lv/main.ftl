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
login-slowed = { $count ->
    [one] Šim kontam daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc { $count } sekundes.
   *[other] Šim kontam daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc { $count } sekundēm.
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
dashboard-inquiries = Klientu ziņas
dashboard-inquiries-none = Uz visām ziņām atbildēts laikā.
dashboard-inquiries-overdue = { $count ->
    [zero] { $count } ziņu nokavētas
    [one] { $count } ziņa nokavēta
   *[other] { $count } ziņas nokavētas
}
dashboard-inquiries-oldest = { $count ->
    [0] vecākā gaida mazāk nekā stundu
    [zero] vecākā gaida { $count } stundu
    [one] vecākā gaida { $count } stundu
   *[other] vecākā gaida { $count } stundas
}
dashboard-open-inquiries = Atbildēt uz ziņām
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
inquiries-title = Ziņas, kas gaida atbildi
inquiries-none = Neviena ziņa negaida atbildi.
inquiry-sent = nosūtīta { $when }
inquiry-due = jāatbild līdz { $when }
inquiry-overdue = nokavēta kopš { $when }
inquiry-order-not-theirs = norādīts pasūtījums Nr. { $number }, kas nav šī klienta
inquiry-answer = Atbildēt
inquiry-answer-by = Jūsu atbilde ({ $channel })
inquiry-send = Nosūtīt atbildi
inquiry-answered = Atbilde klientam { $name } tiek sūtīta uz { $contact }.
inquiry-answered-at = atbildēts { $when }
refusal-inquiry_answered = Uz šo ziņu jau ir atbildēts.
refusal-text_missing = Uzrakstiet dažus vārdus.
refusal-text_too_long = Ne vairāk kā 4000 rakstzīmju.
refusal-number_invalid = Ierakstiet veselu skaitli.
template-support_answer = Atbilde uz klienta ziņu

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
customer-inquiries = Rakstījis veikalam
customer-inquiries-none = Klients vēl nav rakstījis veikalam.

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
settings-returns = Atgriešana
field-returns_days = Cik dienas pēc piegādes var pieteikt atgriešanu
field-returns_shop_pays_percent = Atpakaļsūtīšanas daļa, ko maksā veikals, procentos (par kļūdu vai defektu vienmēr visu)
field-returns_thank_you_percent = Pateicības kupons pēc atgriešanas, procentos (0 — bez kupona)
field-returns_thank_you_days = Pateicības kupona derīgums, dienās
settings-support = Ziņas no kontaktu lapas
field-support_answer_within_hours = Atbildēt laikā, darba stundās
field-support_messages_per_hour = Cik ziņu apmeklētājs drīkst nosūtīt stundā
settings-backups = Nakts rezerves kopija
settings-backups-hint = Katru nakti veikala datubāzes kopija tiek ierakstīta mapē ar datumu nosaukumā, un vecākās kopijas virs glabājamā skaita tiek dzēstas. Atstājiet mapi tukšu, ja nakts kopija nav vajadzīga. Veikals ar PostgreSQL rezerves kopijas veido ar pg_dump.
field-backups_folder = Rezerves kopiju mape, no saknes
field-backups_hour = Nakts stunda
field-backups_keep = Glabājamo kopiju skaits
refusal-backups_sqlite_only = Šis veikals darbojas ar PostgreSQL: veidojiet rezerves kopijas ar pg_dump un atstājiet mapi tukšu.
refusal-folder_invalid = Norādiet pilnu mapes ceļu no saknes, piemēram, /var/backups/shop.
field-storefront_cart_days = Cik dienas glabāt grozu, kuram neviens nav pieskāries
settings-after-sale = Pēc pirkuma
field-replenish = Atgādinājumi papildināt krājumus: pa kategorijai rindā ar dienām pēc piegādes, piemēram: cosmetics 56-84
field-holiday_greetings = Svētku apsveikumi, pa vienam rindā: datums un apsveikums, piemēram 11-18 Sveicam valsts svētkos!, un tulkojums kā 11-18 en: Happy Independence Day!
field-birthday_gift = Dzimšanas dienas dāvana
field-birthday_percent = Dzimšanas dienas atlaide, procenti
field-birthday_days = Dzimšanas dienas dāvana derīga, dienas
field-anniversary_gift = Dāvana pirmā pasūtījuma gadadienā
field-anniversary_percent = Gadadienas atlaide, procenti
field-anniversary_days = Gadadienas dāvana derīga, dienas
field-after_sale_birthday = Dzimšanas dienas dāvana
field-after_sale_anniversary = Gadadienas dāvana
gift-none = Nav
gift-discount = Atlaide
gift-free_delivery = Bezmaksas piegāde
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
users-unlock = Notīrīt neveiksmīgās pieteikšanās
users-failed-logins = { $count ->
    [one] { $count } neveiksmīga pieteikšanās pēdējās 15 minūtēs
   *[other] { $count } neveiksmīgas pieteikšanās pēdējās 15 minūtēs
}
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
stage-paying = Tiek apmaksāts tiešsaistē
stage-abandoned = Nav apmaksāts, atcelts
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
task-send_right_item = Nosūtīt pareizo preci
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
message-status-withdrawn = atsaukta
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
template-replenish_reminder = Atgādinājums papildināt krājumus
template-birthday_greeting = Dzimšanas dienas apsveikums
template-anniversary_greeting = Gadadienas apsveikums
template-holiday_greeting = Svētku apsveikums
template-return_instructions = Atgriešanas norādījumi
template-return_thanks = Paldies par atgriešanu

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

## Packing station, courier, cash, merging cards
nav-packing = Iepakošana
nav-courier = Piegādes
nav-cash = Skaidrā nauda
packing-title = Iepakošanas galds
packing-orders = Iepakojamie pasūtījumi
packing-orders-none = Pašlaik neviens pasūtījums netiek komplektēts.
packing-location = Noliktava
packing-location-all = visas noliktavas
packing-print-pick-list = Drukāt komplektēšanas sarakstu
pick-list-title = Komplektēšanas saraksts
pick-list-empty = Nav ko komplektēt.
pick-list-supplier = pasūtīt no piegādātāja
pick-list-bin = Plaukta vieta
pick-list-order = Pasūtījums
print-hint = Izdrukājiet lapu no pārlūka izvēlnes.
station-title = Iepakošana
station-order-page = viss pasūtījums
station-check = Pārbaudiet katru vienību
station-scan = Noskenējiet vai ierakstiet svītrkodu
station-scan-check = Pārbaudīt
station-scanned = Pārbaudīts
station-all-checked = Visas vienības pārbaudītas: iepakojiet sūtījumu.
station-units-left = { $count ->
    [zero] Jāpārbauda vēl { $count } vienību.
    [one] Jāpārbauda vēl { $count } vienība.
   *[other] Jāpārbauda vēl { $count } vienības.
}
station-quality = Kvalitātes pārbaude
station-severity = Defekts
station-flaw = Kas nav kārtībā
station-discount = Atlaide, ja klients patur
station-report-flaw = Ziņot par defektu
station-pack = Iepakot
station-no-inserts = Šim sūtījumam pielikumu nav.
station-inserts = Ielikt:
station-packaging = Iepakojums
station-weight = Svars, grami
station-pack-button = Iepakots
station-parcel = Sūtījums
station-print-slip = Drukāt pavadzīmi
station-hand-over = Nodošana
station-pickup-code = Saņemšanas kods
station-courier = Kurjers
station-hand-over-button = Nodots
station-defect-recorded = Pasūtījums #{ $number }: defekts reģistrēts.
station-packed = Pasūtījums #{ $number } ir iepakots.
station-handed-over = Pasūtījums #{ $number } ir nodots.
scan-accepted = Pareizā prece. { $count ->
    [0] Pasūtījums ir pilns.
    [one] Atlikusi { $count } vienība.
   *[other] Atlikušas { $count } vienības.
}
severity-minor = Neliels: jautāt klientam
severity-major = Nopietns: nomainīt vienību
shipment-packed = iepakots
shipment-handed_over = nodots
shipment-in_transit = ceļā
shipment-at_pickup_point = saņemšanas punktā
shipment-out_for_delivery = kurjers ceļā
shipment-delivered = piegādāts
shipment-lost = pazudis
slip-title = Pavadzīme
slip-coupon = Jūsu kupons nākamajam pasūtījumam
slip-inserts = Sūtījumā
slip-thanks = Paldies par pasūtījumu! Jautājumi? Zvaniet vai rakstiet mums.
courier-title = Šodienas piegādes
courier-whose = Kurjers
courier-no-stops = Šodien piegāžu nav.
courier-none = Kurjeru vēl nav. Īpašnieks tos pievieno lietotāju lapā.
courier-call = Zvanīt
courier-map = Karte
courier-receipt = Kvīts
courier-collect = Saņemt { $amount } skaidrā naudā
courier-paid = Apmaksāts: neko nesaņemt.
courier-on-the-way = Esmu ceļā
courier-cash = Saņemts skaidrā naudā
courier-receipt-number = Kvīts numurs
courier-delivered = Piegādāts
courier-cash-title = Mana skaidrā nauda šodien
courier-hand-in-amount = Nododamā summa
courier-hand-in = Nodot skaidro naudu
courier-told = Pasūtījums #{ $number }: klients zina, ka esat ceļā.
courier-delivered-done = Pasūtījums #{ $number } ir piegādāts.
courier-handed-in = Skaidrā nauda nodota.
cash-title = Apmaksa piegādes brīdī
cash-day = Diena
cash-balanced = Viss sakrīt: starpības nav.
cash-not-balanced = Skaidrā nauda nesakrīt.
cash-per-courier = Pa kurjeriem
cash-per-order = Pa pasūtījumiem
cash-none = Šajā dienā skaidrās naudas nav.
cash-collected = Saņemts
cash-handed-in = Nodots
cash-held = Vēl rokās
cash-due = Jāmaksā
cash-gap = starpība
receipt-title = Kvīts
receipt-number = Kvīts Nr.
receipt-paid-cash = Samaksāts skaidrā naudā
receipt-courier = Piegādāja
merge-title = Karšu apvienošana
merge-open = Tā pati persona kā citā kartē…
merge-heading = Apvienot citu karti ar { $name }
merge-explain = Otras kartes pasūtījumi, ziņas, kontakti, adreses un piekrišana pāriet uz šo; otra karte tiek dzēsta.
merge-no-candidates = Citu atbilstošu karšu nav.
merge-orders = { $count ->
    [zero] { $count } pasūtījumu
    [one] { $count } pasūtījums
   *[other] { $count } pasūtījumi
}
merge-kept = paliek
merge-confirm = Apvienot karti #{ $other } ar šo
merge-cancel = Atcelt
merge-done = Karte #{ $other } ir apvienota ar { $name }.
payment-kind-payment = maksājums
payment-kind-refund = atmaksa
payment-kind-failed = neizdevies mēģinājums
payment-amount = Summa
payment-method = Veids
payment-method-card = karte
payment-method-cash = skaidrā nauda
payment-method-bank_transfer = bankas pārskaitījums
payment-method-vipps = Vipps
payment-reference = Atsauce
payment-record = Reģistrēt maksājumu
order-cancel-line = Atcelt šo preci
couriers-title = Kurjeri
couriers-none = Kurjeru vēl nav.
couriers-login = Pieteikšanās
couriers-no-login = bez pieteikšanās
couriers-phone = Tālrunis
couriers-create = Pievienot kurjeru
dashboard-delayed = Kavētie sūtījumi
dashboard-delayed-none = Nav kavētu vai pazudušu sūtījumu.
dashboard-cash-gaps = Apmaksa piegādes brīdī
dashboard-cash-gaps-none = Pēdējās nedēļas skaidrā nauda sakrīt.
dashboard-cash-held = { $amount } nav nodots
dashboard-cash-orders = { $count ->
    [zero] { $count } pasūtījumu nesakrīt
    [one] { $count } pasūtījums nesakrīt
   *[other] { $count } pasūtījumi nesakrīt
}
chart-ontime-title = Piegādāts laikā, pēdējās 30 dienas
chart-ontime-day = { $percent }% laikā
chart-ontime-total = { $percent }% piegādāts līdz solītajai dienai
chart-no-deliveries = Šajās 30 dienās piegāžu nav.
event-item_scanned = Prece pārbaudīta
event-defect_found = Atrasts defekts
event-packed = Iepakots
event-shipment_updated = Sūtījuma statuss
event-cash_collected = Saņemta skaidrā nauda
event-discount_granted = Piešķirta atlaide
event-compensated = Kompensēts
refusal-scan_refused = Nepareiza prece: nolieciet to atpakaļ.
refusal-code_invalid = Noskenējiet vai ierakstiet kodu.
refusal-not_verified = Pirms iepakošanas pārbaudiet katru vienību.
refusal-not_packed = Vispirms iepakojiet pasūtījumu.
refusal-packaging_unknown = Izvēlieties iepakojumu no saraksta.
refusal-weight_out_of_range = Sūtījums sver no 1 g līdz 70 kg.
refusal-courier_required = Izvēlieties kurjeru.
refusal-courier_unknown = Tāda kurjera nav.
refusal-not_your_delivery = Šī piegāde ir cita kurjera maršrutā.
refusal-courier_not_linked = Jūsu pieteikšanās nav saistīta ar kurjeru. Jautājiet īpašniekam.
refusal-cash_mismatch = Saņemiet tieši maksājamo summu un norādiet kvīts numuru.
refusal-nothing_to_collect = Pasūtījums ir apmaksāts: nekad neprasiet naudu divreiz.
refusal-already_collected = Skaidrā nauda par šo pasūtījumu vai ar šo kvīts numuru jau reģistrēta.
refusal-amount_invalid = Ierakstiet summu, piemēram, 398,50.
refusal-amount_not_positive = Nododiet vairāk par nulli.
refusal-same_card = Izvēlieties citu karti, nevis šo.
refusal-customer_unknown = Tādas kartes nav.
refusal-not_a_courier_user = Par kurjera pieteikšanos var būt tikai lietotājs ar kurjera lomu.
refusal-user_unknown = Tāda lietotāja nav.
refusal-date_invalid = Ierakstiet dienu kā GGGG-MM-DD.
refusal-discount_negative = Atlaide nevar būt negatīva.
refusal-discount_out_of_range = Atlaide ir lielāka par preces cenu.

# Parcels carried over from an earlier route (DL-7)
courier-carried-over = Pārcelts no { $day }: vēl nav piegādāts.

# What a scan at the packing station came to (AS-1)
scan-line-complete = { $line }. rinda ir pilna
scan-line-more = { $line }. rinda: vēl jānoskenē { $count }
scan-already-complete = { $line }. rinda jau ir pilna: nolieciet šo vienību atpakaļ
scan-wrong-variant = nepareizs izmērs vai krāsa { $line }. rindai: vajag { $expected }, šī ir { $scanned }
scan-wrong-item = nepareiza prece: { $sku } nav šajā pasūtījumā
scan-unknown = nezināms kods: nevienai precei nav šāda svītrkoda vai SKU

# A customer's unsubscribe link (AF-10)
customer-consent-withdrawn = atsaukta { $when }
customer-erased = Klients izdzēsa savus personas datus { $when }. Pasūtījumi paliek, bez klienta, grāmatvedībai.
unsubscribe-title = Atteikties no ziņām
unsubscribe-ask = Vairs nesaņemt jaunumus, atsauksmju lūgumus un citas reklāmas ziņas no { $shop }? Ziņas par jūsu pasūtījumiem un piegādi pienāks kā līdz šim.
unsubscribe-confirm = Atteikties
unsubscribe-done = Gatavs: { $shop } jums vairs nesūtīs reklāmas ziņas. Ziņas par pasūtījumiem un piegādi pienāks kā līdz šim.
unsubscribe-unknown = Šī atteikšanās saite nav zināma. Lūdzu, izmantojiet saiti no jaunākās ziņas.

## Outgoing webhooks
webhooks-title = Tīmekļa āķi
webhooks-link = Tīmekļa āķi citām sistēmām
webhooks-intro = Citas sistēmas (ERP, grāmatvedība, tirgus vieta) šeit uzzina par veikala notikumiem: katrs notikums tiek nosūtīts uz adresi, parakstīts ar saņēmēja noslēpumu, un sūtīts atkārtoti, līdz to pieņem.
webhooks-endpoints = Saņēmēji
webhooks-none = Saņēmēju vēl nav.
webhooks-url = Adrese
webhooks-events = Notikumi
webhooks-event = Notikums
webhooks-added = Pievienots
webhooks-remove = Noņemt
webhooks-new = Pievienot saņēmēju
webhooks-add = Pievienot
webhooks-secret-for = { $url } paraksta noslēpums:
webhooks-dead = Neizdevušās nosūtīšanas
webhooks-dead-none = Visas nosūtīšanas tika pieņemtas.
webhooks-attempts = Mēģinājumi
webhooks-last-answer = Pēdējā atbilde
webhooks-no-answer = nav atbildes
webhooks-redeliver = Sūtīt vēlreiz
webhook-event-order_placed = Pasūtījums veikts
webhook-event-order_confirmed = Pasūtījums apstiprināts
webhook-event-order_paid = Pasūtījums apmaksāts
webhook-event-order_shipped = Pasūtījums nosūtīts
webhook-event-order_delivered = Pasūtījums piegādāts
webhook-event-order_cancelled = Pasūtījums atcelts
webhook-event-order_refunded = Nauda par pasūtījumu atmaksāta
webhook-event-stock_changed = Krājums mainīts
refusal-url_invalid = Norādiet pilnu saņēmēja adresi, piemēram, https://erp.example/hooks/shopdesk.
refusal-events_empty = Izvēlieties vismaz vienu notikumu.
refusal-delivery_not_dead = Šī nosūtīšana vairs negaida atkārtotu sūtīšanu.
refusal-event_unknown = Izvēlieties notikumus no saraksta.
tokens-acts-as = darbojas kā
tokens-acts-as-nobody = tikai loma
tokens-acts-as-intro = Marķieris, kas darbojas kā darbinieks, iegūst viņa lomu un vārdu un pārstāj darboties, kad darbinieku atspējo: kurjera lietotne redz tikai šī kurjera pieturas.
## Atsauksmes (AF-4, AF-5)
nav-reviews = Atsauksmes
reviews-title = Atsauksmes
reviews-intro = Atbildiet uz katru atsauksmi, labu vai sliktu. Jauna atsauksme parādās preces lapā, kad to publicējat.
reviews-none = Atsauksmju vēl nav.
reviews-stars = { $stars } no 5 zvaigznēm
reviews-waits = gaida atbildi
reviews-hidden-because = Paslēpta: { $reason }
reviews-answer = Jūsu atbilde
reviews-cause = Cēlonis
reviews-cause-ask = Kas nogāja greizi?
reviews-coupon-sent = Kupons nosūtīts ar atbildi: { $code }
reviews-send-answer = Nosūtīt atbildi
reviews-send-answer-coupon = Nosūtīt atbildi ar kuponu
reviews-publish = Publicēt
reviews-hide-reason = Paslēpšanas iemesls, autoram
reviews-hide = Paslēpt
reviews-causes = Negatīvu atsauksmju cēloņi
reviews-causes-none = Pēdējā gadā cēloņi nav reģistrēti.
reviews-month = Mēnesis
reviews-product = Prece
reviews-count = Atsauksmes
reviews-answered = Atbilde par „{ $title }” tiek sūtīta autoram.
reviews-published = Atsauksme par „{ $title }” ir preces lapā.
reviews-hidden = Atsauksme par „{ $title }” paslēpta; autors uzzinās, kāpēc.
reviews-field-text = Jūsu atbilde
reviews-field-cause = Cēlonis
reviews-field-reason = Iemesls
reviews-field-recovery = Kupons
review-state-waiting = gaida publicēšanu
review-state-published = publicēta
review-state-hidden = paslēpta
review-cause-product = Pati prece
review-cause-size_chart = Izmēru tabula
review-cause-delivery = Piegāde
review-cause-packaging = Iepakojums
review-cause-service = Apkalpošana
review-cause-other = Kas cits
task-answer_review = Atbildēt uz atsauksmi
template-review_request = Lūgums pēc atsauksmes
template-review_reminder = Atgādinājums par atsauksmi
template-review_answer = Atbilde uz atsauksmi
template-review_hidden = Atsauksme nav publicēta
refusal-cause_required = Norādiet, kas nogāja greizi, lai to varētu labot.
refusal-recovery_not_needed = Kupons ir atbilde uz atsauksmi ar 3 vai mazāk zvaigznēm.
refusal-review_text_too_long = Ne vairāk kā 2000 rakstzīmju.
tier-gives-percent = { $percent }% atlaide precēm
tier-gives-free-delivery = bezmaksas piegāde
sf-tier-benefit = Kā { $tier } pircējs jūs, noformējot pasūtījumu, automātiski saņemat:
field-loyalty_tiers = Lojalitātes līmeņi
field-loyalty_months = Mēneši, kuru pasūtījumus līmenis skaita (0: visus)
field-loyalty_combine = Kupons un līmenis
combine-best_wins = piemēro lielāko atlaidi
combine-both = piemēro abus
settings-loyalty = Lojalitātes līmeņi
settings-loyalty-hint = Viens līmenis rindā, no zemākā: atslēga, slieksnis (pasūtījumi vai iztērētā summa, piemēram, 500.00 spent), atlaides procenti precēm un "free delivery", ja piegāde bez maksas, piemēram, "silver 3 orders 5% free delivery". Nosaukumi citās valodās atsevišķās rindās: "silver lv: Sudrabs".

## Products and categories (SU-2)
nav-products = Preces
products-title = Preces
products-new = Jauna prece
products-back = Visas preces
products-search = Meklēt
products-search-hint = Nosaukums, apraksts vai artikuls jebkurā valodā
products-category = Kategorija
products-status = Statuss
products-stock = Atlikums
products-sort = Kārtot pēc
products-sort-newest = Jaunākās vispirms
products-sort-title = Nosaukuma
products-sort-price = Cenas, lētākās vispirms
products-sort-price_desc = Cenas, dārgākās vispirms
products-sort-stock = Atlikuma, mazākais vispirms
products-sort-updated = Pēdējās izmaiņas
products-none = Atbilstošu preču nav.
products-choose = Izvēlēties
products-choose-one = Izvēlēties { $title }
products-product = Prece
products-price = Cena no
products-variants = { $count ->
    [zero] { $count } variantu
    [one] { $count } variants
   *[other] { $count } varianti
}
products-duplicate = Kopēt
products-archive = Arhivēt
products-bulk = Ar izvēlētajām precēm
products-bulk-status = Iestatīt statusu
products-bulk-percent = Mainīt cenas par, %
products-bulk-price = Mainīt cenas
products-bulk-move = Pārvietot
products-no-category = Bez kategorijas
products-bulk-done = { $count ->
    [zero] Mainītas { $count } preces.
    [one] Mainīta { $count } prece.
   *[other] Mainītas { $count } preces.
}
product-status-draft = Melnraksts
product-status-active = Pārdošanā
product-status-archived = Arhivēta
stock-state-in_stock = ir noliktavā
stock-state-low = drīz beigsies
stock-state-sold_out = izpārdota
product-new-title = Jauna prece
product-edit-title = Labot preci
product-on-storefront = Skatīt veikalā
product-options = Parametri
product-options-hint = Ar ko varianti atšķiras, piemēram, krāsa vai izmērs. Katram variantam pēc tam norāda vērtību.
product-option-n = Parametrs { $n }
product-variants = Varianti
product-variants-hint = Cenas { $currency }, piemēram, 1 490,00 vai 1490.00; svars gramos. Tukša rinda netiek saglabāta.
product-variant-n = Variants { $n }
product-variant-archive = Pārtraukt pārdot šo variantu
product-variant-add = Pievienot variantu
product-variants-archived = Varianti, kurus vairs nepārdod
product-saved = Prece ir saglabāta.
product-duplicated = Šī ir melnraksta kopija: mainiet atšķirīgo un saglabājiet.
product-archived = Prece ir arhivēta; tās pasūtījumi saglabā savas rindas.
product-variant-archived = Variants vairs netiek pārdots; tā pasūtījumi saglabā savas rindas.
product-field-title = Nosaukums
product-field-description = Apraksts
product-field-category = Kategorija
product-field-status = Statuss
product-field-variants = Varianti
product-field-sku = Artikuls
product-field-barcode = Svītrkods
product-field-price_minor = Cena
product-field-compare_at_minor = Vecā cena (pārsvītrota)
product-field-weight_grams = Svars, g
product-field-options = Parametri
product-field-id = Variants
categories-title = Kategorijas
categories-intro = Veikals rāda kategorijas šādā secībā, no mazākās pozīcijas, katru apmeklētāja valodā.
categories-none = Kategoriju vēl nav.
categories-archived = paslēpta veikalā
categories-parent = Iekšā
categories-position = Pozīcija
categories-archive = Paslēpt veikalā
categories-restore = Atkal rādīt veikalā
categories-new = Jauna kategorija
categories-code = Īss kods adresēm
categories-create = Pievienot kategoriju
categories-saved = Kategorija ir saglabāta.
words-title = Parametru vārdi
words-intro = Parametru nosaukumi un vērtības, kā tie rakstīti variantos (colour, Navy), un kā tos sauc katrā valodā. Tukšs lauks noņem tulkojumu.
words-word = Kā rakstīts
words-saved = Vārdi ir saglabāti.
settings-languages = Valodas
settings-languages-hint = Valodas, kurās veikals pārdod: katrai precei ir nosaukums un apraksts katrā no tām, un apmeklētājs lasa veikalu savā valodā, citādi noklusējuma valodā.
field-default_locale = Noklusējuma valoda
field-low_stock_units = Drīz beigsies, ja mazāk par, gab.
refusal-barcode_check_digit = Svītrkoda pēdējais cipars nesakrīt ar pārējiem: pārbaudiet numuru uz etiķetes.
refusal-barcode_invalid = Svītrkods ir cipari vai burti bez atstarpēm.
refusal-compare_at_not_above_price = Vecajai cenai jābūt augstākai par cenu.
refusal-sku_invalid = Artikuls ir 1 līdz 64 latīņu burti, cipari un zīmes - _ . /
refusal-sku_repeated = Šis artikuls jau ir citā šīs preces rindā.
refusal-title_invalid = Vajag nosaukumu no 1 līdz 200 rakstzīmēm.
refusal-description_too_long = Ne vairāk kā 20000 rakstzīmes.
refusal-variants_missing = Aizpildiet vismaz vienu variantu: bez tā preci nevar pārdot.
refusal-already_exists = Tas jau ir aizņemts: izvēlieties citu.
refusal-weight_invalid = Ierakstiet svaru gramos, no 0 līdz 1000000.
refusal-percent_invalid = Ierakstiet procentus, piemēram, 10 vai -5.
refusal-products_not_chosen = Vispirms atzīmējiet preces.
refusal-category_code_invalid = Kods ir mazie latīņu burti, cipari un defises, piemēram, knitwear.
refusal-category_name_invalid = Vajag nosaukumu no 1 līdz 100 rakstzīmēm.
refusal-category_parent_loop = Kategorija nevar atrasties pati sevī.
refusal-category_unknown = Tādas kategorijas nav.
refusal-locale_not_sold_in = Veikals šajā valodā nepārdod: vispirms pievienojiet to iestatījumos.
refusal-position_invalid = Pozīcija ir vesels skaitlis.
refusal-option_invalid = Parametri un vārdi ir ne garāki par 100 rakstzīmēm.
refusal-status_invalid = Izvēlieties statusu no saraksta.
refusal-variant_unknown = Šis variants nepieder šai precei.
refusal-locale_invalid = Izvēlieties valodu no saraksta.
refusal-locale_repeated = Katra valoda vienreiz.
refusal-low_stock_units_invalid = Ierakstiet gabalu skaitu, no 0 līdz 1000000.
refusal-product_was_ordered = Šī prece ir pasūtīta: arhivējiet to, lai pasūtījumi saglabātu savas rindas.

# An order's money: voids, refunds, overpayments (PY-3)
order-refunded = Atmaksāts
payment-voided = anulēts
payment-void = Anulēt
payment-void-reason = Kāpēc reģistrēts kļūdaini
payment-overpayment = Vairāk nekā jāmaksā, apzināti
payment-kind-void = anulēšana
payment-status-partially_refunded = daļēji atmaksāts
payment-status-refunded = atmaksāts
payment-method-mobilepay = MobilePay
payment-method-stripe = karte tiešsaistē (Stripe)
payment-method-liqpay = LiqPay
payment-method-yookassa = YooKassa
refund-title = Naudas atmaksa
refund-refundable = Vēl var atmaksāt
refund-item = Prece
refund-unit-price = Vienības cena
refund-quantity = Cik atmaksāt
refund-delivery = Atmaksāt piegādi
refund-amount = Summa
refund-amount-hint = preču cena
refund-reason = Iemesls
refund-make = Atmaksāt
refund-overpaid = Samaksāts virs kopsummas
refund-pay-back = Atmaksāt
event-payment_voided = Maksājums anulēts
event-refund_made = Nauda atmaksāta
template-refund_made = Naudas atmaksa
refusal-amount_above_balance = Tas ir vairāk nekā jāmaksā. Atzīmējiet «Vairāk nekā jāmaksā, apzināti», ja pircējs samaksāja vairāk.
refusal-method_unknown = Izvēlieties maksājuma veidu no saraksta.
refusal-currency_mismatch = Naudai jābūt pasūtījuma valūtā.
refusal-payment_not_positive = Ierakstiet summu, kas lielāka par nulli.
refusal-refund_above_paid = Tas ir vairāk nekā samaksāts un vēl nav atmaksāts.
refusal-refund_above_overpayment = Tas ir vairāk nekā samaksāts virs kopsummas.
refusal-void_above_refundable = Daļa šī maksājuma jau atmaksāta: to nevar anulēt.
refusal-refund_quantity = Tas ir vairāk vienību, nekā šai precei vēl atlicis atmaksāt.
refusal-delivery_refunded = Piegāde jau atmaksāta.
refusal-already_voided = Šis maksājums jau anulēts.
refusal-amount_required = Izvēlieties atdotās preces vai ierakstiet summu.
refusal-refund_above_covered = Summa ir lielāka par izvēlēto preču cenu.
refusal-overpayment_covers_nothing = Pārmaksas atmaksa neattiecas uz precēm.
refusal-methods_empty = Norādiet vismaz vienu veidu, kā veikals pieņem naudu.
refund-notice = Pasūtījums Nr. { $number }: kopā atmaksāts { $refunded }.
payment-voided-notice = Pasūtījums Nr. { $number }: maksājums anulēts; tagad samaksāts { $paid }.
refund-returned = pircējs atdevis

# The owner connects online payments (PY-2)
providers-title = Maksājumi tiešsaistē
providers-intro = Pievienojiet veikala Stripe kontu: pircēji tad apmaksā rēķinus ar karti savā pasūtījuma lapā. Saglabātu atslēgu vairs nerāda.
providers-key-stripe_secret_key = Slepenā atslēga (sk_live_…)
providers-key-stripe_webhook_secret = Webhook paraksta noslēpums (whsec_…)
providers-key-set = Iestatīta
providers-key-unset = Nav iestatīta
providers-key-remove = Noņemt
providers-key-saved = Atslēga saglabāta.
providers-key-removed = Atslēga noņemta.
providers-webhook = Stripe vadības panelī pievienojiet webhook galapunktu ar šo adresi notikumiem checkout.session.completed un checkout.session.async_payment_succeeded:
refund-state-pending = gaida Stripe
refund-state-done = atmaksāts caur Stripe
refund-state-failed = Stripe atteica: atmaksājiet pašrocīgi
task-refund_help = Atmaksāt pašrocīgi
refusal-no_card_payment = Šis pasūtījums nav apmaksāts ar karti caur Stripe.

# A product's photos (AS-1).
photos-title = Fotoattēli
photos-none = Fotoattēlu vēl nav. Prece ar fotoattēliem pārdodas daudz labāk.
photos-colour = Rāda krāsu
photos-every-colour = Visas krāsas
photos-alt = Teksts attēla vietā ({ $language })
photos-earlier = Pārvietot uz priekšu
photos-later = Pārvietot atpakaļ
photos-remove = Noņemt
photos-files = Pievienojamie fotoattēli
photos-files-hint = JPEG, PNG vai WebP, līdz 20 MB katrs un 12 reizē. Tie tiek pagriezti pareizi, attīrīti no kameras datiem (piemēram, kur uzņemts) un samazināti visiem ekrāniem.
photos-upload = Pievienot fotoattēlus
photos-after-save = Vispirms saglabājiet preci; pēc tam šeit var pievienot tās fotoattēlus.
photos-added = Fotoattēli ir pievienoti.
photos-saved = Fotoattēls ir saglabāts.
photos-removed = Fotoattēls ir noņemts.
refusal-photo_too_large = fails ir lielāks par 20 MB.
refusal-photo_not_an_image = fails nav JPEG, PNG vai WebP attēls.
refusal-photo_dimensions = attēls ir par mazu vai par lielu preces fotoattēlam (32 līdz 12 000 pikseļu malā, ne vairāk kā 64 megapikseļi).
refusal-photos_count = Izvēlieties no 1 līdz 12 fotoattēliem.
refusal-photo_colour_unknown = Precei nav šādas krāsas.
refusal-alt_too_long = Teksts pie fotoattēla ir ne vairāk kā 300 rakstzīmes.
refusal-photo_order = Norādiet katru preces fotoattēlu vienreiz.
refusal-form_unreadable = Veidlapu nevarēja nolasīt; nosūtiet to vēlreiz.

# Importing and exporting products
products-import = Importēt preces
products-export = Eksportēt CSV
import-title = Importēt preces
import-intro = Preču CSV, eksportēts no Shopify vai WooCommerce. Katra prece tiek pārbaudīta kopumā: noraidīta rinda atstāj savu preci ārpusē, pārējās tiek ielādētas. Preces atpazīst pēc handle vai SKU, tāpēc tā paša faila atkārtots imports neko nemaina.
import-file = Preču fails (CSV)
import-dry-run = Tikai pārbaudīt, neko nerakstīt
import-submit = Importēt
import-dry-run-done = Izmēģinājums: nekas netika ierakstīts.
import-summary = Izveidotas: { $created }, atjaunotas: { $updated }, nemainītas: { $unchanged }, noraidītas: { $refused }
import-refused = Noraidītās rindas
import-warnings = Importēts bez
import-row = Rinda
import-column = Kolonna
import-product = Prece
import-why = Iemesls
refusal-import_format_unknown = Fails nav ne Shopify, ne WooCommerce preču eksports: pārbaudiet virsrakstu rindu.
refusal-import_parent_unknown = Šīs variācijas vecākprece nav failā.
refusal-csv_unreadable = Fails nav nolasāms CSV UTF-8 kodējumā.
refusal-file_missing = Izvēlieties preču failu importam.
refusal-file_too_large = Preču fails ir ne lielāks par 50 MB.
refusal-image_unreachable = Fotoattēlu neizdevās ielādēt no tā adreses.
