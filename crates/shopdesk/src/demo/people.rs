//! The people: the staff in the timeline, the shop's courier, and a crowd of customers.

use std::collections::BTreeSet;

use app::access::Actor;
use app::backoffice::StaffLogins;
use app::orders::NewAddress;
use domain::access::Role;
use domain::contact::{Phone, PhoneRegion};
use jiff::ToSpan;
use jiff::civil::Date;

use super::Sim;
use super::random::Rng;

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

/// The people in the timeline. Integrations that record payments act with a manager's rights.
pub(super) const MANAGERS: &[&str] = &["manager:Ingrid", "manager:Lars"];
const PACKERS: &[&str] = &["packer:Sindre", "packer:Amira"];
pub(super) const STORE_STAFF: &str = "store:Maja";

pub(super) fn actor(role: Role, name: &str) -> Actor {
    Actor {
        role,
        name: name.into(),
    }
}

/// Who sets the shop up.
pub(super) fn owner() -> Actor {
    actor(Role::Owner, "owner:Kristin")
}

pub(super) struct Person {
    pub(super) name: String,
    /// Eight digits, without country code; `None` for the few who only give an email.
    pub(super) phone: Option<String>,
    pub(super) email: Option<String>,
    pub(super) address: NewAddress,
    pub(super) locale: &'static str,
    /// Ticks the marketing box when ordering online.
    pub(super) consents: bool,
    /// Told to the shop with the first order, with or without the year (AF-8).
    pub(super) birthday: Option<String>,
}

impl Person {
    pub(super) fn city(&self) -> &str {
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
pub(super) fn people(rng: &mut Rng, count: usize) -> anyhow::Result<Vec<Person>> {
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
pub(super) fn give_birthdays(people: &mut [Person], first_day: Date) -> anyhow::Result<()> {
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
pub(super) fn typed_phone(rng: &mut Rng, digits: &str, returning: bool) -> String {
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

impl Sim {
    /// The shop's own courier in Oslo (DL-7).
    pub(super) async fn create_courier(&mut self) -> anyhow::Result<()> {
        let courier = app::fulfilment::NewCourier {
            name: "Jonas Lie".into(),
            phone: "+47 934 12 876".into(),
            user_id: None,
        };
        self.courier_id = self.shop.create_courier(&owner(), &courier).await?.id;
        Ok(())
    }

    /// The back office's logins. The courier's login delivers as Jonas Lie, so his route,
    /// deliveries and cash are its own.
    pub(super) async fn take_on_staff(&mut self) -> anyhow::Result<StaffLogins> {
        let staff = self.shop.demo_staff().await?;
        if let (Some(user), Some(courier)) = (staff.user(Role::Courier), staff.actor(Role::Courier))
        {
            self.shop
                .link_courier(&owner(), self.courier_id, Some(user))
                .await?;
            self.courier = courier;
        }
        Ok(staff)
    }

    /// Who places the next order, and whether they have ordered before.
    pub(super) fn pick_customer(&mut self) -> (usize, bool) {
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

    pub(super) fn manager(&mut self) -> Actor {
        actor(Role::Manager, self.rng.pick(MANAGERS))
    }

    pub(super) fn packer(&mut self) -> Actor {
        actor(Role::Packer, self.rng.pick(PACKERS))
    }
}
