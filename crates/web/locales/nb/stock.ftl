## Lagersidene og dashbordets liste over varer som går tom (ST-2, ST-3)

nav-stock = Lager
stock-title = Lager
stock-intro = Hver SKU på hvert lagersted: på hylla, lovet bort til ordrer, ledig for salg, og bestilt fra leverandør til ordrer som venter. Åpne en SKU for å ta imot varer, telle, justere, avskrive eller flytte, og for å lese historikken.
stock-show = Vis
stock-levels-all = alt
stock-levels-low = går tom
stock-levels-sold_out = utsolgt
stock-none = Ingen lagerlinjer passer.
stock-sku = SKU
stock-location = Lagersted
stock-bin = Hylleplass
stock-on-hand = På lager
stock-reserved = Reservert
stock-available = Ledig
stock-incoming = På vei
stock-low = lite igjen
location-kind-warehouse = lager
location-kind-store = butikk
location-kind-supplier = leverandør
stock-back = ← Hele lageret
stock-product = Produktet
stock-shelves = Hvor den ligger
stock-no-shelves = Ingen lagersted har denne SKU-en ennå: registrer et varemottak eller en telling.
stock-record = Registrer en bevegelse
stock-kind = Bevegelse
movement-new-receipt = Varemottak
movement-new-count = Telling
movement-new-adjustment = Justering (+ eller −)
movement-new-write_off = Avskrivning
movement-new-transfer = Flytting til et annet lagersted
stock-quantity = Enheter
stock-reason = Årsak
stock-to-location = Til lagersted
stock-record-button = Registrer
stock-record-hint = En telling er det hylla har nå; en justering og en avskrivning trenger en årsak. Enheter som er reservert til ordrer, blir liggende.
stock-threshold = Lite igjen ved (enheter)
stock-history = Historikk
stock-no-history = Ingenting er flyttet ennå.
stock-when = Når
stock-change = Endring
stock-by = Av
movement-opening = Inngående telling
movement-receipt = Varemottak
movement-count = Telling
movement-adjustment = Justering
movement-sale = Solgt
movement-return = Tilbake på lager
movement-write_off = Avskrevet
movement-transfer_out = Flyttet ut
movement-transfer_in = Flyttet inn
stock-purchase-order = innkjøpsordre { $number }
stock-order = ordre { $number }
stock-recorded = Registrert.
stock-threshold-saved = Grensen for lite igjen er lagret.
dashboard-low-stock = Går tom
dashboard-low-stock-none = Ingenting er på eller under grensen for lite igjen.
dashboard-low-stock-all = Alt som går tom →
dashboard-low-stock-left = { $count ->
    [one] { $count } igjen
   *[other] { $count } igjen
}
refusal-below_reserved = Da ville det ligge færre enheter på hylla enn det som er reservert til ordrer.
refusal-count_invalid = En telling er et helt tall fra 0 til 10 000 000.
refusal-reason_too_long = En årsak er høyst 200 tegn.
refusal-to_location_required = Velg lagerstedet enhetene skal til.
refusal-same_location = En flytting går til et annet lagersted.
refusal-location_unknown = Det finnes ikke noe slikt lagersted.
refusal-movement_kind_invalid = Velg en type bevegelse.
refusal-threshold_invalid = Grensen er et helt antall enheter fra 0, eller tom for ingen.
refusal-state_invalid = Vis alt, det som går tom, eller det som er utsolgt.
template-goods_arrived = Varene har kommet
template-replacement_window = Ny leveringsdato etter en feil

## Leverandører og innkjøpsordrer (ST-2)

