## Bakkontoret på norsk bokmål.

any = Alle
save = Lagre
pages = Sider
pages-previous = ← Forrige
pages-next = Neste →
pages-page = Side { $count }

## Navigation
nav-label = Deler
nav-dashboard = Oversikt
nav-calls = Samtaler
nav-orders = Bestillinger
nav-customers = Kunder
nav-outbox = Meldinger
nav-settings = Innstillinger
nav-users = Brukere
nav-language = Språk
nav-language-browser = Nettleserens språk
nav-language-set = Velg
nav-logout = Logg ut

## Login
login-title = Logg inn
login-email = E-post
login-password = Passord
login-submit = Logg inn
login-refused = E-posten eller passordet er feil.
login-locked = { $count ->
    [one] For mange mislykkede forsøk. Prøv igjen om { $count } minutt.
   *[other] For mange mislykkede forsøk. Prøv igjen om { $count } minutter.
}
login-slowed = { $count ->
    [one] Mange mislykkede forsøk på denne kontoen. Prøv igjen om { $count } sekund.
   *[other] Mange mislykkede forsøk på denne kontoen. Prøv igjen om { $count } sekunder.
}

## Errors
error-title = Noe er i veien
error-home = Tilbake til start
error-forbidden = Rollen din får ikke åpne denne siden eller gjøre dette.
error-not-found = Her er det ingenting. Det kan være fjernet, eller lenken er feil.
error-unavailable = Butikken fikk ikke til dette akkurat nå. Ingenting er endret; prøv igjen.
error-invalid = Denne forespørselen kan ikke utføres.
error-csrf = Skjemaet er utløpt eller kom ikke fra dette bakkontoret. Last siden på nytt og prøv igjen.
error-too-large = Skjemaet er for stort.

## Dashboard
dashboard-today = Dagens bestillinger
dashboard-today-none = Ingen bestillinger ennå i dag.
dashboard-today-total = { $count ->
    [one] { $count } bestilling
   *[other] { $count } bestillinger
}
dashboard-tasks = Oppgaver nå
dashboard-tasks-due = { $count ->
    [0] Ingenting haster
    [one] { $count } oppgave
   *[other] { $count } oppgaver
}
dashboard-open-calls = Åpne samtalekøen
dashboard-inquiries = Meldinger fra kunder
dashboard-inquiries-none = Alle meldinger er besvart i tide.
dashboard-inquiries-overdue = { $count ->
    [one] { $count } melding er forsinket
   *[other] { $count } meldinger er forsinket
}
dashboard-inquiries-oldest = { $count ->
    [0] den eldste har ventet under en time
    [one] den eldste har ventet { $count } time
   *[other] den eldste har ventet { $count } timer
}
dashboard-open-inquiries = Svar på meldingene
dashboard-overdue = Forfalte betalinger
dashboard-overdue-none = Ingen faktura har passert fristen.
dashboard-due-since = forfalt { $when }
chart-orders-title = Bestillinger per dag, siste 30 dager
chart-orders-total = { $count ->
    [one] { $count } bestilling på 30 dager
   *[other] { $count } bestillinger på 30 dager
}
chart-orders-day = { $count ->
    [one] { $count } bestilling
   *[other] { $count } bestillinger
}
chart-rate-title = Behandlet samme dag, siste 30 dager
chart-rate-total = { $percent } % behandlet samme dag som de kom inn
chart-rate-day = { $percent } % samme dag
chart-no-orders = Ingen bestillinger disse 30 dagene.

## Orders
orders-title = Bestillinger
orders-search = Søk
orders-search-hint = Nummer, navn, telefon eller e-post
orders-stage = Trinn
orders-hold = Stans
orders-channel = Kanal
orders-payment = Betaling
orders-delivery = Levering
orders-filter = Vis
orders-none = Ingen bestillinger passer.
orders-number = Bestilling
orders-customer = Kunde
orders-placed = Lagt inn
orders-total = Sum

## An order
order-title = Bestilling
order-heading = Bestilling #{ $number }
order-moves = Hva kan gjøres
order-no-moves = Ingenting kan gjøres med denne bestillingen nå.
order-moved = Bestilling #{ $number } er nå: { $stage }.
order-reason = Hvorfor?
order-tracking = Sporingsnummer
order-outcome = Hvordan returen endte
order-hold-kind = Stans
order-customer = Kunde
order-delivery = Levering
order-promise = Lovet levering
order-payment = Betaling
order-paid = Betalt
order-balance = Gjenstår
order-lines = Varer
order-item = Vare
order-quantity = Antall
order-unit-price = Pris
order-delivery-price = Frakt
order-note = Merknad
order-tasks = Oppgaver
order-attempts = { $count ->
    [one] { $count } forsøk
   *[other] { $count } forsøk
}
order-messages = Meldinger til kunden
order-timeline = Historikk
move-confirm = Bekreft
move-start-assembly = Start plukking
move-mark-ready = Merk som klar
move-hand-over = Overlever til transportør
move-deliver = Levert
move-close = Avslutt
move-cancel = Kanseller bestillingen
move-request-return = Registrer retur
move-resolve-return = Avslutt returen
move-hold = Sett på vent
move-release-hold = Opphev: { $hold }

