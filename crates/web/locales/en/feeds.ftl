# The feeds for other sales channels, linked from the products list.
feeds-title = Feeds for marketplaces and ads
feeds-yml = YML (Prom.ua, Rozetka)
feeds-google = Google Merchant Center
feeds-languages = For another language add ?lang= and its code: { $languages }.
