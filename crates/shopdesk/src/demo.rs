//! A believable demo shop: "Fjord & Thread", a wool shop in Oslo.
//!
//! Everything goes through the app layer's use cases, as the web pages and the API would, so the
//! timelines, stock reservations and customer cards are the real thing. A manual clock starts 30
//! days ago; orders arrive during the day and people move them along their lifecycle at
//! believable times. All moves of all orders run in one global time order (a queue of jobs keyed
//! by time), so stock is reserved and consumed in the order it really would be, and the clock
//! never runs backwards. The shop's own worker runs every quarter of an hour of that time, so
//! payment reminders, deadlines and expiries happen when the shop's rules say, and each step
//! re-reads its order first in case the worker moved it. Moves that would happen after the real
//! now are never made: that is what leaves recent orders in the early stages.
//!
//! A fixed seed makes every run build the same shop, relative to today.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use app::access::Actor;
use app::catalog::{NewProduct, NewVariant};
use app::choices::ChoiceInput;
use app::fulfilment::{CourierDelivery, HandIn};
use app::inventory::{NewLocation, SetStock};
use app::orders::{NewAddress, NewBuyer, NewDelivery, NewLine, NewOrder, NewPayment, OrderView};
use app::support::{AnswerInput, ContactForm};
use app::tasks::AttemptInput;
use domain::access::Role;
use domain::after_sale::{AfterSalePolicy, HolidayGreeting, ReplenishRule};
use domain::contact::{Phone, PhoneRegion};
use domain::money::Currency;
use domain::orders::{Command, DeliveryMethod, Hold, HoldKind, PaymentMode, ReturnOutcome, Stage};
use domain::settings::ShopSettings;
use hmac::{Hmac, Mac};
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};
use sha2::Sha256;

/// How far back the shop's history goes.
const DAYS: i64 = 30;
const SEED: u64 = 0x5EED_F10D_2024;
const TIME_ZONE: &str = "Europe/Oslo";

const WAREHOUSE: &str = "WH-OSLO";
const STORE: &str = "STORE-GRU";
const SUPPLIER: &str = "SUP-BERGEN";
const SUPPLIER_LEAD_DAYS: i64 = 4;
/// Parcels ready before this hour leave with the same day's carrier pickup (DL-8).
const CUTOFF_HOUR: i8 = 14;
/// The key the demo's carriers sign their status reports with, inside the simulation only.
const CARRIER_KEY: &str = "fjord-and-thread-carriers";
/// Parcels the carriers are late with at the end of the demo: the cases a manager sees.
const LATE_NOW: usize = 2;
/// What the courier comes back short, once: a 500-krone note (PY-5).
const CASH_SHORT: i64 = 50_000;

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/// An option value and the short code it has in SKUs.
type Opt = (&'static str, &'static str);

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
enum Source {
    /// Our own stock in the warehouse and the store; restocked every Monday.
    Own,
    /// A few units of our own; the Bergen supplier makes more on demand.
    Backed,
    /// Made to order by the Bergen supplier.
    SupplierOnly,
}

struct ProductSpec {
    title: &'static str,
    category: &'static str,
    /// The SKU prefix, such as `SWTR` in `SWTR-NAVY-M`.
    code: &'static str,
    price: i64,
    /// Price added per size step, for throws and the like.
    size_step: i64,
    /// Weight of the smallest size, in grams.
    grams: i64,
    sizes: &'static [Opt],
    colours: &'static [Opt],
    source: Source,
    description: &'static str,
}

const PRODUCTS: &[ProductSpec] = &[
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
        sizes: &[("S/M", "SM"), ("L/XL", "LXL")],
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
        sizes: &[("S/M", "SM"), ("L/XL", "LXL")],
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
const SOLD_OUT: &[&str] = &["SWTR-MUST-XL", "MITT-RED-S", "POMP-NAT", "SELB-RED-42-44"];

// ---------------------------------------------------------------------------------------------
// People, places and words
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Ingrid", "Kari", "Nora", "Emma", "Sofie", "Maja", "Ida", "Ingeborg", "Hanne", "Silje",
    "Marte", "Thea", "Sara", "Live", "Astrid", "Solveig", "Tone", "Randi", "Liv", "Marit", "Anne",
    "Hilde", "Eirin", "Frida", "Vilde", "Amalie", "Jenny", "Guro", "Ragnhild", "Åse", "Ola",
    "Lars", "Per", "Jonas", "Magnus", "Henrik", "Anders", "Sindre", "Eirik", "Kristian", "Øyvind",
    "Håkon", "Sigurd", "Torbjørn", "Bjørn", "Knut", "Espen", "Even", "Aksel", "Mathias", "Emil",
    "Tobias", "Filip", "Johannes", "Odd", "Trond", "Geir", "Arne", "Amir", "Linh",
];

#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
    "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen",
    "Martinsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen",
    "Ali", "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Aas", "Holm", "Sandvik",
    "Fossum", "Myhre", "Vik", "Tveit", "Haugland", "Ødegård", "Brekke",
];

/// A street, its postcode and its city. Couriers go to Oslo, Bergen and Trondheim only.
const ADDRESSES: &[(&str, &str, &str)] = &[
    ("Thorvald Meyers gate", "0555", "Oslo"),
    ("Markveien", "0554", "Oslo"),
    ("Bogstadveien", "0366", "Oslo"),
    ("Kirkeveien", "0364", "Oslo"),
    ("Trondheimsveien", "0565", "Oslo"),
    ("Sannergata", "0557", "Oslo"),
    ("Vogts gate", "0474", "Oslo"),
    ("Sognsveien", "0855", "Oslo"),
    ("Hegdehaugsveien", "0352", "Oslo"),
    ("Kongsveien", "1177", "Oslo"),
    ("Grenseveien", "0663", "Oslo"),
    ("Ullernchausseen", "0379", "Oslo"),
    ("Tøyengata", "0578", "Oslo"),
    ("Jacob Aalls gate", "0368", "Oslo"),
    ("Nygårdsgaten", "5015", "Bergen"),
    ("Kalfarveien", "5018", "Bergen"),
    ("Strandgaten", "5013", "Bergen"),
    ("Fjøsangerveien", "5054", "Bergen"),
    ("Olav Tryggvasons gate", "7011", "Trondheim"),
    ("Innherredsveien", "7014", "Trondheim"),
    ("Kongens gate", "7012", "Trondheim"),
    ("Kongsgårdgata", "4005", "Stavanger"),
    ("Storgata", "9008", "Tromsø"),
    ("Markens gate", "4611", "Kristiansand"),
    ("Bragernes torg", "3017", "Drammen"),
    ("Storgata", "2609", "Lillehammer"),
    ("Kongens gate", "6002", "Ålesund"),
];

/// PostNord pickup points in Oslo; elsewhere the customer picks the nearest "Post i butikk".
const PICKUP_POINTS: &[&str] = &[
    "Kiwi Grünerløkka, Thorvald Meyers gate 49",
    "Coop Extra Torshov, Vogts gate 64",
    "Rema 1000 Majorstuen, Bogstadveien 52",
    "Joker Sagene, Sandakerveien 2",
    "Meny Storo, Vitaminveien 7",
    "Kiwi Tøyen, Hagegata 23",
];

/// Parcel lockers and the carrier that runs each.
const LOCKERS: &[(&str, Carrier)] = &[
    ("Posten pakkeautomat Oslo S", Carrier::Posten),
    ("Posten pakkeautomat Storo Storsenter", Carrier::Posten),
    ("Instabox Bislett, Pilestredet 56", Carrier::Instabox),
    ("Instabox Grønland, Tøyengata 2", Carrier::Instabox),
    ("Posten pakkeautomat Bergen Storsenter", Carrier::Posten),
    ("Instabox Solsiden, Trondheim", Carrier::Instabox),
];

const ORDER_NOTES: &[&str] = &[
    "Please leave the parcel with the neighbour in 2B if I'm not home.",
    "It's a birthday present: please don't put the receipt in the parcel.",
    "Ring the bell marked Berg/Hansen; the door code is 1471.",
    "Call me 30 minutes before the courier arrives.",
    "Needs to arrive before Friday if at all possible.",
    "Please pack without plastic.",
    "Please add a care card in Norwegian.",
    "My daughter will collect it after 16:00.",
];

const LINE_NOTES: &[&str] = &[
    "gift wrap please",
    "same colour as last time",
    "if Navy is gone, Charcoal is fine",
    "please remove the price tag",
    "separate gift bag for this one",
    "for a tall person: check it is the long-sleeve cut",
    "the one with the darker yarn, as on the photo",
];

/// Visitors writing from the contacts page (SU-1), in the order they write.
struct Question {
    /// Days before today, and the local time.
    days_ago: i64,
    at: (i8, i8),
    text: &'static str,
    /// About the order the writer placed last; otherwise someone who has not ordered yet.
    about_order: bool,
    /// What a manager answers in the next working hour; none for what still waits.
    answer: Option<&'static str>,
}

const QUESTIONS: &[Question] = &[
    Question {
        days_ago: 11,
        at: (10, 12),
        text: "Can I still change the size in my order to L?",
        about_order: true,
        answer: Some(
            "Yes: it had not been packed yet, so it is size L now, at the same price. You get the usual message when it leaves.",
        ),
    },
    Question {
        days_ago: 7,
        at: (21, 40),
        text: "Is the merino sweater itchy? I have sensitive skin.",
        about_order: false,
        answer: Some(
            "It is extra-fine merino, soft enough to wear next to the skin. If it does not suit you, send it back within 30 days and we pay the postage.",
        ),
    },
    Question {
        days_ago: 3,
        at: (13, 5),
        text: "Could you add a card saying \"Happy birthday, Mia\"? It is a present.",
        about_order: true,
        answer: Some("Of course: the card is in the parcel, and the receipt is not."),
    },
    Question {
        days_ago: 1,
        at: (19, 30),
        text: "Do you send parcels to Svalbard, and how long does it take?",
        about_order: false,
        answer: None,
    },
];

const CANCEL_REASONS: &[&str] = &[
    "customer changed their mind",
    "duplicate order: the customer placed it twice by mistake",
    "customer called to cancel: bought it in the store instead",
    "customer wants a different size and will order again",
    "ordered the wrong colour; the customer placed a new order",
];

const CALL_REASONS: &[&str] = &[
    "door delivery: confirm the address and a phone number for the driver",
    "large order: read it back to the customer before packing",
    "the address has no house number",
];

/// What a manager notes after a call that reached the customer.
const CALL_NOTES: &[&str] = &[
    "confirmed the address and the door code",
    "confirmed; delivery after 16:00 suits best",
    "confirmed the size and the colour",
    "confirmed; the invoice will be paid today",
];

/// What a customer takes instead of a sold-out variant, when it is on the shelf (ST-1).
const SUBSTITUTES: &[(&str, &str)] = &[
    ("SWTR-MUST-XL", "SWTR-NAVY-XL"),
    ("MITT-RED-S", "MITT-BLK-S"),
    ("POMP-NAT", "POMP-RED"),
    ("SELB-RED-42-44", "SELB-BLK-42-44"),
];