## Call queue
calls-title = Samtalekø
calls-hours = Ringetid { $hours }
calls-none = Ingen samtaler nå. Godt jobbet.
calls-call = Ring { $phone }
calls-no-phone = Mangler telefonnummer: skriv til kunden i stedet.
calls-confirm = Bekreft med kunden
calls-name = Navn
calls-items = Varer
calls-delivery = Leveringsmåte
calls-address = Adresse
calls-pickup = Hentested
calls-date = Leveringsdato
calls-total = Sum
calls-payment = Betaling
calls-choose-payment = Betaling kunden valgte
calls-choose-delivery = Levering kunden valgte
calls-note = Notat
calls-note-hint = Hva kunden sa, om noe
calls-after = Neste i køen
calls-recorded = Bestilling #{ $number }: «{ $outcome }» registrert.
calls-recorded-next = Bestilling #{ $number }: «{ $outcome }» registrert. Neste samtale { $next }; kunden har fått beskjed.
calls-recorded-held = Bestilling #{ $number }: «{ $outcome }» registrert. Ingen flere samtaler; bestillingen venter til { $until }.
inquiries-title = Meldinger som venter på svar
inquiries-none = Ingen meldinger venter på svar.
inquiry-sent = sendt { $when }
inquiry-due = svar innen { $when }
inquiry-overdue = forsinket siden { $when }
inquiry-order-not-theirs = nevner bestilling #{ $number }, som ikke er deres
inquiry-answer = Svar
inquiry-answer-by = Svaret ditt ({ $channel })
inquiry-send = Send svaret
inquiry-answered = Svaret til { $name } er på vei til { $contact }.
inquiry-answered-at = besvart { $when }
refusal-inquiry_answered = Denne meldingen er allerede besvart.
refusal-text_missing = Skriv noen ord.
refusal-text_too_long = Høyst 4000 tegn.
refusal-number_invalid = Skriv et helt tall.
template-support_answer = Svar på en kundes melding

## Customers
customers-title = Kunder
customers-search = Søk
customers-search-hint = Navn, telefon eller e-post
customers-find = Finn
customers-none = Ingen kunder passer.
customers-name = Navn
customers-contact = Kontakt
customers-tier = Nivå
customers-orders = Bestillinger
customer-title = Kunde
customer-contacts = Kontakter
customer-invalid = virker ikke
customer-about = Om kunden
customer-since = Kunde siden
customer-language = Språk
customer-birthday = Bursdag
customer-consent = Markedsføring
customer-consent-given = samtykket { $when }
customer-consent-none = ikke samtykket
customer-orders = Bestillinger
customer-messages = Meldinger
customer-inquiries = Skrevet til butikken
customer-inquiries-none = Kunden har ikke skrevet til butikken.

## Outbox
outbox-title = Meldinger
outbox-order = Bestilling
outbox-customer = Kundenummer
outbox-status = Status
outbox-created = Opprettet
outbox-template = Melding
outbox-recipient = Til
outbox-text = Tekst
outbox-none = Ingen meldinger.

## Settings
settings-title = Butikkinnstillinger
settings-saved = Innstillingene er lagret.
settings-calling-hours = Ringetid
settings-quiet-hours = Stille timer for meldinger
settings-from = Fra
settings-until = Til
field-name = Butikkens navn
field-contact_phone = Kontakttelefon
field-contact_email = Kontakt-e-post
field-contact_address = Adresse
field-time_zone = Tidssone
field-phone_region = Telefonregion
field-calls_calling_from = Ring fra
field-calls_calling_until = Ring til
field-messages_quiet_from = Stille fra
field-messages_quiet_until = Stille til
settings-returns = Returer
field-returns_days = Dager etter levering en retur kan bes om
field-returns_shop_pays_percent = Andel av returfrakten butikken betaler, prosent (alltid alt for feil vare eller feil på varen)
field-returns_thank_you_percent = Takkekupong etter en retur, prosent (0 for ingen)
field-returns_thank_you_days = Takkekupongen gjelder i, dager
settings-support = Meldinger fra kontaktsiden
field-support_answer_within_hours = Svar innen, i arbeidstimer
field-support_messages_per_hour = Meldinger en besøkende kan sende per time
settings-backups = Nattlig sikkerhetskopi
settings-backups-hint = Hver natt skrives en kopi av butikkens database til mappen, navngitt etter datoen, og de eldste kopiene utover antallet som beholdes slettes. La mappen stå tom for ingen nattlig kopi. En butikk på PostgreSQL tar sikkerhetskopi med pg_dump i stedet.
field-backups_folder = Mappe for sikkerhetskopiene, fra roten
field-backups_hour = Time på natten
field-backups_keep = Kopier som beholdes
refusal-backups_sqlite_only = Denne butikken kjører på PostgreSQL: ta sikkerhetskopi med pg_dump og la mappen stå tom.
refusal-folder_invalid = Skriv hele mappen fra roten, for eksempel /var/backups/shop.
field-storefront_cart_days = Dager en urørt handlekurv tas vare på
settings-after-sale = Etter kjøpet
field-replenish = Påminnelser om å fylle på, én kategori per linje med dager etter levering, for eksempel: kosmetikk 56-84
field-holiday_greetings = Høytidshilsener, én per linje: datoen og hilsenen, for eksempel 05-17 Gratulerer med dagen!, og en oversettelse som 05-17 en: Happy Constitution Day!
field-birthday_gift = Bursdagsgave
field-birthday_percent = Bursdagsrabatt, prosent
field-birthday_days = Bursdagsgaven gjelder i, dager
field-anniversary_gift = Gave på årsdagen for første bestilling
field-anniversary_percent = Årsdagsrabatt, prosent
field-anniversary_days = Årsdagsgaven gjelder i, dager
field-after_sale_birthday = Bursdagsgave
field-after_sale_anniversary = Årsdagsgave
gift-none = Ingen
gift-discount = Rabatt
gift-free_delivery = Gratis frakt
templates-title = Meldingsmaler
templates-intro = Hver melding finnes på alle språk. Endre teksten til venstre, så viser forhåndsvisningen hva kunden får.
templates-edit = Endre
templates-edited = endret av butikken
templates-back = ← Alle maler
templates-variables = Du kan bruke
templates-subject = Emne
templates-body = Tekst
templates-preview = Forhåndsvisning
templates-saved = Malen ({ $language }) er lagret.

