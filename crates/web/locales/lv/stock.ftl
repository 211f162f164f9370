## Noliktavas lapas un paneļa saraksts ar precēm, kas beidzas (ST-2, ST-3)

nav-stock = Noliktava
stock-title = Noliktava
stock-intro = Katrs SKU katrā vietā: plauktā, rezervēts pasūtījumiem, brīvs pārdošanai un pasūtīts no piegādātāja gaidošiem pasūtījumiem. Atveriet SKU, lai pieņemtu preci, saskaitītu, koriģētu, norakstītu vai pārvietotu to un lasītu tā vēsturi.
stock-show = Rādīt
stock-levels-all = visu
stock-levels-low = beidzas
stock-levels-sold_out = izpārdots
stock-none = Nekas neatbilst.
stock-sku = SKU
stock-location = Vieta
stock-bin = Plaukta vieta
stock-on-hand = Plauktā
stock-reserved = Rezervēts
stock-available = Brīvs
stock-incoming = Gaidāms
stock-low = maz
location-kind-warehouse = noliktava
location-kind-store = veikals
location-kind-supplier = piegādātājs
stock-back = ← Visa noliktava
stock-product = Prece
stock-shelves = Kur tas atrodas
stock-no-shelves = Neviena vieta vēl neglabā šo SKU: reģistrējiet pieņemšanu vai saskaitīšanu.
stock-record = Reģistrēt kustību
stock-kind = Kustība
movement-new-receipt = Preču pieņemšana
movement-new-count = Saskaitīšana
movement-new-adjustment = Korekcija (+ vai −)
movement-new-write_off = Norakstīšana
movement-new-transfer = Pārvietošana uz citu vietu
stock-quantity = Vienības
stock-reason = Iemesls
stock-to-location = Uz vietu
stock-record-button = Reģistrēt
stock-record-hint = Saskaitīšana ir tas, kas plauktā ir tagad; korekcijai un norakstīšanai vajag iemeslu. Pasūtījumiem rezervētās vienības paliek plauktā.
stock-threshold = Maz, ja ne vairāk kā (vienības)
stock-history = Vēsture
stock-no-history = Vēl nekas nav kustējies.
stock-when = Kad
stock-change = Izmaiņa
stock-by = Kas
movement-opening = Sākuma atlikums
movement-receipt = Pieņemts
movement-count = Saskaitīts
movement-adjustment = Korekcija
movement-sale = Pārdots
movement-return = Atgriezts noliktavā
movement-write_off = Norakstīts
movement-transfer_out = Pārvietots prom
movement-transfer_in = Pārvietots šurp
stock-purchase-order = piegādātāja pasūtījums { $number }
stock-order = pasūtījums { $number }
stock-recorded = Reģistrēts.
stock-threshold-saved = Atlikuma slieksnis saglabāts.
dashboard-low-stock = Beidzas
dashboard-low-stock-none = Nekas nav sasniedzis atlikuma slieksni.
dashboard-low-stock-all = Viss, kas beidzas →
dashboard-low-stock-left = { $count ->
    [zero] palikuši { $count }
    [one] palicis { $count }
   *[other] palikuši { $count }
}
refusal-below_reserved = Tad plauktā paliktu mazāk vienību, nekā rezervēts pasūtījumiem.
refusal-count_invalid = Saskaitījums ir vesels skaitlis no 0 līdz 10 000 000.
refusal-reason_too_long = Iemesls ir ne garāks par 200 rakstzīmēm.
refusal-to_location_required = Izvēlieties vietu, uz kuru vienības pārvietot.
refusal-same_location = Pārvietošana notiek uz citu vietu.
refusal-location_unknown = Tādas vietas nav.
refusal-movement_kind_invalid = Izvēlieties kustības veidu.
refusal-threshold_invalid = Slieksnis ir vesels vienību skaits no 0 vai tukšs, ja sliekšņa nav.
refusal-state_invalid = Rādīt visu, to, kas beidzas, vai izpārdoto.
template-goods_arrived = Prece saņemta
template-replacement_window = Jauns piegādes datums pēc defekta

## Piegādātāji un iepirkuma pasūtījumi (ST-2)

