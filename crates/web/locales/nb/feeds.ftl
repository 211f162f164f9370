# The feeds for other sales channels, linked from the products list.
feeds-title = Produktstrømmer for markedsplasser og annonser
feeds-yml = YML (Prom.ua, Rozetka)
feeds-google = Google Merchant Center
feeds-languages = For et annet språk, legg til ?lang= og koden: { $languages }.