## Users and tokens
users-title = Brukere og API-nøkler
users-people = Personer
users-email = E-post
users-name = Navn
users-role = Rolle
users-access = Tilgang
users-change = Endre
users-enable = Aktiver
users-disable = Deaktiver
users-reset = Nytt passord
users-unlock = Nullstill mislykkede innlogginger
users-failed-logins = { $count ->
    [one] { $count } mislykket innlogging de siste 15 minuttene
   *[other] { $count } mislykkede innlogginger de siste 15 minuttene
}
users-new = Legg til en person
users-create = Legg til
users-password-for = Passord for { $email }:
users-token-for = API-nøkkel «{ $name }»:
users-shown-once = Dette vises bare én gang. Kopier det nå og gi det videre på en trygg måte.
tokens-title = API-nøkler
tokens-none = Ingen API-nøkler ennå.
tokens-name = Navn
tokens-create = Lag en nøkkel
tokens-revoked = trukket tilbake

## Refusals, by their codes
refusal-stage_forbids = Bestillingens trinn tillater ikke dette.
refusal-order_final = Bestillingen er ferdig og flytter seg ikke lenger.
refusal-order_on_hold = Bestillingen står på vent. Løs det først.
refusal-balance_due = Det gjenstår penger på denne bestillingen.
refusal-already_on_hold = Bestillingen står allerede på denne ventingen.
refusal-not_on_hold = Bestillingen står ikke på denne ventingen.
refusal-last_line = Dette er siste vare; kanseller bestillingen i stedet.
refusal-methods_missing = Velg betaling og leveringsmåte først.
refusal-forbidden = Rollen din får ikke gjøre dette.
refusal-reason_required = Si hvorfor, med noen få ord.
refusal-task_closed = Denne oppgaven er allerede lukket.
refusal-address_missing = Levering på døren krever en adresse, og bestillingen har ingen.
refusal-own_account = Du kan ikke endre din egen rolle eller tilgang. Spør en annen eier.
refusal-email_taken = Det finnes allerede en bruker med denne e-posten.
refusal-email_invalid = Dette er ikke en e-postadresse.
refusal-name_invalid = Et navn på 1 til 100 tegn trengs.
refusal-time_zone_invalid = Dette er ikke en tidssone som Europe/Oslo.
refusal-cutoff_invalid = Skriv tider som TT:MM, for eksempel 09:00.
refusal-subject_missing = En e-post trenger et emne.

## Roles
role-owner = Eier
role-manager = Leder
role-packer = Pakker
role-courier = Bud

## Stages
stage-paying = Betales på nett
stage-abandoned = Ikke betalt, forlatt
stage-placed = Lagt inn
stage-confirming = Bekreftes
stage-awaiting_payment = Venter på betaling
stage-assembling = Plukkes
stage-ready = Klar
stage-in_transit = Underveis
stage-delivered = Levert
stage-closed = Avsluttet
stage-cancelled = Kansellert
stage-return_requested = Retur ønsket
stage-returned = Returnert
stage-replaced = Byttet
stage-refunded = Refundert

## Holds
hold-needs_call = Må ringes
hold-waiting_for_customer = Venter på kunden
hold-payment_problem = Betalingsproblem
hold-defect_found = Feil funnet
hold-delayed = Forsinket
hold-lost = Tapt

## Payment
payment-prepaid = Forhåndsbetalt
payment-after_confirmation = Faktura etter bekreftelse
payment-on_delivery = Ved levering
payment-status-unpaid = ubetalt
payment-status-partially_paid = delvis betalt
payment-status-paid = betalt
payment-status-overpaid = overbetalt

## Delivery
delivery-store_pickup = Hentes i butikken
delivery-warehouse_pickup = Hentes på lageret
delivery-pickup_point = Hentested
delivery-parcel_locker = Pakkeautomat
delivery-post = Post
delivery-courier = Bud

## Channels
channel-storefront = Nettbutikken
channel-api = API
channel-phone = Telefonbestilling
channel-import = Import
channel-email = E-post
channel-sms = SMS
channel-webhook = Meldingsapp

## Call outcomes
outcome-reached_confirmed = Bekreftet
outcome-reached_with_changes = Bekreftet med endringer
outcome-no_answer = Svarte ikke
outcome-busy = Opptatt
outcome-wrong_number = Feil nummer

## Tasks
task-confirm_call = Bekreftelsessamtale
task-clarify_data = Opplysninger å avklare
task-payment_help = Hjelp med betaling
task-customer_choice = Kundens valg
task-send_right_item = Send riktig vare
task-state-open = åpen
task-state-done = utført
task-state-gave_up = ga opp
task-state-cancelled = kansellert

## Messages
message-status-queued = i kø
message-status-sending = sendes
message-status-sent = sendt
message-status-delivered = levert
message-status-outbox = lagret, ikke sendt
message-status-failed = feilet
message-status-bounced = avvist
message-status-withdrawn = trukket tilbake
template-order_received = Bestilling mottatt
template-order_being_assembled = Bestillingen plukkes
template-confirmation_request = Vennligst bekreft
template-missed_call = Tapt anrop
template-order_held = Bestillingen venter
template-invoice = Faktura
template-payment_reminder = Betalingspåminnelse
template-payment_received = Betaling mottatt
template-out_of_stock_choice = Utsolgt: et valg
template-handed_to_carrier = Overlevert transportør
template-delay_warning = Varsel om forsinkelse
template-ready_for_pickup = Klar til henting
template-courier_on_the_way = Budet er på vei
template-delivered = Levert
template-replenish_reminder = Påminnelse om å fylle på
template-birthday_greeting = Bursdagshilsen
template-anniversary_greeting = Årsdagshilsen
template-holiday_greeting = Høytidshilsen
template-return_instructions = Returinstruksjoner
template-return_thanks = Takk for returen