purchasing-title = Piegādātāji un iepirkumi
purchasing-intro = Pasūtiet preci no piegādātāja uz kādu no savām vietām. Kad tā pienāk, pieņemiet to šeit: tā vispirms nonāk pasūtījumos, kuru pircēji izvēlējās gaidīt, sākot ar senāko, un katrs no viņiem uzzina jauno piegādes datumu.
purchasing-orders = Iepirkuma pasūtījumi
purchasing-no-orders = Iepirkuma pasūtījumu vēl nav.
purchasing-number = Numurs
purchasing-supplier = Piegādātājs
purchasing-expected = Gaidāms
purchasing-state = Statuss
purchasing-units = Vienības
purchasing-po = Iepirkums { $number }
purchase-state-open = atvērts
purchase-state-received = saņemts
purchase-state-cancelled = atcelts
purchasing-supplier-first = Vispirms pievienojiet piegādātāju, tad pasūtiet no tā.
purchasing-new-order = Jauns iepirkuma pasūtījums
purchasing-into = Uz
purchasing-note = Piezīme
purchasing-order-button = Noformēt iepirkuma pasūtījumu
purchasing-suppliers = Piegādātāji
purchasing-lead-days = { $count ->
    [zero] piegādā { $count } dienās
    [one] piegādā { $count } dienā
   *[other] piegādā { $count } dienās
}
purchasing-new-supplier = Jauns piegādātājs
purchasing-name = Nosaukums
purchasing-email = E-pasts
purchasing-phone = Tālrunis
purchasing-lead = Piegādes laiks (dienas)
purchasing-add-supplier = Pievienot piegādātāju
purchasing-supplier-added = Piegādātājs pievienots.
purchasing-order-title = Iepirkums { $number } no { $supplier }
purchasing-back = ← Piegādātāji un iepirkumi
purchasing-ordered = Pasūtīts
purchasing-received-units = Saņemts
purchasing-arrived = Pienācis tagad
purchasing-receive = Pieņemt
purchasing-receive-hint = Ierakstiet, cik pienāca, pie katras rindas; tukša rinda nozīmē, ka nepienāca. Pienākušais vispirms tiek rezervēts gaidošajiem pasūtījumiem.
purchasing-cancel = Atcelt iepirkuma pasūtījumu
purchasing-received = Pieņemts noliktavā.
purchasing-cancelled = Iepirkuma pasūtījums atcelts.
refusal-supplier_unknown = Izvēlieties kādu no saviem piegādātājiem.
refusal-location_not_own = Prece tiek pieņemta noliktavā vai veikalā, nevis pie piegādātāja.
refusal-sku_not_ordered = Šī SKU nav šajā iepirkuma pasūtījumā.
refusal-more_than_ordered = Tas ir vairāk, nekā pasūtīts un vēl nav saņemts.
refusal-purchase_order_closed = Šis iepirkuma pasūtījums ir slēgts.
refusal-lines_invalid = Norādiet vismaz vienu SKU ar vienību skaitu.
refusal-days_invalid = Dienas ir vesels skaitlis no 0 līdz 365.

## Iepakošanas stacijas skaitīšanas režīms (ST-3)

count-title = Saskaitīt plaukta vietu
count-back = ← Iepakošanas stacija
count-intro = Izvēlieties vietu un plaukta vietu, tad noskenējiet katru tajā esošo vienību. Salīdziniet saskaitīto ar to, ko gaida noliktava, un apstipriniet: katra atšķirība tiek reģistrēta kā saskaitīšana.
count-scan = Skenēt
count-start = Sākt skaitīt
count-add = Pievienot
count-scanned = { $count ->
    [zero] noskenētas { $count } vienības
    [one] noskenēta { $count } vienība
   *[other] noskenētas { $count } vienības
}
count-unknown = { $code } nav veikala prece: tā netiek skaitīta.
count-empty-bin = Šajā plaukta vietā vēl nekas netiek glabāts: noskenējiet to, kas tajā ir.
count-expected = Gaidāms
count-counted = Saskaitīts
count-kept-in = glabājas plaukta vietā { $bin }: saskaitiet to tur
count-confirm = Apstiprināt saskaitīšanu
count-confirm-hint = Šīs plaukta vietas SKU, kas netika noskenēts, tiek skaitīts kā beidzies.
count-recorded = Plaukta vieta { $bin } saskaitīta: { $changed ->
    [0] viss sakrita.
    [one] { $changed } SKU atšķīrās un tika labots.
   *[other] { $changed } SKU atšķīrās un tika laboti.
}

## The daily reorder task (ST-2)

stock-levels-reorder = jāpasūta
stock-on-order = Pasūtīts
task-reorder = Pasūtīt to, kas beidzas
task-lost_parcel = Pazudis sūtījums

## The locations page (ST-2, DL-8)

locations-title = Noliktavas
locations-intro = Kur preces glabājas vai no kurienes tās nāk: veikala noliktavas un veikali, kā arī piegādātāji, kas piegādā pēc pasūtījuma. Sūtījums, kas gatavs līdz noliktavas termiņam, aizceļo tajā pašā darba dienā; piegādātāja piegādes laiks pagarina solīto piegādi.
locations-none = Noliktavu vēl nav: pievienojiet noliktavu vai veikalu, kurā ir preces, pirms reģistrējat krājumus.
locations-code = Kods
locations-name = Nosaukums
locations-kind = Veids
locations-city = Pilsēta
locations-lead-time = Piegādes laiks (darba dienas)
locations-cutoff = Termiņš
locations-add = Pievienot noliktavu
locations-add-button = Pievienot
locations-hint = Kods ir īss un nemainās (tas ir komplektēšanas sarakstos un krājumu failos); piegādes laiks ir piegādātājam, 0 — veikala plauktiem.
locations-added = { $name } pievienota.
refusal-location_code_invalid = Kods ir no 1 līdz 32 burtiem, cipariem, - vai _.
refusal-location_kind_invalid = Izvēlieties noliktavu, veikalu vai piegādātāju.
