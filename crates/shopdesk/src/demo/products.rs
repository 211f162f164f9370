//! The catalogue as data: every product, its sizes and colours, and where its units come from.

/// An option value and the short code it has in SKUs.
pub(super) type Opt = (&'static str, &'static str);

const NAVY: Opt = ("Navy", "NAVY");
const CHARCOAL: Opt = ("Charcoal", "CHAR");
const OATMEAL: Opt = ("Oatmeal", "OAT");
const FOREST: Opt = ("Forest Green", "FOREST");
const RUST: Opt = ("Rust", "RUST");
const MUSTARD: Opt = ("Mustard", "MUST");
const NATURAL: Opt = ("Natural White", "NAT");
const GREY: Opt = ("Heather Grey", "GREY");
const BURGUNDY: Opt = ("Burgundy", "BURG");
const FJORD: Opt = ("Fjord Blue", "FJORD");
const BLACK: Opt = ("Black", "BLK");
const RED: Opt = ("Red", "RED");
const MOSS: Opt = ("Moss", "MOSS");
const SAND: Opt = ("Sand", "SAND");
const MIXED: Opt = ("Mixed", "MIX");

const ONE_SIZE: &[Opt] = &[];
const NO_COLOUR: &[Opt] = &[];
const XS_XL: &[Opt] = &[
    ("XS", "XS"),
    ("S", "S"),
    ("M", "M"),
    ("L", "L"),
    ("XL", "XL"),
];
const S_XL: &[Opt] = &[("S", "S"), ("M", "M"), ("L", "L"), ("XL", "XL")];
const HANDS: &[Opt] = &[("S", "S"), ("M", "M"), ("L", "L")];
const HANDS_2: &[Opt] = &[("S/M", "SM"), ("L/XL", "LXL")];
const FEET: &[Opt] = &[
    ("36-38", "36-38"),
    ("39-41", "39-41"),
    ("42-44", "42-44"),
    ("45-47", "45-47"),
];
const FEET_3: &[Opt] = &[("36-38", "36-38"), ("39-41", "39-41"), ("42-44", "42-44")];
const SLIPPER_FEET: &[Opt] = &[("36-39", "36-39"), ("40-43", "40-43"), ("44-47", "44-47")];
const KID_FEET: &[Opt] = &[
    ("22-24", "22-24"),
    ("25-27", "25-27"),
    ("28-30", "28-30"),
    ("31-33", "31-33"),
];
const KID_AGES: &[Opt] = &[
    ("2 years", "2Y"),
    ("4 years", "4Y"),
    ("6 years", "6Y"),
    ("8 years", "8Y"),
];
const KID_HEADS: &[Opt] = &[("2-4 years", "2-4Y"), ("5-8 years", "5-8Y")];
const THROWS: &[Opt] = &[("130 x 170 cm", "130X170"), ("150 x 200 cm", "150X200")];

/// Where a product's units come from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// Our own stock in the warehouse and the store; restocked every Monday.
    Own,
    /// A few units of our own; the Bergen supplier makes more on demand.
    Backed,
    /// Made to order by the Bergen supplier.
    SupplierOnly,
}

pub(super) struct ProductSpec {
    pub(super) title: &'static str,
    pub(super) category: &'static str,
    /// The SKU prefix, such as `SWTR` in `SWTR-NAVY-M`.
    pub(super) code: &'static str,
    pub(super) price: i64,
    /// Price added per size step, for throws and the like.
    pub(super) size_step: i64,
    /// Weight of the smallest size, in grams.
    pub(super) grams: i64,
    pub(super) sizes: &'static [Opt],
    pub(super) colours: &'static [Opt],
    pub(super) source: Source,
    pub(super) description: &'static str,
}