## Timeline
event-placed = Lagt inn
event-stage_changed = Trinn endret
event-cancelled = Kansellert
event-line_reserved = Vare reservert
event-line_out_of_stock = Vare utsolgt
event-line_cancelled = Vare kansellert
event-hold_placed = Satt på vent
event-hold_released = Venting opphevet
event-payment_recorded = Betaling registrert
event-tracking_recorded = Sporingsnummer registrert
event-return_requested = Retur ønsket
event-methods_chosen = Betaling og levering valgt
event-check_failed = Kontrollen fant et problem
event-promise_made = Leveringsdato lovet
event-payment_failed = Betaling mislyktes
event-call_attempted = Samtale
event-message_queued = Melding i kø
event-task_opened = Oppgave åpnet
event-line_substituted = Vare byttet
event-line_awaiting_supplier = Venter på leverandøren
event-message_failed = Melding feilet

## Customers' tiers and languages
tier-new = Ny
tier-regular = Fast
tier-loyal = Lojal
language-en = Engelsk
language-ru = Russisk
language-uk = Ukrainsk
language-nb = Norsk
language-lv = Latvisk

## Packing station, courier, cash, merging cards
nav-packing = Pakking
nav-courier = Leveringer
nav-cash = Kontanter
packing-title = Pakkestasjon
packing-orders = Ordrer som skal pakkes
packing-orders-none = Ingen ordrer plukkes nå.
packing-location = Lager
packing-location-all = alle lagre
packing-print-pick-list = Skriv ut plukklisten
pick-list-title = Plukkliste
pick-list-empty = Ingenting å plukke.
pick-list-supplier = bestilles fra leverandør
pick-list-bin = Hylleplass
pick-list-order = Ordre
print-hint = Skriv ut siden fra nettleserens meny.
station-title = Pakking
station-order-page = hele ordren
station-check = Kontroller hver enhet
station-scan = Skann eller skriv strekkoden
station-scan-check = Kontroller
station-scanned = Kontrollert
station-all-checked = Alle enheter er kontrollert: pakk pakken.
station-units-left = { $count ->
    [one] Én enhet igjen å kontrollere.
   *[other] { $count } enheter igjen å kontrollere.
}
station-quality = Kvalitetskontroll
station-severity = Feil
station-flaw = Hva er galt
station-discount = Rabatt hvis kunden beholder den
station-report-flaw = Meld feilen
station-pack = Pakk
station-no-inserts = Ingen vedlegg i denne pakken.
station-inserts = Legg ved:
station-packaging = Emballasje
station-weight = Vekt, gram
station-pack-button = Pakket
station-parcel = Pakke
station-print-slip = Skriv ut pakkseddelen
station-hand-over = Overlevering
station-pickup-code = Hentekode
station-courier = Bud
station-hand-over-button = Overlevert
station-defect-recorded = Ordre #{ $number }: feilen er registrert.
station-packed = Ordre #{ $number } er pakket.
station-handed-over = Ordre #{ $number } er overlevert.
scan-accepted = Riktig vare. { $count ->
    [0] Ordren er komplett.
    [one] Én enhet igjen.
   *[other] { $count } enheter igjen.
}
severity-minor = Liten: spør kunden
severity-major = Alvorlig: bytt enheten
shipment-packed = pakket
shipment-handed_over = overlevert
shipment-in_transit = underveis
shipment-at_pickup_point = på hentestedet
shipment-out_for_delivery = budet er på vei
shipment-delivered = levert
shipment-lost = tapt
slip-title = Pakkseddel
slip-coupon = Din kupong til neste bestilling
slip-inserts = I pakken
slip-thanks = Takk for bestillingen! Spørsmål? Ring eller skriv til oss.
courier-title = Dagens leveringer
courier-whose = Bud
courier-no-stops = Ingen leveringer i dag.
courier-none = Ingen bud ennå. Eieren legger til bud på brukersiden.
courier-call = Ring
courier-map = Kart
courier-receipt = Kvittering
courier-collect = Ta imot { $amount } kontant
courier-paid = Betalt: ta ikke imot noe.
courier-on-the-way = Jeg er på vei
courier-cash = Mottatt kontant
courier-receipt-number = Kvitteringsnummer
courier-delivered = Levert
courier-cash-title = Mine kontanter i dag
courier-hand-in-amount = Beløp levert inn
courier-hand-in = Lever inn kontanter
courier-told = Ordre #{ $number }: kunden vet at du er på vei.
courier-delivered-done = Ordre #{ $number } er levert.
courier-handed-in = Kontantene er levert inn.
cash-title = Betaling ved levering
cash-day = Dag
cash-balanced = Alt stemmer: ingen differanse.
cash-not-balanced = Kontantene stemmer ikke.
cash-per-courier = Per bud
cash-per-order = Per ordre
cash-none = Ingen kontanter denne dagen.
cash-collected = Mottatt
cash-handed-in = Levert inn
cash-held = Ikke levert inn
cash-due = Å betale
cash-gap = differanse
receipt-title = Kvittering
receipt-number = Kvittering nr.
receipt-paid-cash = Betalt kontant
receipt-courier = Levert av
merge-title = Slå sammen kort
merge-open = Samme person som et annet kort …
merge-heading = Slå et annet kort sammen med { $name }
merge-explain = Ordrer, meldinger, kontakter, adresser og samtykke på det andre kortet flyttes hit; det andre kortet fjernes.
merge-no-candidates = Ingen andre kort passer.
merge-orders = { $count ->
    [one] én ordre
   *[other] { $count } ordrer
}
merge-kept = beholdes
merge-confirm = Slå kort #{ $other } sammen med dette
merge-cancel = Avbryt
merge-done = Kort #{ $other } er slått sammen med { $name }.
payment-kind-payment = betaling
payment-kind-refund = refusjon
payment-kind-failed = mislykket forsøk
payment-amount = Beløp
payment-method = Måte
payment-method-card = kort
payment-method-cash = kontant
payment-method-bank_transfer = bankoverføring
payment-method-vipps = Vipps
payment-reference = Referanse
payment-record = Registrer betaling
order-cancel-line = Kanseller denne varen
couriers-title = Bud
couriers-none = Ingen bud ennå.
couriers-login = Innlogging
couriers-no-login = ingen innlogging
couriers-phone = Telefon
couriers-create = Legg til bud
dashboard-delayed = Forsinkede pakker
dashboard-delayed-none = Ingen pakker er forsinket eller tapt.
dashboard-cash-gaps = Betaling ved levering
dashboard-cash-gaps-none = Siste ukes kontanter stemmer.
dashboard-cash-held = { $amount } ikke levert inn
dashboard-cash-orders = { $count ->
    [one] én ordre stemmer ikke
   *[other] { $count } ordrer stemmer ikke
}
chart-ontime-title = Levert i tide, siste 30 dager
chart-ontime-day = { $percent } % i tide
chart-ontime-total = { $percent } % levert innen lovet dag
chart-no-deliveries = Ingen leveringer disse 30 dagene.
event-item_scanned = Vare kontrollert
event-defect_found = Feil funnet
event-packed = Pakket
event-shipment_updated = Pakkestatus
event-cash_collected = Kontanter mottatt
event-discount_granted = Rabatt gitt
event-compensated = Kompensert
refusal-scan_refused = Feil vare: legg den tilbake.
refusal-code_invalid = Skann eller skriv en kode.
refusal-not_verified = Kontroller hver enhet før pakking.
refusal-not_packed = Pakk ordren før den overleveres.
refusal-packaging_unknown = Velg emballasje fra listen.
refusal-weight_out_of_range = En pakke veier 1 g til 70 kg.
refusal-courier_required = Velg budet som tar den.
refusal-courier_unknown = Det finnes ikke noe slikt bud.
refusal-not_your_delivery = Denne leveringen er på et annet buds rute.
refusal-courier_not_linked = Innloggingen din er ikke knyttet til et bud. Spør eieren.
refusal-cash_mismatch = Ta imot nøyaktig beløpet, med kvitteringsnummeret.
refusal-nothing_to_collect = Ordren er betalt: be aldri om penger to ganger.
refusal-already_collected = Kontanter for denne ordren eller dette kvitteringsnummeret er allerede registrert.
refusal-amount_invalid = Skriv et beløp som 398,50.
refusal-amount_not_positive = Lever inn mer enn null.
refusal-same_card = Velg et annet kort enn dette.
refusal-customer_unknown = Det finnes ikke noe slikt kort.
refusal-not_a_courier_user = Bare en bruker med rollen bud kan være innloggingen til et bud.
refusal-user_unknown = Det finnes ingen slik bruker.
refusal-date_invalid = Skriv en dag som ÅÅÅÅ-MM-DD.
refusal-discount_negative = En rabatt kan ikke være negativ.
refusal-discount_out_of_range = Rabatten er større enn det varen koster.