const DEFECTS: &[&str] = &[
    "pulled thread on the left sleeve",
    "a dropped stitch near the cuff",
    "small stain on the front; not sellable as new",
    "a clasp is loose",
];

const RETURN_REASONS: &[&str] = &[
    "too small: the customer wants one size up",
    "the colour is darker than on the photos",
    "changed their mind within the 14-day right of withdrawal",
    "the wool itches on bare skin",
    "got the same thing as a gift",
];

/// The people in the timeline. Integrations that record payments act with a manager's rights.
const MANAGERS: &[&str] = &["manager:Ingrid", "manager:Lars"];
const PACKERS: &[&str] = &["packer:Sindre", "packer:Amira"];
const STORE_STAFF: &str = "store:Maja";

fn actor(role: Role, name: &str) -> Actor {
    Actor {
        role,
        name: name.into(),
    }
}

// ---------------------------------------------------------------------------------------------
// A deterministic random source
// ---------------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast and good enough to make a demo look random yet repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1).max(1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// One item of a constant, non-empty table.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An index into `weights`, chosen in proportion to them.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut roll = self.next() % total.max(1);
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }

    fn between(&mut self, lo: SignedDuration, hi: SignedDuration) -> SignedDuration {
        SignedDuration::from_secs(self.range(lo.as_secs(), hi.as_secs()))
    }
}

fn mins(n: i64) -> SignedDuration {
    SignedDuration::from_mins(n)
}

fn hours(n: i64) -> SignedDuration {
    SignedDuration::from_hours(n)
}

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

fn plus(at: Timestamp, by: SignedDuration) -> anyhow::Result<Timestamp> {
    at.checked_add(by)
        .with_context(|| format!("{at} + {by} is out of range"))
}

// ---------------------------------------------------------------------------------------------
// Time of day
// ---------------------------------------------------------------------------------------------

/// When a kind of person works, in the shop's time zone.
#[derive(Clone, Copy)]
struct Hours {
    open: i8,
    close: i8,
    sundays: bool,
}

const OFFICE: Hours = Hours {
    open: 8,
    close: 20,
    sundays: false,
};
const CARRIERS: Hours = Hours {
    open: 9,
    close: 21,
    sundays: false,
};
/// The call policy's default calling hours (CF-3).
const CALLS: Hours = Hours {
    open: 9,
    close: 20,
    sundays: false,
};
const SHOP_FLOOR: Hours = Hours {
    open: 10,
    close: 19,
    sundays: true,
};

impl Hours {
    fn open_on(self, day: Date) -> bool {
        self.sundays || day.weekday() != Weekday::Sunday
    }
}

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

struct Person {
    name: String,
    /// Eight digits, without country code; `None` for the few who only give an email.
    phone: Option<String>,
    email: Option<String>,
    address: NewAddress,
    locale: &'static str,
    /// Ticks the marketing box when ordering online.
    consents: bool,
    /// Told to the shop with the first order, with or without the year (AF-8).
    birthday: Option<String>,
}

impl Person {
    fn city(&self) -> &str {
        &self.address.city
    }
}

/// Folds Norwegian letters for an email address.
fn ascii(name: &str) -> String {
    name.to_lowercase()
        .replace('ø', "o")
        .replace('å', "a")
        .replace('æ', "ae")
        .replace(' ', "")
}

/// A deterministic crowd of Norwegians with valid mobile numbers and unique emails.
fn people(rng: &mut Rng, count: usize) -> anyhow::Result<Vec<Person>> {
    let region = PhoneRegion::parse("NO")?;
    let mut phones = BTreeSet::new();
    let mut emails = BTreeSet::new();
    let mut people = Vec::with_capacity(count);
    while people.len() < count {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        // Norwegian mobiles are eight digits starting with 4 or 9. Not every such number is in
        // service, so each is checked as the shop would check it, and the person skipped if not.
        let digits = format!("{}{:07}", rng.pick(&[4, 9]), rng.below(10_000_000));
        let Ok(phone) = Phone::parse(&digits, region) else {
            continue;
        };
        if !phones.insert(phone.to_string()) {
            continue;
        }
        let (f, l) = (ascii(first), ascii(last));
        let mut email = match rng.below(4) {
            0 => format!("{f}{l}@example.com"),
            1 => format!("{f}_{l}@example.net"),
            _ => format!("{f}.{l}@example.no"),
        };
        // Two Ingrid Hansens must not share an address, or their cards would merge.
        let mut n = 2;
        while emails.contains(&email) {
            let (local, host) = email.split_once('@').unwrap_or((&email, "example.no"));
            let base = local.trim_end_matches(|c: char| c.is_ascii_digit());
            email = format!("{base}{n}@{host}");
            n += 1;
        }
        emails.insert(email.clone());
        // One in twenty gives only an email, one in seven only a phone; most give both.
        let kind = rng.below(100);
        let (street, postcode, city) = rng.pick(ADDRESSES);
        let mut line = format!("{street} {}", rng.range(1, 120));
        if rng.chance(35) {
            line.push_str(&format!(", H0{}0{}", rng.range(1, 5), rng.range(1, 4)));
        }
        people.push(Person {
            name: format!("{first} {last}"),
            phone: (kind >= 5).then_some(digits),
            email: (kind < 85).then_some(email),
            address: NewAddress {
                line,
                city: city.into(),
                postcode: postcode.into(),
                country: "NO".into(),
            },
            locale: rng.pick(&["nb", "nb", "nb", "nb", "nb", "nb", "nn", "en"]),
            consents: rng.chance(30),
            birthday: None,
        });
    }
    Ok(people)
}

/// A third of the crowd tells the shop their birthday, half of them without the year, and a
/// few have it within the demo's month, so the outbox shows birthday greetings (AF-8). Drawn
/// from the position, not the random stream, so every other draw stays as it was.
fn give_birthdays(people: &mut [Person], first_day: Date) -> anyhow::Result<()> {
    for (i, person) in people.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        let n = i as i64;
        let day = if i % 9 == 0 {
            first_day.checked_add((n / 9 % 28 + 1).days())?
        } else {
            Date::new(2000, (n % 12 + 1) as i8, (n * 11 % 28 + 1) as i8)?
        };
        person.birthday = Some(if i % 2 == 0 {
            format!("{}-{:02}-{:02}", 1958 + n * 7 % 45, day.month(), day.day())
        } else {
            format!("--{:02}-{:02}", day.month(), day.day())
        });
    }
    Ok(())
}

/// How a person types their number: returning customers do not always type it the same way,
/// and the shop still finds their card.
fn typed_phone(rng: &mut Rng, digits: &str, returning: bool) -> String {
    let spaced = || format!("{} {} {}", &digits[..3], &digits[3..5], &digits[5..]);
    if !returning {
        return spaced();
    }
    match rng.below(3) {
        0 => format!("+47 {digits}"),
        1 => digits.to_owned(),
        _ => spaced(),
    }
}

// ---------------------------------------------------------------------------------------------
// Orders and their fates
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Carrier {
    /// The shop's own courier in Oslo.
    OwnCourier,
    Posten,
    PostNord,
    Instabox,
    /// The customer collects at the store or the warehouse.
    None,
}

impl Carrier {
    /// The carrier's name in the path of its signed reports, `/api/v1/carriers/{slug}/events`.
    fn slug(self) -> &'static str {
        match self {
            Self::Posten => "posten",
            Self::PostNord => "postnord",
            Self::Instabox => "instabox",
            Self::OwnCourier | Self::None => "",
        }
    }

    /// A tracking number in the carrier's own style; the own courier has none.
    fn tracking(self, rng: &mut Rng) -> Option<String> {
        match self {
            Self::OwnCourier | Self::None => None,
            Self::Posten => Some(format!("3707{}", digits(rng, 14))),
            Self::PostNord => Some(format!("00370726{}", digits(rng, 12))),
            Self::Instabox => Some(format!("IBX{}", digits(rng, 10))),
        }
    }

    /// From hand-over to the customer having the parcel.
    fn transit(self, rng: &mut Rng) -> SignedDuration {
        match self {
            Self::OwnCourier => rng.between(hours(1), hours(5)),
            Self::Instabox => rng.between(hours(14), hours(30)),
            Self::PostNord => rng.between(hours(20), hours(54)),
            Self::Posten => rng.between(hours(22), hours(96)),
            Self::None => hours(1),
        }
    }
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

/// Who takes an order's money, and how it arrives.
#[derive(Clone)]
struct Payer {
    actor: Actor,
    /// `vipps`, `card`, `bank_transfer` or `cash`.
    method: &'static str,
}

impl Payer {
    fn payment(&self, rng: &mut Rng, amount_minor: i64) -> NewPayment {
        let reference = match (self.actor.name.as_str(), self.method) {
            ("marketplace:finn", _) => format!("FINN-{}", digits(rng, 9)),
            (_, "vipps") => format!("VIPPS-{}", digits(rng, 10)),
            (_, "bank_transfer") => format!("KID {}", digits(rng, 9)),
            (_, "cash") => format!("receipt {}", digits(rng, 6)),
            _ => format!("card ****{}", digits(rng, 4)),
        };
        NewPayment {
            amount_minor,
            method: self.method.into(),
            reference,
        }
    }
}