purchasing-title = Leverandører og innkjøpsordrer
purchasing-intro = Bestill varer fra en leverandør til et av lagerstedene dine. Når de kommer, tar du dem imot her: de går først til ordrene der kunden valgte å vente, eldste først, og hver av disse kundene får høre den nye leveringsdatoen.
purchasing-orders = Innkjøpsordrer
purchasing-no-orders = Ingen innkjøpsordrer ennå.
purchasing-number = Nummer
purchasing-supplier = Leverandør
purchasing-expected = Forventet
purchasing-state = Status
purchasing-units = Enheter
purchasing-po = IO { $number }
purchase-state-open = åpen
purchase-state-received = mottatt
purchase-state-cancelled = kansellert
purchasing-supplier-first = Legg til en leverandør først, og bestill så fra den.
purchasing-new-order = Ny innkjøpsordre
purchasing-into = Til
purchasing-note = Merknad
purchasing-order-button = Send innkjøpsordren
purchasing-suppliers = Leverandører
purchasing-lead-days = { $count ->
    [one] leverer på { $count } dag
   *[other] leverer på { $count } dager
}
purchasing-new-supplier = Ny leverandør
purchasing-name = Navn
purchasing-email = E-post
purchasing-phone = Telefon
purchasing-lead = Leverer på (dager)
purchasing-add-supplier = Legg til leverandøren
purchasing-supplier-added = Leverandøren er lagt til.
purchasing-order-title = IO { $number } fra { $supplier }
purchasing-back = ← Leverandører og innkjøpsordrer
purchasing-ordered = Bestilt
purchasing-received-units = Mottatt
purchasing-arrived = Kommet nå
purchasing-receive = Ta imot
purchasing-receive-hint = Skriv det som kom, ved hver linje; en tom linje kom ikke. Det som kommer, reserveres først til ordrene som venter.
purchasing-cancel = Kanseller innkjøpsordren
purchasing-received = Tatt imot på lager.
purchasing-cancelled = Innkjøpsordren er kansellert.
refusal-supplier_unknown = Velg en av leverandørene dine.
refusal-location_not_own = Varer tas imot på et lager eller i en butikk, ikke hos en leverandør.
refusal-sku_not_ordered = Den SKU-en står ikke på denne innkjøpsordren.
refusal-more_than_ordered = Det er mer enn det som er bestilt og ikke mottatt ennå.
refusal-purchase_order_closed = Denne innkjøpsordren er lukket.
refusal-lines_invalid = Oppgi minst én SKU med antall enheter.
refusal-days_invalid = Dager er et helt tall fra 0 til 365.

## Tellemodus på pakkestasjonen (ST-3)

count-title = Tell en hylleplass
count-back = ← Pakkestasjonen
count-intro = Velg lagersted og hylleplass, og skann hver enhet som ligger der. Sammenlign tellingen med det lageret venter, og bekreft: hver forskjell registreres som en telling.
count-scan = Skann
count-start = Begynn å telle
count-add = Legg til
count-scanned = { $count ->
    [one] { $count } enhet skannet
   *[other] { $count } enheter skannet
}
count-unknown = { $code } er ikke et av butikkens produkter: den telles ikke.
count-empty-bin = Ingenting ligger på denne hylleplassen ennå: skann det som ligger der.
count-expected = Forventet
count-counted = Talt
count-kept-in = ligger på hylleplass { $bin }: tell den der
count-confirm = Bekreft tellingen
count-confirm-hint = En SKU på denne hylleplassen som ikke ble skannet, telles som tom.
count-recorded = Hylleplass { $bin } er talt: { $changed ->
    [0] alt stemte.
    [one] { $changed } SKU avvek og ble rettet.
   *[other] { $changed } SKU-er avvek og ble rettet.
}

## The daily reorder task (ST-2)

stock-levels-reorder = må bestilles
stock-on-order = Bestilt
task-reorder = Bestill det som går tomt
task-lost_parcel = En tapt pakke

## The locations page (ST-2, DL-8)

locations-title = Lagersteder
locations-intro = Hvor varene ligger eller kommer fra: butikkens lagre og butikker, og leverandørene som leverer på bestilling. En pakke som er klar før lagerstedets frist, sendes samme virkedag; en leverandørs leveringstid gjør leveringsløftet lengre.
locations-none = Ingen lagersteder ennå: legg til lageret eller butikken varene ligger i før du registrerer beholdning.
locations-code = Kode
locations-name = Navn
locations-kind = Type
locations-city = By
locations-lead-time = Leveringstid (virkedager)
locations-cutoff = Frist
locations-add = Legg til et lagersted
locations-add-button = Legg til
locations-hint = Koden er kort og endres aldri (den står på plukklister og i lagerfiler); leveringstid gjelder leverandører, 0 for butikkens egne hyller.
locations-added = { $name } er lagt til.
refusal-location_code_invalid = En kode er 1 til 32 bokstaver, sifre, - eller _.
refusal-location_kind_invalid = Velg et lager, en butikk eller en leverandør.