# Parcels carried over from an earlier route (DL-7)
courier-carried-over = Overført fra { $day }: ikke levert ennå.

# What a scan at the packing station came to (AS-1)
scan-line-complete = linje { $line } er komplett
scan-line-more = linje { $line }: { $count } igjen å skanne
scan-already-complete = linje { $line } er allerede komplett: legg denne enheten tilbake
scan-wrong-variant = feil størrelse eller farge på linje { $line }: den skal være { $expected }, denne er { $scanned }
scan-wrong-item = feil vare: { $sku } er ikke i denne ordren
scan-unknown = ukjent kode: ingen vare har denne strekkoden eller SKU-en

# A customer's unsubscribe link (AF-10)
customer-consent-withdrawn = trukket tilbake { $when }
customer-erased = Kunden fikk personopplysningene sine slettet { $when }. Bestillingene blir stående, uten kunden, for regnskapet.
unsubscribe-title = Meld deg av
unsubscribe-ask = Vil du slutte å få nyhetsbrev, forespørsler om anmeldelser og annen markedsføring fra { $shop }? Meldinger om bestillinger og levering kommer fortsatt.
unsubscribe-confirm = Meld meg av
unsubscribe-done = Ferdig: { $shop } sender deg ikke mer markedsføring. Meldinger om bestillinger og levering kommer fortsatt.
unsubscribe-unknown = Vi kjenner ikke denne avmeldingslenken. Bruk lenken i den nyeste meldingen.