/// What happens to an order over its life, decided when it arrives. Moves due after the real
/// now never happen, so a recent order shows only the start of its fate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fate {
    /// Confirmed, packed, delivered and closed.
    Smooth,
    /// The customer cancels before the parcel is packed.
    ChangesMind(&'static str),
    /// A manager holds it to call the customer first (CF-2); the customer answers.
    NeedsCall(&'static str),
    /// As `NeedsCall`, but nobody answers: the shop's worker cancels it when the hold runs out
    /// (CF-3).
    Unreachable(&'static str),
    /// The packer finds a defect; a replacement is found, or the order is cancelled.
    Defect {
        reason: &'static str,
        replaced: bool,
    },
    /// The carrier expects the parcel after the promised window (DL-6); delivered late.
    Delayed,
    /// Delivered, then sent back.
    Returned {
        reason: &'static str,
        outcome: ReturnOutcome,
    },
    /// An invoice never paid: the worker reminds, holds and finally cancels it (PY-2).
    InvoiceUnpaid,
    /// An invoice paid after its deadline, once the worker has put the order on hold.
    PaysLate,
    /// Nobody comes to pick it up.
    NotCollected,
}

/// An order waiting to be placed.
struct Planned {
    input: NewOrder,
    idempotency_key: Option<String>,
    mode: PaymentMode,
    method: DeliveryMethod,
    fate: Fate,
    carrier: Carrier,
    payer: Payer,
    /// Set on the card once the first order made it (AF-8).
    birthday: Option<String>,
}

/// What a person does to an order.
enum Action {
    /// A lifecycle move, with the reason the timeline shows.
    Move(Command, Option<String>),
    /// The balance due arrives.
    Pay,
    /// A manager works the order's call task; the customer answers or not (CF-3).
    Call { answered: bool },
    /// The customer's answer about the first out-of-stock line (ST-1).
    Choose,
    /// The packer scans every unit and packs the parcel (AS-1, AS-3).
    Pack,
    /// The carrier's signed status report about the parcel (DL-3).
    Report {
        status: &'static str,
        estimate: Option<Date>,
    },
    /// The shop's courier sets off to the customer (DL-7).
    OnTheWay,
    /// The shop's courier hands the parcel over, taking the cash due with a receipt (PY-5).
    CourierDelivered,
}

impl Action {
    fn name(&self) -> &'static str {
        match self {
            Self::Move(command, _) => command.name(),
            Self::Pay => "record-payment",
            Self::Call { .. } => "call",
            Self::Choose => "choose",
            Self::Pack => "pack",
            Self::Report { .. } => "carrier-report",
            Self::OnTheWay => "on-the-way",
            Self::CourierDelivered => "courier-delivery",
        }
    }
}

/// A move to make at a given time.
struct Step {
    action: Action,
    actor: Actor,
}

/// An active line no stock could be reserved for.
#[derive(Clone)]
struct Waiting {
    line_no: i64,
    sku: String,
    quantity: i64,
}

/// What the demo knows about a placed order, refreshed from the view every move returns.
struct Tracked {
    number: i64,
    mode: PaymentMode,
    method: DeliveryMethod,
    fate: Fate,
    carrier: Carrier,
    payer: Payer,
    stage: Stage,
    holds: Vec<HoldKind>,
    total: i64,
    paid: i64,
    waiting: Vec<Waiting>,
    active_lines: usize,
    from_supplier: bool,
    /// The fate's one-off moves already made, so they are made once.
    done: BTreeSet<&'static str>,
    /// When the current stage began.
    stage_since: Timestamp,
    /// When the call policy wants the next call, after one went unanswered.
    next_call_at: Option<Timestamp>,
    /// The calls are over; the order waits for its hold to run out.
    calls_over: bool,
    /// The next move, and the stage and holds it was planned for.
    pending: Option<(Step, Stage, Vec<HoldKind>)>,
    /// The last day of the promised window (CK-4).
    promise_latest: Option<Date>,
    /// A carrier's parcel on its way.
    journey: Option<Journey>,
}

/// How a carrier's parcel travels, decided when it leaves the shop.
#[derive(Clone, Copy)]
struct Journey {
    /// When it reaches the door or the pickup point.
    arrives: Timestamp,
    /// The carrier loses it on the way (DL-6).
    lost: bool,
    /// The carrier's last report.
    last: Option<&'static str>,
}

impl Tracked {
    fn observe(&mut self, view: &OrderView, at: Timestamp) -> anyhow::Result<()> {
        let stage = Stage::parse(&view.stage)?;
        if stage != self.stage {
            self.stage_since = at;
        }
        self.stage = stage;
        self.holds = view
            .holds
            .iter()
            .map(|h| HoldKind::parse(&h.kind))
            .collect::<Result<_, _>>()?;
        self.total = view.total.amount_minor;
        self.paid = view.payment.paid.amount_minor;
        let reserved: BTreeSet<i64> = view
            .reservations
            .iter()
            .filter(|r| r.state != "released")
            .map(|r| r.line_no)
            .collect();
        let active = view.lines.iter().filter(|l| l.status == "active");
        self.active_lines = active.clone().count();
        self.waiting = active
            .filter(|l| !reserved.contains(&l.line_no))
            .map(|l| Waiting {
                line_no: l.line_no,
                sku: l.sku.clone(),
                quantity: l.quantity,
            })
            .collect();
        self.from_supplier = view
            .reservations
            .iter()
            .any(|r| r.kind == "supplier" && r.state != "released");
        self.promise_latest = view
            .promise
            .as_ref()
            .map(|p| p.latest.parse())
            .transpose()?;
        Ok(())
    }

    fn on_hold(&self, kind: HoldKind) -> bool {
        self.holds.contains(&kind)
    }

    fn due(&self) -> i64 {
        self.total - self.paid
    }

    /// Makes a fate's one-off move only once; tells whether it is still to do.
    fn first_time(&mut self, what: &'static str) -> bool {
        self.done.insert(what)
    }
}

/// A piece of work in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Job {
    Place(usize),
    Step(usize),
    Restock,
    /// The shop's worker runs its due jobs: reminders, payment deadlines, expiries.
    Worker,
    /// The courier hands in the day's cash (PY-5).
    HandIn(Date),
    /// A visitor writes from the contacts page: the index in [`QUESTIONS`] (SU-1).
    Write(usize),
    /// A manager answers a visitor's message: the question's index and the message's id.
    Answer(usize, i64),
}

/// A variant as the order planner sees it.
struct Sellable {
    sku: String,
    price: i64,
    category: &'static str,
    sold_out: bool,
}

// ---------------------------------------------------------------------------------------------
// The simulation
// ---------------------------------------------------------------------------------------------

struct Sim {
    shop: app::Shop,
    /// The settings the demo saved, to price orders as the shop will.
    settings: ShopSettings,
    clock: Arc<app::ManualClock>,
    tz: TimeZone,
    /// The real now: nothing happens after it.
    end: Timestamp,
    rng: Rng,
    queue: BinaryHeap<Reverse<(i64, u64, Job)>>,
    seq: u64,
    sellable: Vec<Sellable>,
    /// Own-stock SKUs in the warehouse and their bins, for the Monday restock.
    restockable: Vec<(String, String)>,
    people: Vec<Person>,
    /// People who have ordered, in order of their first order.
    customers: Vec<usize>,
    plans: Vec<Option<Planned>>,
    orders: Vec<Tracked>,
    /// The shop's own courier in Oslo (DL-7).
    courier_id: i64,
    /// Who delivers as the courier: the demo's courier login.
    courier: Actor,
    /// Receipts the courier wrote, for their numbers.
    receipts: u64,
    /// Reports the carriers sent, for their ids.
    reports: u64,
    /// Parcels the carriers are late with now, out of `LATE_NOW`.
    late_now: usize,
    lost_made: bool,
    cash_short_made: bool,
}

/// Who sets the shop up.
fn owner() -> Actor {
    actor(Role::Owner, "owner:Kristin")
}

pub async fn build(store: &store::Store) -> anyhow::Result<String> {
    let started = Instant::now();
    let end = Timestamp::now();
    let tz = TimeZone::get(TIME_ZONE).context("the time zone database has no Europe/Oslo")?;
    let first_day = end
        .to_zoned_datetime(tz.clone())
        .date()
        .checked_sub(DAYS.days())
        .context("cannot count back 30 days")?;
    let start = first_day
        .at(7, 0, 0, 0)
        .to_zoned_datetime(tz.clone())
        .context("cannot place the demo's first morning in Oslo time")?
        .timestamp();
    let clock = Arc::new(app::ManualClock::new(start));
    let shop = app::Shop::new(store.clone(), clock.clone()).with_carrier_secret(CARRIER_KEY);

    if !shop
        .products("", 1, 0)
        .await
        .context("cannot read the catalogue")?
        .is_empty()
    {
        return Ok(
            "The database already has a catalogue: the demo data was already there, nothing was added."
                .into(),
        );
    }

    let mut rng = Rng(SEED);
    let mut people = people(&mut rng, 360)?;
    give_birthdays(&mut people, first_day)?;
    let mut sim = Sim {
        shop,
        settings: ShopSettings::default(),
        clock: clock.clone(),
        tz,
        end,
        rng,
        queue: BinaryHeap::new(),
        seq: 0,
        sellable: Vec::new(),
        restockable: Vec::new(),
        people,
        customers: Vec::new(),
        plans: Vec::new(),
        orders: Vec::new(),
        courier_id: 0,
        courier: Actor::system(),
        receipts: 0,
        reports: 0,
        late_now: 0,
        lost_made: false,
        cash_short_made: false,
    };
    sim.set_up_shop().await?;
    let staff = sim.shop.demo_staff().await?;
    // The courier's login delivers as Jonas Lie, so his route, deliveries and cash are its own.
    if let (Some(user), Some(courier)) = (staff.user(Role::Courier), staff.actor(Role::Courier)) {
        sim.shop
            .link_courier(&owner(), sim.courier_id, Some(user))
            .await?;
        sim.courier = courier;
    }
    sim.stock_catalogue().await?;
    sim.plan_month(first_day, start)?;
    sim.plan_questions()?;
    sim.schedule_worker(start)?;
    sim.rng = Rng(SEED);
    sim.run().await?;
    // The worker catches up to the real now, so nothing is left overdue when the shop opens.
    clock.set(end);
    sim.work().await?;
    Ok(format!("{}\n{staff}", summary(&sim.shop, started).await?))
}

impl Sim {
    // ----- Setting up ------------------------------------------------------------------------

    async fn set_up_shop(&mut self) -> anyhow::Result<()> {
        // Start from the defaults and change only what makes this shop itself, so policies the
        // defaults hold (and any the shop gains later) keep their first choice.
        let defaults = ShopSettings::default();
        let mut delivery = defaults.delivery.clone();
        for option in &mut delivery {
            (option.price_minor, option.free_from_minor) = nok_price(option.method);
            if !option.method.is_self_pickup() && option.method != DeliveryMethod::Courier {
                option.carrier = "Posten".into();
                option.tracking_url = "https://sporing.posten.no/sporing/{tracking}".into();
            }
        }
        let settings = ShopSettings {
            name: "Fjord & Thread".into(),
            currency: Currency::parse("NOK")?,
            phone_region: "NO".into(),
            default_locale: "nb".into(),
            time_zone: TIME_ZONE.into(),
            city: "Oslo".into(),
            contact_phone: "+47 22 35 81 40".into(),
            contact_email: "hei@fjordandthread.example.no".into(),
            contact_address: "Thorvald Meyers gate 58, 0552 Oslo".into(),
            delivery,
            after_sale: self.after_sale(&defaults.after_sale)?,
            ..defaults
        };
        self.shop
            .change_settings(&owner(), &serde_json::to_value(&settings)?)
            .await
            .context("cannot save the shop's settings")?;
        self.settings = settings;
        let courier = app::fulfilment::NewCourier {
            name: "Jonas Lie".into(),
            phone: "+47 934 12 876".into(),
            user_id: None,
        };
        self.courier_id = self.shop.create_courier(&owner(), &courier).await?.id;

        let locations = [
            (
                WAREHOUSE,
                "Oslo warehouse, Alnabru",
                "warehouse",
                "Oslo",
                0,
                "14:00",
            ),
            (STORE, "Grünerløkka store", "store", "Oslo", 0, "12:00"),
            (
                SUPPLIER,
                "Bergen Ullvare AS",
                "supplier",
                "Bergen",
                SUPPLIER_LEAD_DAYS,
                "10:00",
            ),
        ];
        for (code, name, kind, city, lead_time_days, cutoff) in locations {
            let input = NewLocation {
                code: code.into(),
                name: name.into(),
                kind: kind.into(),
                city: city.into(),
                lead_time_days,
                cutoff: cutoff.into(),
            };
            self.shop
                .create_location(&owner(), &input)
                .await
                .with_context(|| format!("cannot create location {code}"))?;
        }
        Ok(())
    }

