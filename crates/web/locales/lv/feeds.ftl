# The feeds for other sales channels, linked from the products list.
feeds-title = Plūsmas tirdzniecības vietnēm un reklāmām
feeds-yml = YML (Prom.ua, Rozetka)
feeds-google = Google Merchant Center
feeds-languages = Citai valodai pievienojiet ?lang= un tās kodu: { $languages }.