## Outgoing webhooks
webhooks-title = Webhooks
webhooks-link = Webhooks til andre systemer
webhooks-intro = Andre systemer (ERP, regnskap, en markedsplass) får høre om butikkens hendelser her: hver hendelse sendes til adressen, signert med mottakerens hemmelighet, og prøves igjen til den blir tatt imot.
webhooks-endpoints = Mottakere
webhooks-none = Ingen mottakere ennå.
webhooks-url = Adresse
webhooks-events = Hendelser
webhooks-event = Hendelse
webhooks-added = Lagt til
webhooks-remove = Fjern
webhooks-new = Legg til en mottaker
webhooks-add = Legg til
webhooks-secret-for = Signeringshemmeligheten til { $url }:
webhooks-dead = Sendinger som feilet
webhooks-dead-none = Alle sendinger ble tatt imot.
webhooks-attempts = Forsøk
webhooks-last-answer = Siste svar
webhooks-no-answer = ikke noe svar
webhooks-redeliver = Send igjen
webhook-event-order_placed = Ordre lagt inn
webhook-event-order_confirmed = Ordre bekreftet
webhook-event-order_paid = Ordre betalt
webhook-event-order_shipped = Ordre sendt
webhook-event-order_delivered = Ordre levert
webhook-event-order_cancelled = Ordre kansellert
webhook-event-order_refunded = Ordre refundert
webhook-event-stock_changed = Lagerbeholdning endret
refusal-url_invalid = Skriv mottakerens fulle adresse, for eksempel https://erp.example/hooks/shopdesk.
refusal-events_empty = Velg minst én hendelse.
refusal-delivery_not_dead = Denne sendingen venter ikke lenger på å bli sendt igjen.
refusal-event_unknown = Velg hendelsene fra listen.
tokens-acts-as = opptrer som
tokens-acts-as-nobody = bare en rolle
tokens-acts-as-intro = Et token som opptrer som en person, får personens rolle og navn og slutter å virke når personen deaktiveres: en budapp ser bare det budets stopp.
## Anmeldelser (AF-4, AF-5)
nav-reviews = Anmeldelser
reviews-title = Anmeldelser
reviews-intro = Svar på hver anmeldelse, god eller dårlig. En ny anmeldelse vises på produktsiden når du publiserer den.
reviews-none = Ingen anmeldelser ennå.
reviews-stars = { $stars } av 5 stjerner
reviews-waits = venter på svar
reviews-hidden-because = Skjult: { $reason }
reviews-answer = Ditt svar
reviews-cause = Årsak
reviews-cause-ask = Hva gikk galt?
reviews-coupon-sent = Rabattkode sendt med svaret: { $code }
reviews-send-answer = Send svaret
reviews-send-answer-coupon = Send svaret med en rabattkode
reviews-publish = Publiser
reviews-hide-reason = Grunn til å skjule, for forfatteren
reviews-hide = Skjul
reviews-causes = Årsaker til negative anmeldelser
reviews-causes-none = Ingen årsaker registrert det siste året.
reviews-month = Måned
reviews-product = Produkt
reviews-count = Anmeldelser
reviews-answered = Svaret om { $title } er på vei til forfatteren.
reviews-published = Anmeldelsen av { $title } vises på produktsiden.
reviews-hidden = Anmeldelsen av { $title } er skjult; forfatteren får vite hvorfor.
reviews-field-text = Ditt svar
reviews-field-cause = Årsak
reviews-field-reason = Grunn
reviews-field-recovery = Rabattkode
review-state-waiting = venter på publisering
review-state-published = publisert
review-state-hidden = skjult
review-cause-product = Selve produktet
review-cause-size_chart = Størrelsestabell
review-cause-delivery = Levering
review-cause-packaging = Emballasje
review-cause-service = Service
review-cause-other = Noe annet
task-answer_review = Svar på en anmeldelse
template-review_request = Forespørsel om anmeldelse
template-review_reminder = Påminnelse om anmeldelse
template-review_answer = Svar på en anmeldelse
template-review_hidden = Anmeldelse ikke publisert
refusal-cause_required = Si hva som gikk galt, så det kan rettes.
refusal-recovery_not_needed = En rabattkode svarer på en anmeldelse med 3 stjerner eller færre.
refusal-review_text_too_long = Høyst 2000 tegn.
tier-gives-percent = { $percent } % rabatt på varene
tier-gives-free-delivery = gratis frakt
sf-tier-benefit = Som { $tier }-kunde får du, helt av seg selv når du bestiller:
field-loyalty_tiers = Lojalitetsnivåer
field-loyalty_months = Måneder med bestillinger et nivå teller (0: alle)
field-loyalty_combine = En kupong og nivået
combine-best_wins = den største rabatten gjelder
combine-both = begge gjelder
settings-loyalty = Lojalitetsnivåer
settings-loyalty-hint = Ett nivå per linje, laveste først: nøkkel, terskel (bestillinger, eller beløp brukt som 500.00 spent), prosent rabatt på varene, og "free delivery" om frakten er gratis, f.eks. "silver 3 orders 5% free delivery". Navn på andre språk på egne linjer: "silver nb: Sølv".