    /// Wool wash and moth blocks run out: the demo's month is short, so their reminder comes
    /// two to six weeks after delivery (AF-7). Norway's holidays, and the shop's own birthday
    /// within the month, so the outbox shows a greeting (AF-9).
    fn after_sale(&self, defaults: &AfterSalePolicy) -> anyhow::Result<AfterSalePolicy> {
        let opened = self
            .shop
            .now()
            .to_zoned_datetime(self.tz.clone())
            .date()
            .checked_add(16.days())?;
        let holiday = |date: String, greeting: &str, english: &str| HolidayGreeting {
            date,
            greeting: greeting.into(),
            translations: BTreeMap::from([("en".into(), english.into())]),
        };
        Ok(AfterSalePolicy {
            replenish: vec![ReplenishRule {
                category: "accessories".into(),
                after_days_min: 14,
                after_days_max: 42,
            }],
            holidays: vec![
                holiday("01-01".into(), "Godt nytt år!", "Happy New Year!"),
                holiday(
                    "03-08".into(),
                    "Gratulerer med kvinnedagen!",
                    "Happy International Women's Day!",
                ),
                holiday(
                    "05-17".into(),
                    "Gratulerer med dagen!",
                    "Happy Constitution Day!",
                ),
                holiday("12-24".into(), "God jul!", "Merry Christmas!"),
                holiday(
                    format!("{:02}-{:02}", opened.month(), opened.day()),
                    "Fjord & Thread fyller fem år i dag. Takk for at du er med oss!",
                    "Fjord & Thread is five years old today. Thank you for being with us!",
                ),
            ],
            ..defaults.clone()
        })
    }

    /// Creates every product and counts its stock into the warehouse, the store and the
    /// supplier.
    async fn stock_catalogue(&mut self) -> anyhow::Result<()> {
        let mut barcode = 0;
        let mut shelf_in_aisle: BTreeMap<&str, i64> = BTreeMap::new();
        for spec in PRODUCTS {
            let variants = variants_of(spec, &mut barcode);
            let input = NewProduct {
                title: spec.title.into(),
                description: spec.description.into(),
                category: spec.category.into(),
                variants,
            };
            self.shop
                .create_product(&owner(), &input)
                .await
                .with_context(|| format!("cannot create product {}", spec.title))?;

            // Each category has its aisle in the warehouse, each product its shelf.
            let aisle = aisle_of(spec.category);
            let shelf = shelf_in_aisle.entry(aisle).or_insert(0);
            *shelf += 1;
            let shelf = *shelf;
            for (i, variant) in input.variants.iter().enumerate() {
                let level = i as i64 % 4 + 1;
                let bin = format!("{aisle}-{shelf:02}-{level}");
                let sold_out = SOLD_OUT.contains(&variant.sku.as_str());
                self.count_stock(spec, &variant.sku, &bin, sold_out).await?;
                self.sellable.push(Sellable {
                    sku: variant.sku.clone(),
                    price: variant.price_minor,
                    category: spec.category,
                    sold_out,
                });
            }
        }
        Ok(())
    }

    async fn count_stock(
        &mut self,
        spec: &ProductSpec,
        sku: &str,
        bin: &str,
        sold_out: bool,
    ) -> anyhow::Result<()> {
        let mut counts: Vec<(&str, i64, String)> = Vec::new();
        match spec.source {
            // A counted zero: the shelf exists, the goods do not.
            _ if sold_out => counts.push((WAREHOUSE, 0, bin.into())),
            Source::Own => {
                // A few variants live only in the store, so orders get picked there too.
                let in_warehouse = if self.rng.chance(4) {
                    0
                } else {
                    self.rng.range(8, 30)
                };
                counts.push((WAREHOUSE, in_warehouse, bin.into()));
                if in_warehouse == 0 || self.rng.chance(55) {
                    let shelf = format!("R-{:02}-{}", self.rng.range(1, 12), self.rng.range(1, 3));
                    counts.push((STORE, self.rng.range(2, 6), shelf));
                }
                if in_warehouse > 0 {
                    self.restockable.push((sku.into(), bin.into()));
                }
            }
            Source::Backed => {
                counts.push((WAREHOUSE, self.rng.range(0, 3), bin.into()));
                counts.push((SUPPLIER, 400, String::new()));
            }
            Source::SupplierOnly => counts.push((SUPPLIER, 400, String::new())),
        }
        for (location, on_hand, bin) in counts {
            self.shop
                .set_stock(&owner(), sku, location, &SetStock { on_hand, bin })
                .await
                .with_context(|| format!("cannot count stock of {sku} at {location}"))?;
        }
        Ok(())
    }

    // ----- Planning --------------------------------------------------------------------------

    fn local_time(&self, day: Date, hour: i8, minute: i8) -> anyhow::Result<Timestamp> {
        Ok(day
            .at(hour, minute, 0, 0)
            .to_zoned_datetime(self.tz.clone())
            .with_context(|| format!("{day} {hour}:{minute} does not exist in Oslo"))?
            .timestamp())
    }

    fn push(&mut self, at: Timestamp, job: Job) {
        // What would happen after the real now has not happened yet.
        if at > self.end {
            return;
        }
        self.seq += 1;
        self.queue
            .push(Reverse((at.as_millisecond(), self.seq, job)));
    }

    /// The visitors' messages of the last days, at their times (SU-1).
    fn plan_questions(&mut self) -> anyhow::Result<()> {
        let today = self.end.to_zoned_datetime(self.tz.clone()).date();
        for (i, question) in QUESTIONS.iter().enumerate() {
            let day = today
                .checked_sub(question.days_ago.days())
                .context("day out of range")?;
            let at = self.local_time(day, question.at.0, question.at.1)?;
            self.push(at, Job::Write(i));
        }
        Ok(())
    }

    /// The worker runs every quarter of an hour, as `shopdesk serve` runs it every second.
    fn schedule_worker(&mut self, start: Timestamp) -> anyhow::Result<()> {
        let mut at = start;
        while at <= self.end {
            self.push(at, Job::Worker);
            at = plus(at, mins(15))?;
        }
        Ok(())
    }

