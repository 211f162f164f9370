//! Visitors writing from the contacts page, and the managers' answers (SU-1).

use anyhow::Context;
use app::support::{AnswerInput, ContactForm};
use domain::access::Role;
use jiff::{Timestamp, ToSpan};

use super::Sim;
use super::hours::OFFICE;
use super::people::{MANAGERS, actor, owner};
use super::queue::Job;
use super::random::mins;

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

impl Sim {
    /// The visitors' messages of the last days, at their times (SU-1).
    pub(super) fn plan_questions(&mut self) -> anyhow::Result<()> {
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

    /// A visitor writes from the contacts page: about the last order placed, as its buyer, or
    /// as someone who has not ordered. A manager answers in the next working hour.
    pub(super) async fn write_to_the_shop(
        &mut self,
        i: usize,
        at: Timestamp,
    ) -> anyhow::Result<()> {
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

    pub(super) async fn answer_message(&mut self, i: usize, id: i64) -> anyhow::Result<()> {
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
}