## Products and categories (SU-2)
nav-products = Produkter
products-title = Produkter
products-new = Nytt produkt
products-back = Alle produkter
products-search = Søk
products-search-hint = Tittel, beskrivelse eller varenummer, på hvilket som helst språk
products-category = Kategori
products-status = Status
products-stock = Lager
products-sort = Sorter etter
products-sort-newest = Nyeste først
products-sort-title = Tittel
products-sort-price = Pris, lavest først
products-sort-price_desc = Pris, høyest først
products-sort-stock = Lager, minst først
products-sort-updated = Sist endret
products-none = Ingen produkter passer.
products-choose = Velg
products-choose-one = Velg { $title }
products-product = Produkt
products-price = Pris fra
products-variants = { $count ->
    [one] { $count } variant
   *[other] { $count } varianter
}
products-duplicate = Kopier
products-archive = Arkiver
products-bulk = Med de valgte produktene
products-bulk-status = Sett status
products-bulk-percent = Endre prisene med, prosent
products-bulk-price = Endre prisene
products-bulk-move = Flytt
products-no-category = Ingen kategori
products-bulk-done = { $count ->
    [one] { $count } produkt endret.
   *[other] { $count } produkter endret.
}
product-status-draft = Utkast
product-status-active = Til salgs
product-status-archived = Arkivert
stock-state-in_stock = på lager
stock-state-low = snart tomt
stock-state-sold_out = utsolgt
product-new-title = Nytt produkt
product-edit-title = Rediger produkt
product-on-storefront = Se det i butikken
product-options = Valg
product-options-hint = Det variantene skiller seg i, som farge eller størrelse. Hver variant får så sin verdi.
product-option-n = Valg { $n }
product-variants = Varianter
product-variants-hint = Priser i { $currency }, som 1 490,00 eller 1490.00; vekt i gram. En tom rad tas ikke med.
product-variant-n = Variant { $n }
product-variant-archive = Slutt å selge denne varianten
product-variant-add = Legg til en variant
product-variants-archived = Varianter som ikke selges lenger
product-saved = Produktet er lagret.
product-duplicated = Dette er en kopi som utkast: endre det som er annerledes og lagre.
product-archived = Produktet er arkivert; ordrene beholder linjene sine.
product-variant-archived = Varianten selges ikke lenger; ordrene beholder linjene sine.
product-field-title = Tittel
product-field-description = Beskrivelse
product-field-category = Kategori
product-field-status = Status
product-field-variants = Varianter
product-field-sku = Varenummer
product-field-barcode = Strekkode
product-field-price_minor = Pris
product-field-compare_at_minor = Førpris (strøket over)
product-field-weight_grams = Vekt, g
product-field-options = Valg
product-field-id = Variant
categories-title = Kategorier
categories-intro = Butikken viser kategoriene i denne rekkefølgen, laveste posisjon først, hver på besøkerens språk.
categories-none = Ingen kategorier ennå.
categories-archived = skjult i butikken
categories-parent = Under
categories-position = Posisjon
categories-archive = Skjul i butikken
categories-restore = Vis i butikken igjen
categories-new = Ny kategori
categories-code = Kort kode for adresser
categories-create = Legg til kategori
categories-saved = Kategorien er lagret.
words-title = Ord for valg
words-intro = Navn og verdier på valg slik de står på variantene (colour, Navy), og hvordan hvert språk sier dem. Et tomt felt fjerner oversettelsen.
words-word = Slik det står
words-saved = Ordene er lagret.
settings-languages = Språk
settings-languages-hint = Språkene butikken selger på: hvert produkt får tittel og beskrivelse på hvert av dem, og besøkende leser butikken på sitt, ellers på standardspråket.
field-default_locale = Standardspråk
field-low_stock_units = Snart tomt under, stk.
refusal-barcode_check_digit = Strekkodens siste siffer stemmer ikke med de andre: sjekk nummeret på etiketten.
refusal-barcode_invalid = En strekkode er sifre eller bokstaver uten mellomrom.
refusal-compare_at_not_above_price = Førprisen må være over prisen.
refusal-sku_invalid = Et varenummer er 1 til 64 latinske bokstaver, sifre og tegnene - _ . /
refusal-sku_repeated = Dette varenummeret står på en annen rad i dette produktet.
refusal-title_invalid = En tittel på 1 til 200 tegn trengs.
refusal-description_too_long = Høyst 20000 tegn.
refusal-variants_missing = Fyll ut minst én variant: et produkt trenger en for å selges.
refusal-already_exists = Dette er allerede tatt: velg noe annet.
refusal-weight_invalid = Skriv en vekt i gram, 0 til 1000000.
refusal-percent_invalid = Skriv en prosent som 10 eller -5.
refusal-products_not_chosen = Kryss av produktene først.
refusal-category_code_invalid = En kode er små latinske bokstaver, sifre og bindestreker, som knitwear.
refusal-category_name_invalid = Et navn på 1 til 100 tegn trengs.
refusal-category_parent_loop = En kategori kan ikke ligge under seg selv.
refusal-category_unknown = Det finnes ingen slik kategori.
refusal-locale_not_sold_in = Butikken selger ikke på dette språket: legg det til i innstillingene først.
refusal-position_invalid = En posisjon er et heltall.
refusal-option_invalid = Valg og ord er høyst 100 tegn.
refusal-status_invalid = Velg en status fra listen.
refusal-variant_unknown = Denne varianten hører ikke til dette produktet.
refusal-locale_invalid = Velg et språk fra listen.
refusal-locale_repeated = Hvert språk én gang.
refusal-low_stock_units_invalid = Skriv et antall stykk, 0 til 1000000.
refusal-product_was_ordered = Dette produktet er bestilt: arkiver det i stedet, så ordrene beholder linjene sine.