    /// Decides every order of the month: when, from whom, what, and its fate.
    fn plan_month(&mut self, first_day: Date, start: Timestamp) -> anyhow::Result<()> {
        for d in 0..=DAYS {
            // A seed per day keeps each day's orders the same from run to run, whatever later
            // days draw; only the last few days change as the real clock moves on.
            self.rng = Rng(SEED ^ (d as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
            let day = first_day
                .checked_add(d.days())
                .context("day out of range")?;
            if day.weekday() == Weekday::Monday {
                let at = self.local_time(day, 7, 30)?;
                self.push(at, Job::Restock);
            }
            // The courier's round ends by nine; the cash goes into the safe after it.
            let at = self.local_time(day, CARRIERS.close, 30)?;
            self.push(at, Job::HandIn(day));
            let base = match day.weekday() {
                Weekday::Saturday => 16,
                Weekday::Sunday => 15,
                Weekday::Monday | Weekday::Friday => 14,
                _ => 12,
            };
            let count = base + self.rng.range(-3, 3);
            let mut arrivals = Vec::new();
            for _ in 0..count {
                let channel = self.channel_on(day);
                let (hour, minute) = self.arrival_time(channel, day);
                arrivals.push((self.local_time(day, hour, minute)?, channel));
            }
            arrivals.sort();
            for (at, channel) in arrivals {
                if at <= start || at > self.end {
                    continue;
                }
                let recent = at.duration_since(self.end) > -days(6);
                let plan = self.plan_order(channel, recent)?;
                self.plans.push(Some(plan));
                let job = Job::Place(self.plans.len() - 1);
                self.push(at, job);
            }
        }
        Ok(())
    }

    fn channel_on(&mut self, day: Date) -> &'static str {
        let weekday = day.weekday();
        let channel = self.rng.pick(&[
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "storefront",
            "marketplace:finn",
            "marketplace:finn",
            "phone",
            "api",
            "api",
            "import",
        ]);
        match channel {
            // The phone is answered Monday to Saturday; imports run on weekdays.
            "phone" if weekday == Weekday::Sunday => "storefront",
            "import" if matches!(weekday, Weekday::Saturday | Weekday::Sunday) => "storefront",
            other => other,
        }
    }

    fn arrival_time(&mut self, channel: &str, day: Date) -> (i8, i8) {
        // Online shoppers peak in the evening.
        const WEB_HOURS: [u64; 17] = [2, 3, 4, 4, 5, 5, 6, 5, 5, 6, 7, 9, 11, 12, 11, 8, 4];
        let minute = self.rng.range(0, 59) as i8;
        let hour = match channel {
            "phone" if day.weekday() == Weekday::Saturday => self.rng.range(10, 13),
            "phone" => self.rng.range(9, 16),
            // The import job runs at seven on weekday mornings.
            "import" => 7,
            _ => 7 + self.rng.weighted(&WEB_HOURS) as i64,
        };
        (hour as i8, minute)
    }

    fn pick_customer(&mut self) -> (usize, bool) {
        let next_new = self.customers.len();
        let returning =
            !self.customers.is_empty() && (next_new >= self.people.len() || self.rng.chance(38));
        if returning {
            // The lower of two draws favours early customers, so some become regulars.
            let a = self.rng.below(self.customers.len());
            let b = self.rng.below(self.customers.len());
            (self.customers[a.min(b)], true)
        } else {
            self.customers.push(next_new);
            (next_new, false)
        }
    }

    fn plan_order(&mut self, channel: &'static str, recent: bool) -> anyhow::Result<Planned> {
        let (who, returning) = self.pick_customer();
        let (lines, subtotal) = self.plan_lines(channel, recent)?;
        let rng = &mut self.rng;
        let person = &self.people[who];
        let (method, pickup_point, carrier) = delivery_for(rng, channel, person.city());
        let (mode, payer) = payment_for(rng, channel, method, carrier);
        // FINN charges the buyer its own shipping price and tells us; otherwise our own prices.
        let finn_delivery = (channel == "marketplace:finn").then_some(8_900);
        let delivery = match finn_delivery {
            Some(price) => price,
            None => self
                .settings
                .delivery_price(method, subtotal)
                .context("the demo shop offers every delivery method")?,
        };
        // A prepaid order arrives with its payment, taken at checkout (PY-1).
        let payment =
            (mode == PaymentMode::Prepaid).then(|| payer.payment(rng, subtotal + delivery));
        let phone = person
            .phone
            .as_deref()
            .map(|digits| typed_phone(rng, digits, returning));
        // On the phone people rarely spell out their email.
        let email = person
            .email
            .clone()
            .filter(|_| channel != "phone" || phone.is_none() || rng.chance(30));
        let marketing_consent =
            person.consents && matches!(channel, "storefront" | "api") && rng.chance(80);
        let note = if rng.chance(14) {
            rng.pick(ORDER_NOTES).to_owned()
        } else if channel == "import" {
            "Imported from the autumn market order sheet.".into()
        } else {
            String::new()
        };
        let idempotency_key = match channel {
            "marketplace:finn" => Some(format!("finn-{}", 310_000_000 + rng.below(9_000_000))),
            "api" => Some(format!("app-{:016x}", rng.next())),
            _ => None,
        };
        let input = NewOrder {
            channel: channel.into(),
            customer: NewBuyer {
                name: person.name.clone(),
                phone,
                email,
                locale: Some(person.locale.into()),
                marketing_consent,
                preferred_channel: None,
            },
            delivery: NewDelivery {
                method: Some(method.as_str().into()),
                address: method.needs_address().then(|| person.address.clone()),
                pickup_point,
                price_minor: finn_delivery,
            },
            payment_mode: Some(mode.as_str().into()),
            lines,
            note,
            payment,
            coupon: None,
        };
        Ok(Planned {
            input,
            idempotency_key,
            mode,
            method,
            fate: fate_for(rng, mode, method, recent),
            carrier,
            payer,
            birthday: person.birthday.clone().filter(|_| !returning),
        })
    }

    /// The lines of an order, and their subtotal.
    fn plan_lines(&mut self, channel: &str, recent: bool) -> anyhow::Result<(Vec<NewLine>, i64)> {
        let rng = &mut self.rng;
        let count = 1 + rng.weighted(&[55, 28, 12, 5]);
        let mut skus = BTreeSet::new();
        let mut lines = Vec::new();
        let mut subtotal = 0;
        // Now and then someone orders what is sold out, and the order waits for them (ST-1).
        // Recent ones are still waiting, so the demo shows a few.
        if rng.chance(if recent { 10 } else { 3 }) {
            let sku = rng.pick(SOLD_OUT);
            let price = self
                .sellable
                .iter()
                .find(|s| s.sku == sku)
                .map(|s| s.price)
                .context("a sold-out SKU is missing from the catalogue")?;
            skus.insert(sku.to_owned());
            let new = line(rng, channel, sku, price, 1);
            subtotal += new.quantity * new.unit_price_minor.unwrap_or(price);
            lines.push(new);
        }
        for _ in 0..40 {
            if lines.len() >= count {
                break;
            }
            let item = &self.sellable[rng.below(self.sellable.len())];
            if item.sold_out || !skus.insert(item.sku.clone()) {
                continue;
            }
            let quantity = match (channel, item.category) {
                // The market sheet orders socks and hats by the handful.
                ("import", "socks" | "hats" | "accessories") => rng.range(2, 6),
                (_, "socks") => rng.range(1, 3),
                _ if rng.chance(8) => 2,
                _ => 1,
            };
            let new = line(rng, channel, &item.sku, item.price, quantity);
            subtotal += new.quantity * new.unit_price_minor.unwrap_or(item.price);
            lines.push(new);
        }
        Ok((lines, subtotal))
    }

    // ----- Running ---------------------------------------------------------------------------

    async fn run(&mut self) -> anyhow::Result<()> {
        while let Some(Reverse((ms, _, job))) = self.queue.pop() {
            let at = Timestamp::from_millisecond(ms)?;
            self.clock.set(at);
            match job {
                Job::Place(i) => self.place(i, at).await?,
                Job::Step(i) => self.make_step(i, at).await?,
                Job::Restock => self.restock().await?,
                Job::Worker => self.work().await?,
                Job::HandIn(day) => self.hand_in(day, at).await?,
                Job::Write(i) => self.write_to_the_shop(i, at).await?,
                Job::Answer(i, id) => self.answer_message(i, id).await?,
            }
        }
        Ok(())
    }

    async fn work(&mut self) -> anyhow::Result<()> {
        const BATCH: i64 = 100;
        self.shop
            .schedule_daily_jobs()
            .await
            .context("the daily jobs")?;
        loop {
            let ran = self
                .shop
                .run_due_jobs("worker:demo", BATCH)
                .await
                .context("the worker failed")?;
            if ran < BATCH as usize {
                return Ok(());
            }
        }
    }

    async fn place(&mut self, i: usize, at: Timestamp) -> anyhow::Result<()> {
        let plan = self.plans[i]
            .take()
            .context("an order was planned to be placed twice")?;
        let intake = match plan.input.channel.as_str() {
            "storefront" => "storefront",
            "marketplace:finn" => "marketplace:finn",
            "import" => "import:market-sheet",
            "api" => "token:instagram-shop",
            _ => MANAGERS[0],
        };
        let placed = self
            .shop
            .place_order(
                &plan.input,
                plan.idempotency_key.as_deref(),
                &actor(Role::Manager, intake),
            )
            .await
            .with_context(|| {
                format!(
                    "cannot place an order from {} for {}",
                    plan.input.channel, plan.input.customer.name
                )
            })?;
        let mut order = Tracked {
            number: placed.order.number,
            mode: plan.mode,
            method: plan.method,
            fate: plan.fate,
            carrier: plan.carrier,
            payer: plan.payer,
            stage: Stage::Placed,
            holds: Vec::new(),
            total: 0,
            paid: 0,
            waiting: Vec::new(),
            active_lines: 0,
            from_supplier: false,
            done: BTreeSet::new(),
            stage_since: at,
            next_call_at: None,
            calls_over: false,
            pending: None,
            promise_latest: None,
            journey: None,
        };
        if let Some(birthday) = &plan.birthday {
            self.shop
                .set_birthday(&owner(), placed.order.customer.id, Some(birthday))
                .await
                .context("cannot note a birthday")?;
        }
        order.observe(&placed.order, at)?;
        self.orders.push(order);
        self.schedule_next(self.orders.len() - 1, at)
    }

    async fn make_step(&mut self, i: usize, at: Timestamp) -> anyhow::Result<()> {
        let Some((step, stage, holds)) = self.orders[i].pending.take() else {
            return Ok(());
        };
        let number = self.orders[i].number;
        // The worker may have moved the order since this step was planned; if so, plan again.
        let view = self.shop.order(number).await?;
        self.orders[i].observe(&view, at)?;
        if self.orders[i].stage != stage || self.orders[i].holds != holds {
            return self.schedule_next(i, at);
        }
        let what = format!("{} by {}", step.action.name(), step.actor.name);
        let view = self
            .perform(i, step)
            .await
            .with_context(|| format!("order {number}: {what}"))?;
        self.orders[i].observe(&view, at)?;
        self.schedule_next(i, at)
    }

    async fn perform(&mut self, i: usize, step: Step) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let by = &step.actor;
        Ok(match step.action {
            // The shop's courier takes courier parcels; carriers take the rest (DL-1, DL-7).
            Action::Move(Command::HandOver { tracking_number }, _) => {
                let courier = self.orders[i].method == DeliveryMethod::Courier;
                let input = app::fulfilment::HandOverInput {
                    tracking_number,
                    courier_id: courier.then_some(self.courier_id),
                };
                self.shop.hand_over(by, number, &input).await?
            }
            Action::Move(command, reason) => self.shop.act(number, command, by, reason).await?,
            Action::Pack => {
                let order = self.shop.order(number).await?;
                for line in order.lines.iter().filter(|l| l.status == "active") {
                    for _ in 0..line.quantity {
                        self.shop.scan(by, number, &line.sku).await?;
                    }
                }
                let weight_grams = 250 * order.lines.len() as i64 + 120;
                let parcel = app::fulfilment::PackInput {
                    packaging: if weight_grams > 800 {
                        "medium box"
                    } else {
                        "mailer bag"
                    }
                    .into(),
                    weight_grams,
                };
                self.shop.pack(by, number, &parcel).await?
            }
            Action::Pay => {
                let order = &self.orders[i];
                let payment = order.payer.payment(&mut self.rng, order.due());
                self.shop.record_payment(by, number, &payment).await?
            }
            Action::Call { answered } => self.call(i, answered, by).await?,
            Action::Choose => self.choose(i, by).await?,
            Action::Report { status, estimate } => self.report(i, status, estimate).await?,
            Action::OnTheWay => {
                self.shop.courier_on_the_way(by, number).await?;
                self.shop.order(number).await?
            }
            Action::CourierDelivered => {
                let order = &self.orders[i];
                let cash = (order.mode == PaymentMode::OnDelivery && order.due() > 0)
                    .then_some(order.due());
                let receipt_number = cash.map(|_| {
                    self.receipts += 1;
                    format!("JL-{:05}", self.receipts)
                });
                let delivery = CourierDelivery {
                    cash_minor: cash,
                    receipt_number,
                };
                self.shop.courier_delivered(by, number, &delivery).await?
            }
        })
    }

