# The feeds for other sales channels, linked from the products list.
feeds-title = Фіди для маркетплейсів і реклами
feeds-yml = YML (Prom.ua, Rozetka)
feeds-google = Google Merchant Center
feeds-languages = Для іншої мови додайте ?lang= і її код: { $languages }.