# An order's money: voids, refunds, overpayments (PY-3)
order-refunded = Tilbakebetalt
payment-voided = annullert
payment-void = Annuller
payment-void-reason = Hvorfor den ble registrert feil
payment-overpayment = Mer enn det som skyldes, med vilje
payment-kind-void = annullering
payment-status-partially_refunded = delvis tilbakebetalt
payment-status-refunded = tilbakebetalt
payment-method-mobilepay = MobilePay
payment-method-stripe = kort på nett (Stripe)
payment-method-liqpay = LiqPay
payment-method-yookassa = YooKassa
refund-title = Tilbakebetaling
refund-refundable = Kan fortsatt betales tilbake
refund-item = Vare
refund-unit-price = Stykkpris
refund-quantity = Antall å betale tilbake
refund-delivery = Betal tilbake frakten
refund-amount = Beløp
refund-amount-hint = varenes pris
refund-reason = Årsak
refund-make = Betal tilbake
refund-overpaid = Betalt utover totalen
refund-pay-back = Betal tilbake
event-payment_voided = Betaling annullert
event-refund_made = Tilbakebetalt
template-refund_made = Tilbakebetaling
refusal-amount_above_balance = Det er mer enn det som skyldes. Kryss av for «Mer enn det som skyldes, med vilje» hvis kunden betalte mer.
refusal-method_unknown = Velg en betalingsmåte fra listen.
refusal-currency_mismatch = Pengene må være i ordrens valuta.
refusal-payment_not_positive = Skriv et beløp over null.
refusal-refund_above_paid = Det er mer enn det som er betalt og ikke betalt tilbake ennå.
refusal-refund_above_overpayment = Det er mer enn det som er betalt utover totalen.
refusal-void_above_refundable = En del av denne betalingen er allerede betalt tilbake: den kan ikke annulleres.
refusal-refund_quantity = Det er flere enheter enn det som gjenstår å betale tilbake for denne varen.
refusal-delivery_refunded = Frakten er allerede betalt tilbake.
refusal-already_voided = Denne betalingen er allerede annullert.
refusal-amount_required = Velg varene som kom tilbake, eller skriv beløpet.
refusal-refund_above_covered = Beløpet er mer enn de valgte varene kostet.
refusal-overpayment_covers_nothing = Tilbakebetaling av for mye betalt gjelder ingen varer.
refusal-methods_empty = Oppgi minst én måte butikken tar imot penger på.
refund-notice = Ordre nr. { $number }: tilbakebetalt { $refunded } i alt.
payment-voided-notice = Ordre nr. { $number }: betalingen er annullert; betalt nå { $paid }.
refund-returned = sendt tilbake

# The owner connects online payments (PY-2)
providers-title = Nettbetaling
providers-intro = Koble til butikkens Stripe-konto: kundene betaler da fakturaer med kort fra ordresiden sin. En nøkkel vises aldri igjen etter at den er lagret.
providers-key-stripe_secret_key = Hemmelig nøkkel (sk_live_…)
providers-key-stripe_webhook_secret = Signeringsnøkkel for webhook (whsec_…)
providers-key-set = Satt
providers-key-unset = Ikke satt
providers-key-remove = Fjern
providers-key-saved = Nøkkelen er lagret.
providers-key-removed = Nøkkelen er fjernet.
providers-webhook = Legg til et webhook-endepunkt med denne adressen i Stripes dashbord, for hendelsene checkout.session.completed og checkout.session.async_payment_succeeded:
refund-state-pending = venter på Stripe
refund-state-done = tilbakebetalt av Stripe
refund-state-failed = Stripe avviste: gjør det for hånd
task-refund_help = Gjør en tilbakebetaling for hånd
refusal-no_card_payment = Ordren ble ikke betalt med kort gjennom Stripe.

# A product's photos (AS-1).
photos-title = Bilder
photos-none = Ingen bilder ennå. Et produkt med bilder selger langt bedre.
photos-colour = Viser fargen
photos-every-colour = Alle farger
photos-alt = Tekst som leses i stedet for bildet ({ $language })
photos-earlier = Flytt fram
photos-later = Flytt bak
photos-remove = Fjern
photos-files = Bilder som skal legges til
photos-files-hint = JPEG, PNG eller WebP, inntil 20 MB hver og 12 om gangen. De snus riktig vei, renses for kameraets data (som hvor bildet ble tatt) og skaleres for alle skjermer.
photos-upload = Legg til bildene
photos-after-save = Lagre produktet først; deretter kan bildene legges til her.
photos-added = Bildene er lagt til.
photos-saved = Bildet er lagret.
photos-removed = Bildet er fjernet.
refusal-photo_too_large = filen er større enn 20 MB.
refusal-photo_not_an_image = filen er ikke et JPEG-, PNG- eller WebP-bilde.
refusal-photo_dimensions = bildet er for lite eller for stort til å være et produktbilde (32 til 12 000 piksler per side, høyst 64 megapiksler).
refusal-photos_count = Velg mellom 1 og 12 bilder å legge til.
refusal-photo_colour_unknown = Produktet finnes ikke i den fargen.
refusal-alt_too_long = Teksten til et bilde kan være høyst 300 tegn.
refusal-photo_order = Nevn hvert av produktets bilder én gang.
refusal-form_unreadable = Skjemaet kunne ikke leses; send det igjen.

# Importing and exporting products
products-import = Importer produkter
products-export = Eksporter som CSV
import-title = Importer produkter
import-intro = En produkt-CSV eksportert fra Shopify eller WooCommerce. Hvert produkt sjekkes i sin helhet: en avvist rad holder produktet sitt ute, de andre kommer inn. Produkter kjennes igjen på handle eller SKU, så samme fil importert på nytt endrer ingenting.
import-file = Produktfil (CSV)
import-dry-run = Bare sjekk, skriv ingenting
import-submit = Importer
import-dry-run-done = Prøvekjøring: ingenting ble skrevet.
import-summary = { $created } opprettet, { $updated } oppdatert, { $unchanged } uendret, { $refused } avvist
import-refused = Avviste rader
import-warnings = Importert uten
import-row = Rad
import-column = Kolonne
import-product = Produkt
import-why = Hvorfor
refusal-import_format_unknown = Filen er verken en produkteksport fra Shopify eller WooCommerce: sjekk overskriftsraden.
refusal-import_parent_unknown = Denne variantens overordnede produkt finnes ikke i filen.
refusal-csv_unreadable = Filen er ikke en lesbar CSV i UTF-8.
refusal-file_missing = Velg en produktfil å importere.
refusal-file_too_large = En produktfil er på høyst 50 MB.
refusal-image_unreachable = Bildet kunne ikke hentes fra adressen sin.