    /// The carrier posts a status report to the shop's webhook, signed with its key (DL-3).
    async fn report(
        &mut self,
        i: usize,
        status: &'static str,
        estimate: Option<Date>,
    ) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let order = self.shop.order(number).await?;
        self.reports += 1;
        let carrier = self.orders[i].carrier.slug();
        let body = serde_json::json!({
            "event_id": format!("{carrier}-{}", 880_000 + self.reports),
            "tracking_number": order.delivery.tracking_number,
            "status": status,
            "estimate": estimate.map(|d| d.to_string()),
        })
        .to_string();
        let mut mac = Hmac::<Sha256>::new_from_slice(CARRIER_KEY.as_bytes())?;
        mac.update(body.as_bytes());
        let signature = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
        self.shop
            .carrier_report(carrier, body.as_bytes(), &signature)
            .await?;
        if let Some(journey) = &mut self.orders[i].journey {
            journey.last = Some(status);
        }
        Ok(self.shop.order(number).await?)
    }

    /// The courier hands in the day's cash at the shop (PY-5). Once, a few days back, he comes
    /// back a note short: the gap the owner finds on the cash page.
    async fn hand_in(&mut self, day: Date, at: Timestamp) -> anyhow::Result<()> {
        let report = self
            .shop
            .cash_report(&self.courier, &day.to_string())
            .await?;
        let held: i64 = report
            .reconciliation
            .couriers
            .iter()
            .map(|c| c.gap_minor)
            .sum();
        // Within the week the dashboard looks back on, but not yesterday's, so there is time
        // to have noticed.
        let age = self.end.duration_since(at);
        let short = !self.cash_short_made && held > 0 && age > days(1) && age < days(7);
        self.cash_short_made |= short;
        let amount_minor = held - if short { held.min(CASH_SHORT) } else { 0 };
        if amount_minor > 0 {
            let input = HandIn {
                courier_id: self.courier_id,
                amount_minor,
            };
            self.shop.hand_in_cash(&self.courier, &input).await?;
        }
        Ok(())
    }

    /// A manager rings the customer about the order's open call task.
    async fn call(&mut self, i: usize, answered: bool, by: &Actor) -> anyhow::Result<OrderView> {
        let number = self.orders[i].number;
        let tasks = self.shop.tasks_of_order(number).await?;
        let task = tasks.iter().find(|t| {
            t.state == "open" && matches!(t.kind.as_str(), "confirm_call" | "clarify_data")
        });
        let Some(task) = task else {
            // No task to report on: the manager confirms by hand after the call.
            let reason = Some("customer confirmed by phone".to_owned());
            return Ok(self.shop.act(number, Command::Confirm, by, reason).await?);
        };
        let input = AttemptInput {
            outcome: if answered {
                "reached_confirmed"
            } else {
                "no_answer"
            }
            .into(),
            note: if answered {
                self.rng.pick(CALL_NOTES).into()
            } else {
                String::new()
            },
            payment_mode: None,
            delivery_method: None,
        };
        let answer = self.shop.record_attempt(by, task.id, &input).await?;
        self.orders[i].next_call_at = answer.next_call_at;
        self.orders[i].calls_over = answer.held_until.is_some();
        Ok(self.shop.order(number).await?)
    }

    /// The customer answers the out-of-stock message: a substitute in another colour when one
    /// is on the shelf, otherwise the rest without the line, or nothing at all (ST-1).
    async fn choose(&mut self, i: usize, by: &Actor) -> anyhow::Result<OrderView> {
        let order = &self.orders[i];
        let number = order.number;
        let Some(line) = order.waiting.first().cloned() else {
            let command = Command::ReleaseHold {
                kind: HoldKind::WaitingForCustomer,
                note: "the customer takes the rest".into(),
            };
            return Ok(self.shop.act(number, command, by, None).await?);
        };
        let others = order.active_lines > order.waiting.len();
        let mut choice = if others {
            "cancel_line"
        } else {
            "cancel_order"
        };
        let mut sku = None;
        let substitute = SUBSTITUTES.iter().find(|(from, _)| *from == line.sku);
        if let Some((_, to)) = substitute
            && self.rng.chance(60)
        {
            let stock = self.shop.stock(to).await?;
            let on_shelf = stock
                .iter()
                .any(|s| s.kind != "supplier" && s.available >= line.quantity);
            if on_shelf {
                choice = "substitute";
                sku = Some((*to).to_owned());
            }
        }
        let input = ChoiceInput {
            line_no: line.line_no,
            choice: choice.into(),
            sku,
        };
        Ok(self.shop.choose(by, number, &input).await?)
    }

    fn schedule_next(&mut self, i: usize, now: Timestamp) -> anyhow::Result<()> {
        if let Some((at, step)) = self.next_step(i, now)? {
            let order = &mut self.orders[i];
            order.pending = Some((step, order.stage, order.holds.clone()));
            self.push(at, Job::Step(i));
        }
        Ok(())
    }

    /// A week's sales leave gaps on the shelves; Monday's delivery fills them.
    /// A visitor writes from the contacts page: about the last order placed, as its buyer, or
    /// as someone who has not ordered. A manager answers in the next working hour.
    async fn write_to_the_shop(&mut self, i: usize, at: Timestamp) -> anyhow::Result<()> {
        let question = &QUESTIONS[i];
        let last_order = self.orders.last().map(|o| o.number);
        let (name, contact, order, locale) = match last_order.filter(|_| question.about_order) {
            Some(number) => {
                let order = self.shop.order(number).await?;
                let card = self.shop.customer(&owner(), order.customer.id).await?;
                let contact = order.customer.email.or(order.customer.phone);
                let locale = card.locale.unwrap_or_default();
                (order.customer.name, contact, number.to_string(), locale)
            }
            None => {
                // Someone near the end of the list, who has not ordered yet.
                let person = &self.people[self.people.len() - 1 - i];
                let contact = person.email.clone().or(person.phone.clone());
                (
                    person.name.clone(),
                    contact,
                    String::new(),
                    person.locale.into(),
                )
            }
        };
        let form = ContactForm {
            name,
            contact: contact.context("a writer without a contact")?,
            order,
            message: question.text.into(),
        };
        let sent = self
            .shop
            .send_inquiry(&form, &app::support::form_key()?, "demo", &locale)
            .await
            .with_context(|| format!("cannot send the message \"{}\"", question.text))?;
        if question.answer.is_some() {
            let answer = self.later(at, mins(20), mins(70), Some(OFFICE))?;
            self.push(answer, Job::Answer(i, sent.id));
        }
        Ok(())
    }

    async fn answer_message(&mut self, i: usize, id: i64) -> anyhow::Result<()> {
        let text = QUESTIONS[i]
            .answer
            .context("a question without an answer")?;
        self.shop
            .answer_inquiry(
                &actor(Role::Manager, MANAGERS[i % MANAGERS.len()]),
                id,
                &AnswerInput { text: text.into() },
            )
            .await
            .context("cannot answer a message")?;
        Ok(())
    }

    async fn restock(&mut self) -> anyhow::Result<()> {
        let manager = actor(Role::Manager, MANAGERS[1]);
        let items = self.restockable.clone();
        for (sku, bin) in items {
            let stock = self.shop.stock(&sku).await?;
            let Some(row) = stock.iter().find(|s| s.location == WAREHOUSE) else {
                continue;
            };
            if row.available >= 5 {
                continue;
            }
            let on_hand = row.on_hand + self.rng.range(12, 24);
            self.shop
                .set_stock(&manager, &sku, WAREHOUSE, &SetStock { on_hand, bin })
                .await
                .with_context(|| format!("cannot restock {sku}"))?;
        }
        Ok(())
    }

    // ----- The lifecycle ---------------------------------------------------------------------

    /// A time `lo..hi` after `from`, moved into working hours if it falls outside them; people
    /// arriving at work take a little while to get to it.
    fn later(
        &mut self,
        from: Timestamp,
        lo: SignedDuration,
        hi: SignedDuration,
        when: Option<Hours>,
    ) -> anyhow::Result<Timestamp> {
        let at = plus(from, self.rng.between(lo, hi))?;
        let Some(when) = when else {
            return Ok(at);
        };
        let local = at.to_zoned_datetime(self.tz.clone()).datetime();
        let mut day = local.date();
        if when.open_on(day) && (when.open..when.close).contains(&local.hour()) {
            return Ok(at);
        }
        if !(when.open_on(day) && local.hour() < when.open) {
            day = day.tomorrow()?;
        }
        while !when.open_on(day) {
            day = day.tomorrow()?;
        }
        let opening = self.local_time(day, when.open, 0)?;
        plus(opening, self.rng.between(mins(5), mins(50)))
    }

    /// The carrier collects at 14:30 on working days; parcels ready after the cut-off wait for
    /// the next pickup (DL-8).
    fn pickup_time(&mut self, ready: Timestamp) -> anyhow::Result<Timestamp> {
        let local = ready.to_zoned_datetime(self.tz.clone()).datetime();
        let mut day = local.date();
        if !(OFFICE.open_on(day) && local.hour() < CUTOFF_HOUR) {
            day = day.tomorrow()?;
        }
        while !OFFICE.open_on(day) {
            day = day.tomorrow()?;
        }
        let pickup = self.local_time(day, CUTOFF_HOUR, 30)?;
        plus(pickup, self.rng.between(mins(0), mins(90)))
    }

    fn manager(&mut self) -> Actor {
        actor(Role::Manager, self.rng.pick(MANAGERS))
    }

    fn packer(&mut self) -> Actor {
        actor(Role::Packer, self.rng.pick(PACKERS))
    }

    /// The next move of order `i`, decided from its stage, holds, payment and fate.
    fn next_step(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let early = matches!(
            order.stage,
            Stage::Placed | Stage::Confirming | Stage::AwaitingPayment | Stage::Assembling
        );
        // A change of mind can come at any time before the parcel is packed.
        if let Fate::ChangesMind(reason) = order.fate
            && early
            && self.orders[i].first_time("change of mind")
        {
            let at = self.later(now, mins(20), hours(5), Some(OFFICE))?;
            return Ok(Some((at, cancel(reason, self.manager()))));
        }
        match self.orders[i].stage {
            Stage::Placed | Stage::Confirming => self.while_confirming(i, now),
            Stage::AwaitingPayment => self.while_awaiting_payment(i, now),
            Stage::Assembling => self.while_assembling(i, now),
            Stage::Ready => self.while_ready(i, now),
            Stage::InTransit => self.while_in_transit(i, now),
            Stage::Delivered => self.after_delivery(i, now),
            Stage::ReturnRequested => {
                let Fate::Returned { outcome, .. } = self.orders[i].fate else {
                    return Ok(None);
                };
                // The parcel comes back and is inspected.
                let at = self.later(now, days(3), days(8), Some(OFFICE))?;
                let by = self.manager();
                Ok(Some((at, moving(Command::ResolveReturn { outcome }, by))))
            }
            Stage::Closed
            | Stage::Cancelled
            | Stage::Returned
            | Stage::Replaced
            | Stage::Refunded => Ok(None),
        }
    }

    fn pay(&self, i: usize, at: Timestamp) -> Next {
        let step = Step {
            action: Action::Pay,
            actor: self.orders[i].payer.actor.clone(),
        };
        Ok(Some((at, step)))
    }

    fn while_confirming(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        // A substitute that costs more leaves a prepaid order owing the difference.
        if order.mode == PaymentMode::Prepaid && order.due() > 0 {
            let at = self.later(now, mins(2), mins(30), None)?;
            return self.pay(i, at);
        }
        if order.on_hold(HoldKind::WaitingForCustomer) {
            // The customer answers the out-of-stock message within hours, or a manager's call.
            let at = if self.orders[i].first_time("out-of-stock answer") {
                self.later(now, hours(1), hours(30), Some(OFFICE))?
            } else {
                self.later(now, mins(1), mins(3), None)?
            };
            let by = self.manager();
            return Ok(Some((
                at,
                Step {
                    action: Action::Choose,
                    actor: by,
                },
            )));
        }
        let fate = order.fate;
        if let Fate::NeedsCall(reason) | Fate::Unreachable(reason) = fate
            && !order.on_hold(HoldKind::NeedsCall)
            && self.orders[i].first_time("call needed")
        {
            let at = self.later(now, mins(5), mins(40), Some(OFFICE))?;
            return Ok(Some((
                at,
                hold(HoldKind::NeedsCall, reason, self.manager()),
            )));
        }
        if self.orders[i].on_hold(HoldKind::NeedsCall) {
            return self.next_call(i, now);
        }
        if !self.orders[i].holds.is_empty() {
            return Ok(None);
        }
        // Confirmed by a manager when the shop's policy left it to one.
        let at = self.later(now, mins(5), hours(2), Some(OFFICE))?;
        Ok(Some((at, moving(Command::Confirm, self.manager()))))
    }

    /// The next call about an order on hold for one, when the call policy says.
    fn next_call(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        if order.calls_over {
            // Nobody answered: the worker cancels the order when its hold runs out.
            return Ok(None);
        }
        let (fate, next_call_at) = (order.fate, order.next_call_at);
        let first = self.orders[i].first_time("first call");
        let answered = match fate {
            Fate::Unreachable(_) => false,
            _ => !(first && self.rng.chance(25)),
        };
        let at = match next_call_at {
            Some(at) if at > now => self.later(at, mins(0), mins(20), Some(CALLS))?,
            _ => self.later(now, mins(10), hours(2), Some(CALLS))?,
        };
        let by = self.manager();
        Ok(Some((
            at,
            Step {
                action: Action::Call { answered },
                actor: by,
            },
        )))
    }

    fn while_awaiting_payment(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (fate, due, since) = (order.fate, order.due(), order.stage_since);
        if due > 0 {
            let at = match fate {
                // The worker reminds, holds and cancels; the customer never pays.
                Fate::InvoiceUnpaid => return Ok(None),
                // Paid after the deadline has put the order on hold; the payment lifts it.
                Fate::PaysLate => {
                    let late = self.later(since, hours(80), hours(110), None)?;
                    late.max(plus(now, mins(10))?)
                }
                _ => self.later(now, hours(2), hours(60), None)?,
            };
            return self.pay(i, at);
        }
        if self.orders[i].on_hold(HoldKind::PaymentProblem) {
            let at = self.later(now, mins(5), mins(30), Some(OFFICE))?;
            let by = self.manager();
            return Ok(Some((at, release(HoldKind::PaymentProblem, "paid", by))));
        }
        // Paid while on hold, so assembly did not start by itself.
        let at = self.later(now, mins(10), hours(2), Some(OFFICE))?;
        Ok(Some((at, moving(Command::StartAssembly, self.manager()))))
    }

    fn while_assembling(&mut self, i: usize, now: Timestamp) -> Next {
        if let Fate::Defect { reason, replaced } = self.orders[i].fate {
            if self.orders[i].first_time("defect") {
                // The packer finds it, but only a manager may hold an order: the packer calls
                // one over.
                let at = self.later(now, mins(30), hours(4), Some(OFFICE))?;
                return Ok(Some((
                    at,
                    hold(HoldKind::DefectFound, reason, self.manager()),
                )));
            }
            if self.orders[i].on_hold(HoldKind::DefectFound) {
                let at = self.later(now, hours(5), days(3), Some(OFFICE))?;
                let by = self.manager();
                let step = if replaced {
                    let note = "replacement unit picked; the faulty one goes back to the supplier";
                    release(HoldKind::DefectFound, note, by)
                } else {
                    cancel("the last unit was faulty; the customer chose a refund", by)
                };
                return Ok(Some((at, step)));
            }
        }
        if !self.orders[i].holds.is_empty() {
            return Ok(None);
        }
        // Goods from the supplier arrive after its lead time; own stock is picked the same day.
        let from = if self.orders[i].from_supplier {
            plus(now, days(SUPPLIER_LEAD_DAYS))?
        } else {
            now
        };
        let at = self.later(from, mins(40), hours(5), Some(OFFICE))?;
        let pack = Step {
            action: Action::Pack,
            actor: self.packer(),
        };
        Ok(Some((at, pack)))
    }

    fn while_ready(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (method, carrier, fate) = (order.method, order.carrier, order.fate);
        let (since, due, mode) = (order.stage_since, order.due(), order.mode);
        if !method.is_self_pickup() {
            let at = self.pickup_time(now)?;
            let tracking_number = carrier.tracking(&mut self.rng);
            let command = Command::HandOver { tracking_number };
            return Ok(Some((at, moving(command, self.packer()))));
        }
        if fate == Fate::NotCollected {
            let at = self.later(since, days(10), days(11), Some(OFFICE))?;
            let reason = "not collected within 10 days; the goods are back on the shelf";
            return Ok(Some((at, cancel(reason, self.manager()))));
        }
        // The customer walks in hours or days later, and pays at the counter before taking it.
        let open = if method == DeliveryMethod::StorePickup {
            SHOP_FLOOR
        } else {
            OFFICE
        };
        let at = if self.orders[i].first_time("walk-in") {
            self.later(now, hours(2), hours(80), Some(open))?
        } else {
            self.later(now, mins(1), mins(2), None)?
        };
        if mode == PaymentMode::OnDelivery && due > 0 {
            return self.pay(i, at);
        }
        let by = if method == DeliveryMethod::StorePickup {
            actor(Role::Manager, STORE_STAFF)
        } else {
            actor(Role::Manager, MANAGERS[1])
        };
        Ok(Some((at, moving(Command::Deliver, by))))
    }

    /// The parcel on its way: the carrier scans it at each terminal and reports it out for
    /// delivery or at the pickup point, then delivered; the shop's courier rings first (DL-3,
    /// DL-7). A late or lost parcel is the carrier's doing, reported like the rest (DL-6).
    fn while_in_transit(&mut self, i: usize, now: Timestamp) -> Next {
        if self.orders[i].carrier == Carrier::OwnCourier {
            return self.courier_round(i, now);
        }
        let journey = match self.orders[i].journey {
            Some(journey) => journey,
            None => self.plan_journey(i, now)?,
        };
        let report = |status, estimate| Step {
            action: Action::Report { status, estimate },
            actor: Actor::system(),
        };
        let arrives = journey.arrives;
        let next = match journey.last {
            // The first scan at the carrier's terminal, with the day it expects to deliver.
            None => {
                let at = self.later(now, hours(1), hours(3), None)?;
                let day = arrives.to_zoned_datetime(self.tz.clone()).date();
                (at, report("in_transit", Some(day)))
            }
            // The trace ends before three silent days would have made it look merely late.
            Some("in_transit") if journey.lost => {
                let at = self.later(now, hours(40), hours(46), Some(CARRIERS))?;
                (at, report("lost", None))
            }
            // A scan at each terminal overnight, until the last leg.
            Some("in_transit") if arrives.duration_since(now) > hours(30) => {
                let at = self.later(now, hours(20), hours(26), None)?;
                (at, report("in_transit", None))
            }
            Some("in_transit")
                if matches!(
                    self.orders[i].method,
                    DeliveryMethod::PickupPoint | DeliveryMethod::ParcelLocker
                ) =>
            {
                (
                    arrives.max(plus(now, mins(30))?),
                    report("at_pickup_point", None),
                )
            }
            Some("in_transit") => {
                let at = plus(arrives, -self.rng.between(hours(1), hours(3)))?;
                (
                    at.max(plus(now, mins(30))?),
                    report("out_for_delivery", None),
                )
            }
            Some("out_for_delivery") => {
                (arrives.max(plus(now, mins(20))?), report("delivered", None))
            }
            // The customer collects it within a few days.
            Some("at_pickup_point") => {
                let at = self.later(now, hours(2), hours(60), Some(SHOP_FLOOR))?;
                (at, report("delivered", None))
            }
            Some(_) => return Ok(None),
        };
        Ok(Some(next))
    }

    /// Decides how a carrier's parcel travels when it leaves. On time, it arrives before the
    /// promised window's last afternoon, as the promise is built on the carriers' usual times.
    /// A few parcels handed over a day or two ago are late now, one a few days back is lost,
    /// and now and then an older one was late and arrived in the end.
    fn plan_journey(&mut self, i: usize, now: Timestamp) -> anyhow::Result<Journey> {
        let order = &self.orders[i];
        let (carrier, fate, latest) = (order.carrier, order.fate, order.promise_latest);
        let transit = carrier.transit(&mut self.rng);
        let mut arrives = self.later(now, transit, transit + mins(30), Some(CARRIERS))?;
        let age = self.end.duration_since(now);
        let lost = !self.lost_made && fate == Fate::Smooth && age > days(3) && age < days(5);
        let late_now = self.late_now < LATE_NOW && !lost && age > hours(30) && age < hours(72);
        let late = late_now || (fate == Fate::Delayed && age > days(10));
        self.lost_made |= lost;
        self.late_now += usize::from(late_now);
        if let Some(latest) = latest {
            if late {
                let after_window = self.local_time(latest.checked_add(2.days())?, 11, 0)?;
                arrives = plus(arrives, self.rng.between(days(3), days(5)))?.max(after_window);
            } else {
                let last_afternoon = self.local_time(latest, 12, 0)?;
                arrives = arrives.min(last_afternoon.max(plus(now, hours(4))?));
            }
        }
        let journey = Journey {
            arrives,
            lost,
            last: None,
        };
        self.orders[i].journey = Some(journey);
        Ok(journey)
    }

    /// The shop's courier rings the customer on the way, then hands the parcel over and takes
    /// the cash due with a receipt (DL-7, PY-5).
    fn courier_round(&mut self, i: usize, now: Timestamp) -> Next {
        let actor = self.courier.clone();
        if self.orders[i].first_time("on the way") {
            let transit = Carrier::OwnCourier.transit(&mut self.rng);
            let at = self.later(now, transit, transit + mins(20), Some(CARRIERS))?;
            let step = Step {
                action: Action::OnTheWay,
                actor,
            };
            return Ok(Some((at, step)));
        }
        let at = self.later(now, mins(15), mins(45), None)?;
        let step = Step {
            action: Action::CourierDelivered,
            actor,
        };
        Ok(Some((at, step)))
    }

    fn after_delivery(&mut self, i: usize, now: Timestamp) -> Next {
        let order = &self.orders[i];
        let (due, carrier, fate) = (order.due(), order.carrier, order.fate);
        // Paid on receipt: the shop's till reports at once, Posten remits a day later.
        if due > 0 {
            let at = match carrier {
                Carrier::None => self.later(now, mins(1), mins(4), None)?,
                _ => self.later(now, hours(18), hours(40), None)?,
            };
            return self.pay(i, at);
        }
        if let Fate::Returned { reason, .. } = fate
            && self.orders[i].first_time("return")
        {
            let at = self.later(now, days(1), days(9), Some(OFFICE))?;
            let command = Command::RequestReturn {
                reason: reason.into(),
            };
            return Ok(Some((at, with_reason(command, self.manager(), reason))));
        }
        // The shop closes delivered, paid orders on its nightly run.
        let at = self.later(now, days(3), days(6), None)?;
        Ok(Some((at, moving(Command::Close, Actor::system()))))
    }
}

