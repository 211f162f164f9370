# The feeds for other sales channels, linked from the products list.
feeds-title = Фиды для маркетплейсов и рекламы
feeds-yml = YML (Prom.ua, Rozetka)
feeds-google = Google Merchant Center
feeds-languages = Для другого языка добавьте ?lang= и его код: { $languages }.