pub(super) const PRODUCTS: &[ProductSpec] = &[
    ProductSpec {
        title: "Fjord Classic Crew Sweater",
        category: "knitwear",
        code: "SWTR",
        price: 129_900,
        size_step: 0,
        grams: 560,
        sizes: XS_XL,
        colours: &[NAVY, OATMEAL, FOREST, MUSTARD],
        source: Source::Own,
        description: "A classic crew-neck sweater knitted in Norway from 100% Norwegian lambswool, \
            with a relaxed fit and double-ribbed cuffs. Warm enough for an autumn walk along the \
            fjord, light enough to wear indoors all day. Hand wash cold or use the wool programme \
            at 30 °C, and dry flat.",
    },
    ProductSpec {
        title: "Setesdal Cardigan with Pewter Clasps",
        category: "knitwear",
        code: "CARD",
        price: 169_900,
        size_step: 0,
        grams: 680,
        sizes: S_XL,
        colours: &[CHARCOAL, NATURAL, BURGUNDY],
        source: Source::Backed,
        description: "The traditional lusekofte from Setesdal, knitted in pure new wool with the \
            classic lice pattern and embroidered front bands. Closed with four hand-cast pewter \
            clasps. Made to order in Bergen when our own shelf is empty. Hand wash, never tumble \
            dry.",
    },
    ProductSpec {
        title: "Marius Pattern Sweater",
        category: "knitwear",
        code: "MARI",
        price: 149_900,
        size_step: 0,
        grams: 640,
        sizes: S_XL,
        colours: &[NAVY, RED, CHARCOAL],
        source: Source::Own,
        description: "Norway's best-loved knitting pattern on a regular-fit sweater of soft \
            Norwegian wool and 10% mohair. The yoke pattern is knitted in, not printed, so it \
            keeps its shape for years. Wool programme at 30 °C, dry flat.",
    },
    ProductSpec {
        title: "Lofoten Fisherman Roll-neck",
        category: "knitwear",
        code: "ROLL",
        price: 139_900,
        size_step: 0,
        grams: 760,
        sizes: S_XL,
        colours: &[NATURAL, NAVY, GREY],
        source: Source::Own,
        description: "A heavy roll-neck in unwashed spælsau wool that keeps the lanolin, so it \
            sheds rain and wind like the sweaters fishermen wore in Lofoten. Dense cable knit, \
            a long body and a fold-over collar. Air it rather than wash it; when needed, hand \
            wash cold with lanolin wash.",
    },
    ProductSpec {
        title: "Merino Base Layer Top",
        category: "knitwear",
        code: "BASE",
        price: 79_900,
        size_step: 0,
        grams: 190,
        sizes: XS_XL,
        colours: &[BLACK, GREY, FJORD],
        source: Source::Own,
        description: "A close-fitting long-sleeve top in 200 g/m² superfine merino that keeps you \
            warm when wet and does not smell after a day on the trail. Flat seams so nothing \
            rubs under a backpack. Machine wash at 40 °C inside out; no fabric softener.",
    },
    ProductSpec {
        title: "Kids' Mini Marius Sweater",
        category: "knitwear",
        code: "KIDS",
        price: 69_900,
        size_step: 0,
        grams: 220,
        sizes: KID_AGES,
        colours: &[RED, FJORD],
        source: Source::Own,
        description: "The Marius pattern in children's sizes, knitted from soft superwash merino \
            so it survives the kindergarten washing machine. A wide neck that goes easily over \
            a head. Machine wash at 40 °C.",
    },
    ProductSpec {
        title: "Alpaca Blend V-neck",
        category: "knitwear",
        code: "VNCK",
        price: 119_900,
        size_step: 0,
        grams: 420,
        sizes: S_XL,
        colours: &[SAND, CHARCOAL],
        source: Source::Own,
        description: "A fine-gauge V-neck in 60% baby alpaca and 40% merino, light and very \
            warm, with no itch. Looks right over a shirt at the office. Hand wash cold and dry \
            flat away from the radiator.",
    },
    ProductSpec {
        title: "Knitted Wool Vest",
        category: "knitwear",
        code: "VEST",
        price: 89_900,
        size_step: 0,
        grams: 330,
        sizes: S_XL,
        colours: &[OATMEAL, MOSS],
        source: Source::Own,
        description: "A sleeveless vest in chunky Norwegian wool with a cable down the front: the \
            extra layer for cold offices and cabin evenings. Wool programme at 30 °C, dry flat.",
    },
    ProductSpec {
        title: "Ragg Wool Hiking Socks",
        category: "socks",
        code: "RAGG",
        price: 24_900,
        size_step: 0,
        grams: 120,
        sizes: FEET,
        colours: &[GREY, NATURAL, FOREST],
        source: Source::Own,
        description: "Thick ragg socks of 80% wool and 20% nylon for boots and long days on the \
            mountain. Terry-knitted soles cushion every step, and the nylon makes the heel last. \
            Machine wash at 40 °C on the wool programme.",
    },
    ProductSpec {
        title: "Merino Everyday Socks, 3-pack",
        category: "socks",
        code: "SOCK",
        price: 29_900,
        size_step: 0,
        grams: 140,
        sizes: FEET,
        colours: &[NAVY, BLACK, MIXED],
        source: Source::Own,
        description: "Three pairs of thin merino socks for every day, with a seamless toe and a \
            comfort cuff that does not pinch. Warm in winter, cool in summer. Machine wash at \
            40 °C.",
    },
    ProductSpec {
        title: "Selbu Pattern Socks",
        category: "socks",
        code: "SELB",
        price: 34_900,
        size_step: 0,
        grams: 110,
        sizes: FEET_3,
        colours: &[BLACK, RED],
        source: Source::Own,
        description: "Socks with the eight-petal Selbu rose, knitted in two colours of Norwegian \
            wool, which makes them twice as warm as plain ones. Lovely in slippers at the cabin. \
            Hand wash cold.",
    },
    ProductSpec {
        title: "Children's Wool Socks, 2-pack",
        category: "socks",
        code: "KSOK",
        price: 17_900,
        size_step: 0,
        grams: 70,
        sizes: KID_FEET,
        colours: &[FJORD, RED],
        source: Source::Own,
        description: "Two pairs of soft merino socks for small feet, with a reinforced heel and \
            toe for running around. Machine wash at 40 °C.",
    },
    ProductSpec {
        title: "Thick Slipper Socks with Grip",
        category: "socks",
        code: "SLIP",
        price: 27_900,
        size_step: 0,
        grams: 160,
        sizes: SLIPPER_FEET,
        colours: &[OATMEAL, BURGUNDY],
        source: Source::Own,
        description: "Chunky knitted slipper socks with silicone dots on the sole, so you do not \
            slide on wooden floors. Wool outside, a soft fleece lining inside. Hand wash cold, \
            dry flat.",
    },
    ProductSpec {
        title: "Ribbed Fisherman Beanie",
        category: "hats",
        code: "BEAN",
        price: 34_900,
        size_step: 0,
        grams: 90,
        sizes: ONE_SIZE,
        colours: &[NAVY, MUSTARD, RUST, CHARCOAL, FOREST],
        source: Source::Own,
        description: "A short fisherman beanie in rib-knit lambswool with a deep turn-up that \
            covers the ears. One size that fits most adults. Hand wash cold and dry flat.",
    },
    ProductSpec {
        title: "Pompom Selbu Hat",
        category: "hats",
        code: "POMP",
        price: 44_900,
        size_step: 0,
        grams: 110,
        sizes: ONE_SIZE,
        colours: &[RED, NATURAL, NAVY],
        source: Source::Own,
        description: "A warm double-layer hat with the Selbu rose, topped with a pompom of \
            Norwegian sheepskin. The inner layer is soft merino, so it does not itch on the \
            forehead. Hand wash cold; remove the pompom first.",
    },
    ProductSpec {
        title: "Merino Balaclava",
        category: "hats",
        code: "BALA",
        price: 39_900,
        size_step: 0,
        grams: 80,
        sizes: ONE_SIZE,
        colours: &[BLACK, GREY],
        source: Source::Own,
        description: "A thin merino balaclava for skiing and winter cycling that fits under a \
            helmet. The face opening can be folded down as a neck warmer. Machine wash at 40 °C.",
    },
    ProductSpec {
        title: "Kids' Earflap Hat",
        category: "hats",
        code: "KHAT",
        price: 29_900,
        size_step: 0,
        grams: 60,
        sizes: KID_HEADS,
        colours: &[RED, FJORD],
        source: Source::Own,
        description: "A children's hat with earflaps and a soft tie under the chin, in superwash \
            merino with a windproof lining. Machine wash at 40 °C.",
    },
    ProductSpec {
        title: "Lambswool Rib Scarf",
        category: "scarves",
        code: "SCRF",
        price: 49_900,
        size_step: 0,
        grams: 220,
        sizes: ONE_SIZE,
        colours: &[NAVY, OATMEAL, BURGUNDY, MOSS],
        source: Source::Own,
        description: "A long scarf in rib-knit lambswool, 180 by 30 cm, that looks the same on \
            both sides. Hand wash cold, reshape while damp and dry flat.",
    },
    ProductSpec {
        title: "Oversized Check Blanket Scarf",
        category: "scarves",
        code: "CHKS",
        price: 69_900,
        size_step: 0,
        grams: 350,
        sizes: ONE_SIZE,
        colours: &[RUST, GREY],
        source: Source::Own,
        description: "A generous woven scarf in brushed wool, big enough to wear as a shawl on a \
            cold train platform. Fringed ends, woven in a classic check. Dry clean or hand wash \
            cold.",
    },
    ProductSpec {
        title: "Mohair Lace Shawl",
        category: "scarves",
        code: "SHWL",
        price: 89_900,
        size_step: 0,
        grams: 120,
        sizes: ONE_SIZE,
        colours: &[SAND, FJORD],
        source: Source::SupplierOnly,
        description: "A feather-light lace shawl hand-knitted in kid mohair and silk by our \
            knitters in Bergen, made to order. Warm far beyond its weight. Hand wash cold, never \
            wring; pin out to dry.",
    },
    ProductSpec {
        title: "Merino Neck Gaiter",
        category: "scarves",
        code: "GAIT",
        price: 29_900,
        size_step: 0,
        grams: 60,
        sizes: ONE_SIZE,
        colours: &[BLACK, FOREST],
        source: Source::Own,
        description: "A seamless tube of double-layer merino that works as a neck warmer, a \
            headband or a hat. Packs into a jacket pocket. Machine wash at 40 °C.",
    },
    ProductSpec {
        title: "Selbu Mittens",
        category: "gloves",
        code: "MITT",
        price: 39_900,
        size_step: 0,
        grams: 100,
        sizes: HANDS,
        colours: &[RED, BLACK, NATURAL],
        source: Source::Own,
        description: "Double-knitted mittens with the Selbu rose on the back of the hand and a \
            snowflake palm. Two layers of yarn make them dense and windproof. Hand wash cold \
            and dry flat.",
    },
    ProductSpec {
        title: "Wool Fingerless Gloves",
        category: "gloves",
        code: "FING",
        price: 29_900,
        size_step: 0,
        grams: 60,
        sizes: HANDS_2,
        colours: &[CHARCOAL, OATMEAL],
        source: Source::Own,
        description: "Fingerless gloves in rib-knit lambswool for typing in a cold office or \
            fishing from the pier. Long cuffs that reach under the sleeve. Hand wash cold.",
    },
    ProductSpec {
        title: "Felted Wool Mittens",
        category: "gloves",
        code: "FELT",
        price: 44_900,
        size_step: 0,
        grams: 130,
        sizes: HANDS_2,
        colours: &[GREY, RUST],
        source: Source::Own,
        description: "Mittens knitted large and felted by hand until they are thick, windproof \
            and almost waterproof, as they were made for the winter fishery. Air them out; wash \
            by hand only when needed, cold, or they shrink further.",
    },
    ProductSpec {
        title: "Touchscreen Merino Liner Gloves",
        category: "gloves",
        code: "LINR",
        price: 24_900,
        size_step: 0,
        grams: 45,
        sizes: HANDS,
        colours: &[BLACK],
        source: Source::Own,
        description: "Thin merino liner gloves with conductive fingertips so you can use your \
            phone without taking them off. Wear alone or under mittens. Machine wash at 30 °C.",
    },
    ProductSpec {
        title: "Røros Wool Throw",
        category: "blankets",
        code: "THRW",
        price: 149_900,
        size_step: 30_000,
        grams: 1_200,
        sizes: THROWS,
        colours: &[NATURAL, GREY, RUST],
        source: Source::Backed,
        description: "A woven throw of pure Norwegian wool in the traditional Røros tweed, soft \
            enough for the sofa and sturdy enough for the cabin. Woven to order in Bergen when \
            our own stock runs out. Air outdoors to freshen; dry clean or wash by hand in the \
            bath, cold.",
    },
    ProductSpec {
        title: "Herringbone Picnic Blanket",
        category: "blankets",
        code: "PICN",
        price: 119_900,
        size_step: 0,
        grams: 1_500,
        sizes: &[("140 x 180 cm", "140X180")],
        colours: &[MOSS, NAVY],
        source: Source::Backed,
        description: "A herringbone wool blanket with a water-resistant backing and a leather \
            carrying strap, for picnics on the rocks and cold football matches. Wipe the backing \
            clean; air the wool side.",
    },
    ProductSpec {
        title: "Baby Merino Blanket",
        category: "blankets",
        code: "BABY",
        price: 79_900,
        size_step: 0,
        grams: 380,
        sizes: &[("80 x 100 cm", "80X100")],
        colours: &[SAND, FJORD, NATURAL],
        source: Source::Own,
        description: "A cellular-knit blanket in extra-fine merino that breathes, so a baby stays \
            warm without overheating in the pram. Oeko-Tex certified. Machine wash at 30 °C on \
            the wool programme.",
    },
    ProductSpec {
        title: "Spælsau Sheepskin Rug",
        category: "blankets",
        code: "SKIN",
        price: 199_900,
        size_step: 0,
        grams: 1_800,
        sizes: ONE_SIZE,
        colours: &[NATURAL, GREY],
        source: Source::SupplierOnly,
        description: "A whole sheepskin from the Norwegian spælsau, long-haired and naturally \
            coloured, tanned without chrome at a small tannery on the west coast. Each skin is \
            unique and is picked for you by our supplier. Shake it out and air it; spot clean \
            with cold water.",
    },
    ProductSpec {
        title: "Striped Cabin Blanket",
        category: "blankets",
        code: "CABN",
        price: 129_900,
        size_step: 0,
        grams: 1_400,
        sizes: &[("150 x 200 cm", "150X200")],
        colours: &[RED, NAVY],
        source: Source::Backed,
        description: "A classic striped wool blanket for the cabin bunk, heavy and warm, with \
            blanket-stitched edges. Woven in Norway. Air it often; hand wash cold in the bath \
            when it really needs it.",
    },
    ProductSpec {
        title: "Wool Care Kit",
        category: "accessories",
        code: "CARE",
        price: 24_900,
        size_step: 0,
        grams: 450,
        sizes: ONE_SIZE,
        colours: NO_COLOUR,
        source: Source::Own,
        description: "Everything a wool sweater needs: 250 ml of lanolin wool wash, a cedar \
            block against moths and a wooden pilling comb, in a linen bag. Makes a good gift \
            with any sweater.",
    },
    ProductSpec {
        title: "Lanolin Wool Wash 500 ml",
        category: "accessories",
        code: "WASH",
        price: 14_900,
        size_step: 0,
        grams: 550,
        sizes: ONE_SIZE,
        colours: NO_COLOUR,
        source: Source::Own,
        description: "A mild, enzyme-free wash that gives wool back the lanolin it loses in water, \
            so it stays soft and water-repellent. Scented with a little birch. 500 ml is about \
            40 hand washes.",
    },
    ProductSpec {
        title: "Cedar Moth Blocks, 10-pack",
        category: "accessories",
        code: "CEDR",
        price: 9_900,
        size_step: 0,
        grams: 150,
        sizes: ONE_SIZE,
        colours: NO_COLOUR,
        source: Source::Own,
        description: "Ten blocks of untreated red cedar that keep moths away from wool in \
            drawers and wardrobes. Sand them lightly once a season to refresh the scent.",
    },
    ProductSpec {
        title: "Knitting Kit: Selbu Mittens",
        category: "accessories",
        code: "KKIT",
        price: 59_900,
        size_step: 0,
        grams: 300,
        sizes: ONE_SIZE,
        colours: &[RED, NAVY],
        source: Source::Own,
        description: "Yarn, needles and a printed pattern for one pair of classic Selbu mittens in \
            adult size M. For knitters who have tried two-colour knitting before. The yarn is \
            Norwegian wool; hand wash the finished mittens cold.",
    },
    ProductSpec {
        title: "Canvas Market Tote",
        category: "accessories",
        code: "TOTE",
        price: 19_900,
        size_step: 0,
        grams: 280,
        sizes: ONE_SIZE,
        colours: &[NATURAL, BLACK],
        source: Source::Own,
        description: "A sturdy tote in heavy organic cotton canvas with leather handles and an \
            inner pocket, printed with our fjord logo. Machine wash at 30 °C.",
    },
    ProductSpec {
        title: "Sheepskin Insoles",
        category: "accessories",
        code: "SOLE",
        price: 19_900,
        size_step: 0,
        grams: 80,
        sizes: FEET,
        colours: NO_COLOUR,
        source: Source::Own,
        description: "Insoles of real sheepskin on a latex backing that keep feet warm and dry in \
            winter boots. Trim to fit if needed. Air them out overnight; do not wash.",
    },
    ProductSpec {
        title: "Wool Felt Seat Pads, 2-pack",
        category: "accessories",
        code: "SEAT",
        price: 29_900,
        size_step: 0,
        grams: 200,
        sizes: ONE_SIZE,
        colours: &[GREY, RUST],
        source: Source::Own,
        description: "Two round seat pads of 100% wool felt, 35 cm across, for kitchen chairs, \
            the garden bench and the ski trip. Spot clean with cold water.",
    },
];

/// Variants with no stock anywhere: ordering them holds the order until the customer decides.
pub(super) const SOLD_OUT: &[&str] = &["SWTR-MUST-XL", "MITT-RED-S", "POMP-NAT", "SELB-RED-42-44"];

/// What a customer takes instead of a sold-out variant, when it is on the shelf (ST-1).
pub(super) const SUBSTITUTES: &[(&str, &str)] = &[
    ("SWTR-MUST-XL", "SWTR-NAVY-XL"),
    ("MITT-RED-S", "MITT-BLK-S"),
    ("POMP-NAT", "POMP-RED"),
    ("SELB-RED-42-44", "SELB-BLK-42-44"),
];