/// What a lifecycle rule answers: the next move and when, or nothing more to do.
type Next = anyhow::Result<Option<(Timestamp, Step)>>;

fn moving(command: Command, actor: Actor) -> Step {
    Step {
        action: Action::Move(command, None),
        actor,
    }
}

fn with_reason(command: Command, actor: Actor, reason: &str) -> Step {
    Step {
        action: Action::Move(command, Some(reason.into())),
        actor,
    }
}

fn cancel(reason: &str, by: Actor) -> Step {
    let command = Command::Cancel {
        reason: reason.into(),
    };
    with_reason(command, by, reason)
}

fn hold(kind: HoldKind, reason: &str, by: Actor) -> Step {
    let command = Command::PlaceHold(Hold {
        kind,
        reason: reason.into(),
    });
    with_reason(command, by, reason)
}

fn release(kind: HoldKind, note: &str, by: Actor) -> Step {
    let command = Command::ReleaseHold {
        kind,
        note: note.into(),
    };
    moving(command, by)
}

/// How the goods travel: the method, the chosen point or locker, and who carries them.
fn delivery_for(
    rng: &mut Rng,
    channel: &str,
    city: &str,
) -> (DeliveryMethod, Option<String>, Carrier) {
    use DeliveryMethod::*;
    let method = match channel {
        "marketplace:finn" => rng.pick(&[PickupPoint, ParcelLocker, Post]),
        "import" => rng.pick(&[Post, Courier]),
        _ => {
            let methods = [
                StorePickup,
                WarehousePickup,
                PickupPoint,
                ParcelLocker,
                Post,
                Courier,
            ];
            // In Oslo the shop's own courier brings it the same evening.
            let weights = if city == "Oslo" {
                [14, 5, 18, 12, 11, 40]
            } else {
                [14, 5, 28, 20, 18, 15]
            };
            methods[rng.weighted(&weights)]
        }
    };
    let in_oslo = city == "Oslo";
    // Collecting in person only makes sense for people in Oslo, where the shop's courier goes.
    let method = match method {
        StorePickup | WarehousePickup if !in_oslo => PickupPoint,
        Courier if !in_oslo => Post,
        other => other,
    };
    match method {
        StorePickup | WarehousePickup => (method, None, Carrier::None),
        PickupPoint if in_oslo => {
            let point = rng.pick(PICKUP_POINTS).to_owned();
            (method, Some(point), Carrier::PostNord)
        }
        PickupPoint => {
            let point = format!("Post i butikk, Kiwi {city} sentrum");
            (method, Some(point), Carrier::PostNord)
        }
        ParcelLocker => {
            let (name, carrier) = rng.pick(LOCKERS);
            (method, Some(name.to_owned()), carrier)
        }
        Post => (method, None, Carrier::Posten),
        Courier => (method, None, Carrier::OwnCourier),
    }
}

/// How the customer pays, and who records the money when it comes.
fn payment_for(
    rng: &mut Rng,
    channel: &str,
    method: DeliveryMethod,
    carrier: Carrier,
) -> (PaymentMode, Payer) {
    use PaymentMode::*;
    let mode = match channel {
        "marketplace:finn" => Prepaid,
        "import" => AfterConfirmation,
        "phone" => rng.pick(&[AfterConfirmation, OnDelivery]),
        "api" => rng.pick(&[Prepaid, Prepaid, Prepaid, OnDelivery]),
        // Many pay the courier at the door.
        _ if carrier == Carrier::OwnCourier => [Prepaid, OnDelivery][rng.weighted(&[40, 60])],
        _ => [Prepaid, AfterConfirmation, OnDelivery][rng.weighted(&[70, 12, 18])],
    };
    // Nobody is at a locker to take the money.
    let mode = match (mode, method) {
        (OnDelivery, DeliveryMethod::ParcelLocker) => Prepaid,
        (mode, _) => mode,
    };
    let (name, how) = match (mode, carrier) {
        (Prepaid, _) if channel == "marketplace:finn" => ("marketplace:finn", "card"),
        (Prepaid, _) => rng.pick(&[("payments:vipps", "vipps"), ("payments:card", "card")]),
        (AfterConfirmation, _) => ("payments:bank", "bank_transfer"),
        (OnDelivery, Carrier::None) => (STORE_STAFF, "card"),
        // The courier takes cash at the door and records it with the receipt (PY-5).
        (OnDelivery, Carrier::OwnCourier) => ("courier:Jonas", "cash"),
        (OnDelivery, _) => ("payments:posten-oppkrav", "cash"),
    };
    // Recording a payment takes the right to manage orders.
    let payer = Payer {
        actor: actor(Role::Manager, name),
        method: how,
    };
    (mode, payer)
}

/// What happens to an order over its life. Recent orders lean towards open issues: old issues
/// have long been settled, and a demo should show the shop's work in progress.
fn fate_for(rng: &mut Rng, mode: PaymentMode, method: DeliveryMethod, recent: bool) -> Fate {
    let boost = |usual: u64, lately: u64| if recent { lately } else { usual };
    if mode == PaymentMode::AfterConfirmation {
        let roll = rng.below(100) as u64;
        if roll < 10 {
            return Fate::InvoiceUnpaid;
        }
        if roll < 10 + boost(10, 25) {
            return Fate::PaysLate;
        }
    }
    if method.is_self_pickup() && rng.chance(7) {
        return Fate::NotCollected;
    }
    // Recent parcels the carriers are late with are picked as they leave (`plan_journey`).
    if !method.is_self_pickup() && !recent && rng.chance(5) {
        return Fate::Delayed;
    }
    match rng.weighted(&[68, 4, boost(6, 15), 2, boost(5, 15), 6]) {
        1 => Fate::ChangesMind(rng.pick(CANCEL_REASONS)),
        2 => Fate::NeedsCall(rng.pick(CALL_REASONS)),
        3 => Fate::Unreachable(rng.pick(CALL_REASONS)),
        4 => Fate::Defect {
            reason: rng.pick(DEFECTS),
            replaced: rng.chance(85),
        },
        5 => {
            let reason = rng.pick(RETURN_REASONS);
            // Wrong size or colour is exchanged; other returns get their money back.
            let outcome = if reason.starts_with("too small") || reason.contains("colour") {
                ReturnOutcome::Replaced
            } else {
                rng.pick(&[ReturnOutcome::Returned, ReturnOutcome::Refunded])
            };
            Fate::Returned { reason, outcome }
        }
        _ => Fate::Smooth,
    }
}

fn line(rng: &mut Rng, channel: &str, sku: &str, price: i64, quantity: i64) -> NewLine {
    NewLine {
        sku: sku.into(),
        quantity,
        // FINN sells at the listed price, which runs 10% under ours on some items.
        unit_price_minor: (channel == "marketplace:finn").then(|| {
            if rng.chance(30) {
                price * 9 / 1000 * 100
            } else {
                price
            }
        }),
        note: if rng.chance(10) {
            rng.pick(LINE_NOTES).to_owned()
        } else {
            String::new()
        },
    }
}

fn aisle_of(category: &str) -> &'static str {
    match category {
        "knitwear" => "A",
        "socks" => "B",
        "hats" | "scarves" => "C",
        "gloves" => "D",
        "blankets" => "E",
        _ => "F",
    }
}

/// Every size and colour of a product, with SKUs like `SWTR-NAVY-M` and EAN-13 barcodes.
fn variants_of(spec: &ProductSpec, barcode: &mut u64) -> Vec<NewVariant> {
    let sizes: &[Opt] = if spec.sizes.is_empty() {
        &[("", "")]
    } else {
        spec.sizes
    };
    let colours: &[Opt] = if spec.colours.is_empty() {
        &[("", "")]
    } else {
        spec.colours
    };
    let mut variants = Vec::new();
    for (colour, colour_code) in colours {
        for (s, (size, size_code)) in sizes.iter().enumerate() {
            let mut options = BTreeMap::new();
            let mut sku = spec.code.to_owned();
            for (name, value, code) in [("colour", colour, colour_code), ("size", size, size_code)]
            {
                if !value.is_empty() {
                    options.insert(name.to_owned(), (*value).to_owned());
                    sku.push('-');
                    sku.push_str(code);
                }
            }
            *barcode += 1;
            let s = s as i64;
            variants.push(NewVariant {
                sku,
                options,
                price_minor: spec.price + s * spec.size_step,
                // Larger sizes take more yarn.
                weight_grams: spec.grams + s * spec.grams / 10,
                barcode: Some(ean13(EAN_BASE + *barcode)),
            });
        }
    }
    variants
}

/// Delivery prices in øre, and the subtotal from which delivery is free (DL-2).
fn nok_price(method: DeliveryMethod) -> (i64, Option<i64>) {
    match method {
        DeliveryMethod::StorePickup | DeliveryMethod::WarehousePickup => (0, None),
        DeliveryMethod::PickupPoint => (7_900, Some(100_000)),
        DeliveryMethod::ParcelLocker => (6_900, Some(100_000)),
        DeliveryMethod::Post => (9_900, Some(100_000)),
        DeliveryMethod::Courier => (14_900, Some(150_000)),
    }
}

/// The first twelve digits of our barcodes, before the running number; 70 is Norway's GS1
/// prefix.
const EAN_BASE: u64 = 709_001_200_000;

/// A 13-digit EAN with a correct check digit.
fn ean13(first_twelve: u64) -> String {
    let digits = format!("{first_twelve:012}");
    let sum: u32 = digits
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

// ---------------------------------------------------------------------------------------------
// The summary
// ---------------------------------------------------------------------------------------------

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

async fn summary(shop: &app::Shop, started: Instant) -> anyhow::Result<String> {
    let settings = shop.settings().await?;
    let products = shop.products("", 10_000, 0).await?;
    let variants: usize = products.iter().map(|p| p.variants.len()).sum();
    let locations = shop.locations().await?;
    let customers = shop.customers(&owner(), "", 100_000, 0).await?;
    let orders = shop.orders("", "", 100_000, 0).await?;
    let mut stages = Vec::new();
    for stage in Stage::ALL {
        let count = orders.iter().filter(|o| o.stage == stage.as_str()).count();
        if count > 0 {
            stages.push(format!("{stage} {count}"));
        }
    }
    let mut holds: BTreeMap<&str, usize> = BTreeMap::new();
    for hold in orders.iter().flat_map(|o| &o.holds) {
        *holds.entry(hold.as_str()).or_default() += 1;
    }
    let holds: Vec<String> = holds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let mut tasks: BTreeMap<String, usize> = BTreeMap::new();
    for task in shop.tasks(&owner(), false, "").await? {
        *tasks.entry(task.kind).or_default() += 1;
    }
    let tasks: Vec<String> = tasks.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let returning = customers.iter().filter(|c| c.orders > 1).count();
    Ok(format!(
        "Demo shop \"{}\" built in {:.1} s: {} products ({variants} variants) at {} locations, \
         {} customers ({returning} with more than one order), {} orders over the last {DAYS} days.\n\
         Orders by stage: {}.\n\
         On hold: {}.\n\
         Open tasks: {}.",
        settings.name,
        started.elapsed().as_secs_f64(),
        products.len(),
        locations.len(),
        customers.len(),
        orders.len(),
        stages.join(", "),
        list_or_none(&holds),
        list_or_none(&tasks),
    ))
}
