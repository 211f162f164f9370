## Бек-офіс українською.

any = Будь-який
save = Зберегти
pages = Сторінки
pages-previous = ← Назад
pages-next = Далі →
pages-page = Сторінка { $count }

## Navigation
nav-label = Розділи
nav-dashboard = Огляд
nav-calls = Дзвінки
nav-orders = Замовлення
nav-customers = Клієнти
nav-outbox = Повідомлення
nav-settings = Налаштування
nav-users = Користувачі
nav-language = Мова
nav-language-browser = Мова браузера
nav-language-set = Обрати
nav-logout = Вийти

## Login
login-title = Вхід
login-email = Ел. пошта
login-password = Пароль
login-submit = Увійти
login-refused = Неправильна пошта або пароль.
login-locked = { $count ->
    [one] Забагато невдалих спроб. Спробуйте знову за { $count } хвилину.
    [few] Забагато невдалих спроб. Спробуйте знову за { $count } хвилини.
   *[other] Забагато невдалих спроб. Спробуйте знову за { $count } хвилин.
}
login-slowed = { $count ->
    [one] Багато невдалих спроб увійти в цей обліковий запис. Спробуйте знову за { $count } секунду.
    [few] Багато невдалих спроб увійти в цей обліковий запис. Спробуйте знову за { $count } секунди.
   *[other] Багато невдалих спроб увійти в цей обліковий запис. Спробуйте знову за { $count } секунд.
}

## Errors
error-title = Щось заважає
error-home = Повернутися на початок
error-forbidden = Вашій ролі не можна відкривати цю сторінку чи робити це.
error-not-found = Тут нічого немає. Можливо, це видалили або посилання хибне.
error-unavailable = Зараз не вдалося. Нічого не змінено, спробуйте ще раз.
error-invalid = Цей запит неможливо виконати.
error-csrf = Форма застаріла або прийшла не з цього бек-офісу. Оновіть сторінку й спробуйте знову.
error-too-large = Форма завелика.

## Dashboard
dashboard-today = Замовлення за сьогодні
dashboard-today-none = Сьогодні замовлень ще немає.
dashboard-today-total = { $count ->
    [one] { $count } замовлення
    [few] { $count } замовлення
   *[other] { $count } замовлень
}
dashboard-tasks = Завдання на зараз
dashboard-tasks-due = { $count ->
    [0] Нічого термінового
    [one] { $count } завдання
    [few] { $count } завдання
   *[other] { $count } завдань
}
dashboard-open-calls = Відкрити чергу дзвінків
dashboard-inquiries = Повідомлення клієнтів
dashboard-inquiries-none = На всі повідомлення відповіли вчасно.
dashboard-inquiries-overdue = { $count ->
    [one] { $count } повідомлення прострочене
    [few] { $count } повідомлення прострочені
   *[other] { $count } повідомлень прострочено
}
dashboard-inquiries-oldest = { $count ->
    [0] найстаріше чекає менше години
    [one] найстаріше чекає { $count } годину
    [few] найстаріше чекає { $count } години
   *[other] найстаріше чекає { $count } годин
}
dashboard-open-inquiries = Відповісти на повідомлення
dashboard-overdue = Прострочені оплати
dashboard-overdue-none = Прострочених рахунків немає.
dashboard-due-since = термін { $when }
chart-orders-title = Замовлення по днях за 30 днів
chart-orders-total = { $count ->
    [one] { $count } замовлення за 30 днів
    [few] { $count } замовлення за 30 днів
   *[other] { $count } замовлень за 30 днів
}
chart-orders-day = { $count ->
    [one] { $count } замовлення
    [few] { $count } замовлення
   *[other] { $count } замовлень
}
chart-rate-title = Оброблено того ж дня, за 30 днів
chart-rate-total = { $percent }% оброблено в день надходження
chart-rate-day = { $percent }% того ж дня
chart-no-orders = За ці 30 днів замовлень не було.

## Orders
orders-title = Замовлення
orders-search = Пошук
orders-search-hint = Номер, ім'я, телефон або пошта
orders-stage = Етап
orders-hold = Затримка
orders-channel = Канал
orders-payment = Оплата
orders-delivery = Доставка
orders-filter = Показати
orders-none = Відповідних замовлень немає.
orders-number = Замовлення
orders-customer = Клієнт
orders-placed = Оформлено
orders-total = Разом

## An order
order-title = Замовлення
order-heading = Замовлення №{ $number }
order-moves = Що можна зробити
order-no-moves = Зараз із цим замовленням нічого зробити не можна.
order-moved = Замовлення №{ $number } тепер: { $stage }.
order-reason = Причина?
order-tracking = Трек-номер
order-outcome = Чим завершилося повернення
order-hold-kind = Затримка
order-customer = Клієнт
order-delivery = Доставка
order-promise = Обіцяна доставка
order-payment = Оплата
order-paid = Сплачено
order-balance = До сплати
order-lines = Товари
order-item = Товар
order-quantity = К-сть
order-unit-price = Ціна
order-delivery-price = Доставка
order-note = Примітка
order-tasks = Завдання
order-attempts = { $count ->
    [one] { $count } спроба
    [few] { $count } спроби
   *[other] { $count } спроб
}
order-messages = Повідомлення клієнту
order-timeline = Історія
move-confirm = Підтвердити
move-start-assembly = Почати збирання
move-mark-ready = Готове
move-hand-over = Передати перевізнику
move-deliver = Доставлено
move-close = Закрити
move-cancel = Скасувати замовлення
move-request-return = Оформити повернення
move-resolve-return = Завершити повернення
move-hold = Поставити на паузу
move-release-hold = Зняти: { $hold }

## Call queue
calls-title = Черга дзвінків
calls-hours = Години дзвінків { $hours }
calls-none = Зараз нікому не треба дзвонити. Чудово.
calls-call = Зателефонувати { $phone }
calls-no-phone = Немає телефону: напишіть клієнту.
calls-confirm = Підтвердьте з клієнтом
calls-name = Ім'я
calls-items = Товари
calls-delivery = Спосіб доставки
calls-address = Адреса
calls-pickup = Пункт видачі
calls-date = Дата доставки
calls-total = Сума
calls-payment = Оплата
calls-choose-payment = Оплата, яку обрав клієнт
calls-choose-delivery = Доставка, яку обрав клієнт
calls-note = Нотатка
calls-note-hint = Що сказав клієнт, якщо щось сказав
calls-after = Далі в черзі
calls-recorded = Замовлення №{ $number }: записано «{ $outcome }».
calls-recorded-next = Замовлення №{ $number }: записано «{ $outcome }». Наступний дзвінок { $next }; клієнта повідомлено.
calls-recorded-held = Замовлення №{ $number }: записано «{ $outcome }». Дзвінків більше не буде; замовлення чекає до { $until }.
inquiries-title = Повідомлення, що чекають на відповідь
inquiries-none = Жодне повідомлення не чекає на відповідь.
inquiry-sent = надіслано { $when }
inquiry-due = відповісти до { $when }
inquiry-overdue = прострочено з { $when }
inquiry-order-not-theirs = вказано замовлення №{ $number }, але воно не цього клієнта
inquiry-answer = Відповісти
inquiry-answer-by = Ваша відповідь ({ $channel })
inquiry-send = Надіслати відповідь
inquiry-answered = Відповідь клієнту { $name } надсилається на { $contact }.
inquiry-answered-at = відповідь дано { $when }
refusal-inquiry_answered = На це повідомлення вже відповіли.
refusal-text_missing = Напишіть кілька слів.
refusal-text_too_long = Не більше 4000 символів.
refusal-number_invalid = Введіть ціле число.
template-support_answer = Відповідь на повідомлення клієнта

## Customers
customers-title = Клієнти
customers-search = Пошук
customers-search-hint = Ім'я, телефон або пошта
customers-find = Знайти
customers-none = Відповідних клієнтів немає.
customers-name = Ім'я
customers-contact = Контакт
customers-tier = Рівень
customers-orders = Замовлення
customer-title = Клієнт
customer-contacts = Контакти
customer-invalid = не працює
customer-about = Про клієнта
customer-since = Клієнт з
customer-language = Мова
customer-birthday = День народження
customer-consent = Рекламні повідомлення
customer-consent-given = згода { $when }
customer-consent-none = згоди немає
customer-orders = Замовлення
customer-messages = Повідомлення
customer-inquiries = Писав(ла) до магазину
customer-inquiries-none = Клієнт ще не писав до магазину.

## Outbox
outbox-title = Повідомлення
outbox-order = Замовлення
outbox-customer = Номер клієнта
outbox-status = Статус
outbox-created = Створено
outbox-template = Повідомлення
outbox-recipient = Кому
outbox-text = Текст
outbox-none = Повідомлень немає.

## Settings
settings-title = Налаштування магазину
settings-saved = Налаштування збережено.
settings-calling-hours = Години дзвінків
settings-quiet-hours = Тихі години для повідомлень
settings-from = З
settings-until = До
field-name = Назва магазину
field-contact_phone = Телефон для зв'язку
field-contact_email = Пошта для зв'язку
field-contact_address = Адреса
field-time_zone = Часовий пояс
field-phone_region = Регіон телефонів
field-calls_calling_from = Дзвонити з
field-calls_calling_until = Дзвонити до
field-messages_quiet_from = Тиша з
field-messages_quiet_until = Тиша до
settings-returns = Повернення
field-returns_days = Скільки днів після доставки можна оформити повернення
field-returns_shop_pays_percent = Частка зворотної доставки, яку платить магазин, відсотків (за помилку чи брак — завжди вся)
field-returns_thank_you_percent = Купон-подяка після повернення, відсотків (0 — без купона)
field-returns_thank_you_days = Термін дії купона-подяки, днів
settings-support = Повідомлення зі сторінки контактів
field-support_answer_within_hours = Відповісти протягом, робочих годин
field-support_messages_per_hour = Скільки повідомлень відвідувач може надіслати за годину
settings-backups = Нічна резервна копія
settings-backups-hint = Щоночі копія бази даних магазину записується до теки під назвою з датою, а найстаріші копії понад задану кількість видаляються. Залиште теку порожньою, якщо нічна копія не потрібна. Магазин на PostgreSQL робить резервні копії через pg_dump.
field-backups_folder = Тека для копій, повний шлях
field-backups_hour = Година ночі
field-backups_keep = Скільки копій зберігати
refusal-backups_sqlite_only = Цей магазин працює на PostgreSQL: робіть копії через pg_dump, а теку залиште порожньою.
refusal-folder_invalid = Вкажіть повний шлях до теки від кореня, наприклад /var/backups/shop.
field-storefront_cart_days = Скільки днів зберігати кошик, якого не торкалися
settings-after-sale = Після покупки
field-replenish = Нагадування про поповнення запасу: по категорії в рядку, з днями після доставки, наприклад: cosmetics 56-84
field-holiday_greetings = Привітання зі святами, по одному в рядку: дата й привітання, наприклад 03-08 З 8 Березня!, а переклад так: 03-08 en: Happy 8 March!
field-birthday_gift = Подарунок на день народження
field-birthday_percent = Знижка на день народження, відсотків
field-birthday_days = Подарунок на день народження діє, днів
field-anniversary_gift = Подарунок у річницю першого замовлення
field-anniversary_percent = Знижка в річницю, відсотків
field-anniversary_days = Подарунок у річницю діє, днів
field-after_sale_birthday = Подарунок на день народження
field-after_sale_anniversary = Подарунок у річницю
gift-none = Немає
gift-discount = Знижка
gift-free_delivery = Безкоштовна доставка
templates-title = Шаблони повідомлень
templates-intro = Кожне повідомлення є всіма мовами. Змініть текст ліворуч — праворуч видно, що отримає клієнт.
templates-edit = Змінити
templates-edited = змінено магазином
templates-back = ← Усі шаблони
templates-variables = Можна використовувати
templates-subject = Тема
templates-body = Текст
templates-preview = Попередній перегляд
templates-saved = Шаблон ({ $language }) збережено.

## Users and tokens
users-title = Користувачі та API-токени
users-people = Люди
users-email = Ел. пошта
users-name = Ім'я
users-role = Роль
users-access = Доступ
users-change = Змінити
users-enable = Увімкнути
users-disable = Вимкнути
users-reset = Новий пароль
users-unlock = Скинути невдалі входи
users-failed-logins = { $count ->
    [one] { $count } невдалий вхід за останні 15 хвилин
    [few] { $count } невдалі входи за останні 15 хвилин
   *[other] { $count } невдалих входів за останні 15 хвилин
}
users-new = Додати людину
users-create = Додати
users-password-for = Пароль для { $email }:
users-token-for = API-токен «{ $name }»:
users-shown-once = Показується один раз. Скопіюйте зараз і передайте надійно.
tokens-title = API-токени
tokens-none = API-токенів ще немає.
tokens-name = Назва
tokens-create = Створити токен
tokens-revoked = відкликано

## Refusals, by their codes
refusal-stage_forbids = Етап замовлення цього не дозволяє.
refusal-order_final = Замовлення завершене й більше не рухається.
refusal-order_on_hold = Замовлення на паузі. Спершу розберіться з причиною.
refusal-balance_due = За замовленням ще є борг.
refusal-already_on_hold = Замовлення вже на цій паузі.
refusal-not_on_hold = Замовлення не на цій паузі.
refusal-last_line = Це останній товар; скасуйте все замовлення.
refusal-methods_missing = Спершу оберіть оплату й доставку.
refusal-forbidden = Вашій ролі цього не можна.
refusal-reason_required = Коротко вкажіть причину.
refusal-task_closed = Це завдання вже закрите.
refusal-address_missing = Для доставки до дверей потрібна адреса, а в замовленні її немає.
refusal-own_account = Свою роль і доступ змінювати не можна. Попросіть іншого власника.
refusal-email_taken = Користувач із такою поштою вже є.
refusal-email_invalid = Це не адреса електронної пошти.
refusal-name_invalid = Потрібне ім'я від 1 до 100 символів.
refusal-time_zone_invalid = Це не часовий пояс на кшталт Europe/Oslo.
refusal-cutoff_invalid = Пишіть час як ГГ:ХХ, наприклад 09:00.
refusal-subject_missing = Лист повинен мати тему.

## Roles
role-owner = Власник
role-manager = Менеджер
role-packer = Пакувальник
role-courier = Кур'єр

## Stages
stage-paying = Оплачується онлайн
stage-abandoned = Не оплачено, скасовано
stage-placed = Оформлено
stage-confirming = Підтвердження
stage-awaiting_payment = Чекає оплати
stage-assembling = Збирання
stage-ready = Готове
stage-in_transit = У дорозі
stage-delivered = Доставлено
stage-closed = Закрито
stage-cancelled = Скасовано
stage-return_requested = Запит на повернення
stage-returned = Повернено
stage-replaced = Замінено
stage-refunded = Гроші повернено

## Holds
hold-needs_call = Потрібен дзвінок
hold-waiting_for_customer = Чекаємо клієнта
hold-payment_problem = Проблема з оплатою
hold-defect_found = Знайдено брак
hold-delayed = Затримується
hold-lost = Загублено

## Payment
payment-prepaid = Передоплата
payment-after_confirmation = Рахунок після підтвердження
payment-on_delivery = При отриманні
payment-status-unpaid = не сплачено
payment-status-partially_paid = сплачено частково
payment-status-paid = сплачено
payment-status-overpaid = переплата

## Delivery
delivery-store_pickup = Самовивіз із магазину
delivery-warehouse_pickup = Самовивіз зі складу
delivery-pickup_point = Пункт видачі
delivery-parcel_locker = Поштомат
delivery-post = Пошта
delivery-courier = Кур'єр

## Channels
channel-storefront = Сайт магазину
channel-api = API
channel-phone = Замовлення телефоном
channel-import = Імпорт
channel-email = Ел. пошта
channel-sms = SMS
channel-webhook = Месенджер

## Call outcomes
outcome-reached_confirmed = Підтвердив
outcome-reached_with_changes = Підтвердив зі змінами
outcome-no_answer = Не відповів
outcome-busy = Зайнято
outcome-wrong_number = Хибний номер

## Tasks
task-confirm_call = Дзвінок для підтвердження
task-clarify_data = Уточнити дані
task-payment_help = Допомогти з оплатою
task-customer_choice = Вибір клієнта
task-send_right_item = Надіслати потрібний товар
task-state-open = відкрите
task-state-done = виконане
task-state-gave_up = без результату
task-state-cancelled = скасоване

## Messages
message-status-queued = у черзі
message-status-sending = надсилається
message-status-sent = надіслано
message-status-delivered = доставлено
message-status-outbox = збережено, не надіслано
message-status-failed = помилка
message-status-bounced = не доставлено
message-status-withdrawn = відкликано
template-order_received = Замовлення отримано
template-order_being_assembled = Замовлення збирається
template-confirmation_request = Прохання підтвердити
template-missed_call = Пропущений дзвінок
template-order_held = Замовлення чекає
template-invoice = Рахунок
template-payment_reminder = Нагадування про оплату
template-payment_received = Оплату отримано
template-out_of_stock_choice = Немає в наявності: вибір
template-handed_to_carrier = Передано перевізнику
template-delay_warning = Попередження про затримку
template-ready_for_pickup = Готове до видачі
template-courier_on_the_way = Кур'єр у дорозі
template-delivered = Доставлено
template-replenish_reminder = Нагадування про поповнення запасу
template-birthday_greeting = Привітання з днем народження
template-anniversary_greeting = Привітання з річницею
template-holiday_greeting = Привітання зі святом
template-return_instructions = Інструкції щодо повернення
template-return_thanks = Дякуємо за повернення

## Timeline
event-placed = Оформлено
event-stage_changed = Етап змінено
event-cancelled = Скасовано
event-line_reserved = Товар зарезервовано
event-line_out_of_stock = Товару немає в наявності
event-line_cancelled = Товар скасовано
event-hold_placed = Поставлено на паузу
event-hold_released = Паузу знято
event-payment_recorded = Оплату записано
event-tracking_recorded = Трек-номер записано
event-return_requested = Запит на повернення
event-methods_chosen = Обрано оплату й доставку
event-check_failed = Перевірка знайшла проблему
event-promise_made = Обіцяно дату доставки
event-payment_failed = Оплата не пройшла
event-call_attempted = Дзвінок
event-message_queued = Повідомлення в черзі
event-task_opened = Відкрито завдання
event-line_substituted = Товар замінено
event-line_awaiting_supplier = Чекаємо постачальника
event-message_failed = Повідомлення не надіслано

## Customers' tiers and languages
tier-new = Новий
tier-regular = Постійний
tier-loyal = Відданий
language-en = Англійська
language-ru = Російська
language-uk = Українська
language-nb = Норвезька
language-lv = Латиська

## Packing station, courier, cash, merging cards
nav-packing = Пакування
nav-courier = Доставки
nav-cash = Готівка
packing-title = Пакувальний стіл
packing-orders = Замовлення до пакування
packing-orders-none = Зараз немає замовлень у збиранні.
packing-location = Склад
packing-location-all = усі склади
packing-print-pick-list = Друк листа підбору
pick-list-title = Лист підбору
pick-list-empty = Нічого підбирати.
pick-list-supplier = замовити в постачальника
pick-list-bin = Комірка
pick-list-order = Замовлення
print-hint = Надрукуйте сторінку через меню браузера.
station-title = Пакування
station-order-page = усе замовлення
station-check = Перевірте кожну одиницю
station-scan = Відскануйте або введіть штрихкод
station-scan-check = Перевірити
station-scanned = Перевірено
station-all-checked = Усі одиниці перевірено: пакуйте посилку.
station-units-left = { $count ->
    [one] Залишилось перевірити { $count } одиницю.
    [few] Залишилось перевірити { $count } одиниці.
   *[other] Залишилось перевірити { $count } одиниць.
}
station-quality = Контроль якості
station-severity = Дефект
station-flaw = Що не так
station-discount = Знижка, якщо залишить
station-report-flaw = Повідомити про дефект
station-pack = Пакування
station-no-inserts = Для цієї посилки вкладень немає.
station-inserts = Вкласти:
station-packaging = Пакування
station-weight = Вага, грами
station-pack-button = Запаковано
station-parcel = Посилка
station-print-slip = Друк пакувального листа
station-hand-over = Передача
station-pickup-code = Код отримання
station-courier = Кур'єр
station-hand-over-button = Передано
station-defect-recorded = Замовлення №{ $number }: дефект записано.
station-packed = Замовлення №{ $number } запаковано.
station-handed-over = Замовлення №{ $number } передано.
scan-accepted = Правильний товар. { $count ->
    [0] Замовлення зібрано повністю.
    [one] Залишилась { $count } одиниця.
    [few] Залишилось { $count } одиниці.
   *[other] Залишилось { $count } одиниць.
}
severity-minor = Дрібний: запитати покупця
severity-major = Серйозний: замінити одиницю
shipment-packed = запакована
shipment-handed_over = передана
shipment-in_transit = у дорозі
shipment-at_pickup_point = у пункті видачі
shipment-out_for_delivery = кур'єр у дорозі
shipment-delivered = доставлена
shipment-lost = загублена
slip-title = Пакувальний лист
slip-coupon = Ваш купон на наступне замовлення
slip-inserts = У посилці
slip-thanks = Дякуємо за замовлення! Є питання? Зателефонуйте або напишіть нам.
courier-title = Доставки на сьогодні
courier-whose = Кур'єр
courier-no-stops = Сьогодні доставок немає.
courier-none = Кур'єрів ще немає. Власник додає їх на сторінці користувачів.
courier-call = Зателефонувати
courier-map = Мапа
courier-receipt = Квитанція
courier-collect = Отримати { $amount } готівкою
courier-paid = Оплачено: нічого не брати.
courier-on-the-way = Виїжджаю
courier-cash = Отримано готівкою
courier-receipt-number = Номер квитанції
courier-delivered = Доставлено
courier-cash-title = Моя готівка сьогодні
courier-hand-in-amount = Здаю суму
courier-hand-in = Здати готівку
courier-told = Замовлення №{ $number }: покупець знає, що ви в дорозі.
courier-delivered-done = Замовлення №{ $number } доставлено.
courier-handed-in = Готівку здано.
cash-title = Оплата при отриманні
cash-day = День
cash-balanced = Усе сходиться: розбіжностей немає.
cash-not-balanced = Готівка не сходиться.
cash-per-courier = За кур'єрами
cash-per-order = За замовленнями
cash-none = Цього дня готівки немає.
cash-collected = Отримано
cash-handed-in = Здано
cash-held = На руках
cash-due = До сплати
cash-gap = розбіжність
receipt-title = Квитанція
receipt-number = Квитанція №
receipt-paid-cash = Сплачено готівкою
receipt-courier = Доставив
merge-title = Об'єднання карток
merge-open = Та сама людина, що в іншій картці…
merge-heading = Об'єднати іншу картку з карткою { $name }
merge-explain = Замовлення, повідомлення, контакти, адреси та згода іншої картки переходять до цієї; інша картка видаляється.
merge-no-candidates = Відповідних карток немає.
merge-orders = { $count ->
    [one] { $count } замовлення
    [few] { $count } замовлення
   *[other] { $count } замовлень
}
merge-kept = залишається
merge-confirm = Об'єднати картку №{ $other } з цією
merge-cancel = Скасувати
merge-done = Картку №{ $other } об'єднано з карткою { $name }.
payment-kind-payment = оплата
payment-kind-refund = повернення
payment-kind-failed = невдала спроба
payment-amount = Сума
payment-method = Спосіб
payment-method-card = картка
payment-method-cash = готівка
payment-method-bank_transfer = банківський переказ
payment-method-vipps = Vipps
payment-reference = Посилання
payment-record = Записати оплату
order-cancel-line = Скасувати цю позицію
couriers-title = Кур'єри
couriers-none = Кур'єрів ще немає.
couriers-login = Вхід
couriers-no-login = без входу
couriers-phone = Телефон
couriers-create = Додати кур'єра
dashboard-delayed = Затримані посилки
dashboard-delayed-none = Затриманих і загублених посилок немає.
dashboard-cash-gaps = Оплата при отриманні
dashboard-cash-gaps-none = Готівка за тиждень сходиться.
dashboard-cash-held = { $amount } не здано
dashboard-cash-orders = { $count ->
    [one] { $count } замовлення не сходиться
    [few] { $count } замовлення не сходяться
   *[other] { $count } замовлень не сходяться
}
chart-ontime-title = Доставлено вчасно, останні 30 днів
chart-ontime-day = { $percent }% вчасно
chart-ontime-total = { $percent }% доставлено до обіцяного дня
chart-no-deliveries = За ці 30 днів доставок немає.
event-item_scanned = Товар перевірено
event-defect_found = Знайдено дефект
event-packed = Запаковано
event-shipment_updated = Статус посилки
event-cash_collected = Отримано готівку
event-discount_granted = Надано знижку
event-compensated = Компенсовано
refusal-scan_refused = Не той товар: поверніть його на місце.
refusal-code_invalid = Відскануйте або введіть код.
refusal-not_verified = Перевірте кожну одиницю перед пакуванням.
refusal-not_packed = Спершу запакуйте замовлення.
refusal-packaging_unknown = Виберіть пакування зі списку.
refusal-weight_out_of_range = Посилка важить від 1 г до 70 кг.
refusal-courier_required = Виберіть кур'єра.
refusal-courier_unknown = Такого кур'єра немає.
refusal-not_your_delivery = Ця доставка в маршруті іншого кур'єра.
refusal-courier_not_linked = Ваш вхід не пов'язаний з кур'єром. Зверніться до власника.
refusal-cash_mismatch = Візьміть рівно суму до сплати й вкажіть номер квитанції.
refusal-nothing_to_collect = Замовлення оплачено: ніколи не просіть грошей двічі.
refusal-already_collected = Готівку за це замовлення або з цим номером квитанції вже записано.
refusal-amount_invalid = Введіть суму, наприклад 398.50.
refusal-amount_not_positive = Здайте більше нуля.
refusal-same_card = Виберіть іншу картку, не цю.
refusal-customer_unknown = Такої картки немає.
refusal-not_a_courier_user = Входом кур'єра може бути лише користувач із роллю кур'єра.
refusal-user_unknown = Такого користувача немає.
refusal-date_invalid = Введіть день як РРРР-ММ-ДД.
refusal-discount_negative = Знижка не може бути від'ємною.
refusal-discount_out_of_range = Знижка більша за вартість позиції.

# Parcels carried over from an earlier route (DL-7)
courier-carried-over = Перенесено з { $day }: ще не доставлено.

# What a scan at the packing station came to (AS-1)
scan-line-complete = рядок { $line } зібрано повністю
scan-line-more = рядок { $line }: залишилось відсканувати { $count }
scan-already-complete = рядок { $line } уже зібрано: поверніть цю одиницю на місце
scan-wrong-variant = не той розмір або колір для рядка { $line }: потрібен { $expected }, а це { $scanned }
scan-wrong-item = не той товар: { $sku } немає в цьому замовленні
scan-unknown = невідомий код: жоден товар не має такого штрихкоду чи артикулу

# A customer's unsubscribe link (AF-10)
customer-consent-withdrawn = відкликано { $when }
customer-erased = Клієнт стер свої персональні дані { $when }. Замовлення залишаються, без клієнта, для бухгалтерії.
unsubscribe-title = Відписка
unsubscribe-ask = Більше не отримувати розсилки, прохання про відгук та інші рекламні повідомлення від { $shop }? Повідомлення про ваші замовлення й доставку надходитимуть як і раніше.
unsubscribe-confirm = Відписатися
unsubscribe-done = Готово: { $shop } більше не надсилатиме вам рекламних повідомлень. Повідомлення про замовлення й доставку надходитимуть як і раніше.
unsubscribe-unknown = Це посилання для відписки не знайдено. Скористайтеся посиланням з останнього листа.

## Outgoing webhooks
webhooks-title = Вебхуки
webhooks-link = Вебхуки для інших систем
webhooks-intro = Інші системи (ERP, бухгалтерія, маркетплейс) дізнаються тут про події магазину: кожну подію надсилають на адресу з підписом секретом точки й повторюють, доки її не приймуть.
webhooks-endpoints = Точки приймання
webhooks-none = Точок приймання ще немає.
webhooks-url = Адреса
webhooks-events = Події
webhooks-event = Подія
webhooks-added = Додано
webhooks-remove = Видалити
webhooks-new = Додати точку приймання
webhooks-add = Додати
webhooks-secret-for = Секрет підпису для { $url }:
webhooks-dead = Невдалі надсилання
webhooks-dead-none = Усі надсилання прийнято.
webhooks-attempts = Спроби
webhooks-last-answer = Остання відповідь
webhooks-no-answer = немає відповіді
webhooks-redeliver = Надіслати знову
webhook-event-order_placed = Замовлення оформлено
webhook-event-order_confirmed = Замовлення підтверджено
webhook-event-order_paid = Замовлення оплачено
webhook-event-order_shipped = Замовлення відправлено
webhook-event-order_delivered = Замовлення доставлено
webhook-event-order_cancelled = Замовлення скасовано
webhook-event-order_refunded = Гроші за замовлення повернуто
webhook-event-stock_changed = Залишок змінено
refusal-url_invalid = Вкажіть повну адресу точки приймання, наприклад https://erp.example/hooks/shopdesk.
refusal-events_empty = Виберіть хоча б одну подію.
refusal-delivery_not_dead = Це надсилання більше не чекає повтору.
refusal-event_unknown = Виберіть події зі списку.
tokens-acts-as = діє як
tokens-acts-as-nobody = лише роль
tokens-acts-as-intro = Токен, що діє як працівник, отримує його роль та ім'я і перестає працювати, коли працівника вимикають: застосунок кур'єра бачить лише його зупинки.
## Відгуки (AF-4, AF-5)
nav-reviews = Відгуки
reviews-title = Відгуки
reviews-intro = Відповідайте на кожен відгук, добрий чи поганий. Новий відгук з'явиться на сторінці товару, коли ви його опублікуєте.
reviews-none = Відгуків поки немає.
reviews-stars = { $stars } з 5 зірок
reviews-waits = чекає на відповідь
reviews-hidden-because = Приховано: { $reason }
reviews-answer = Ваша відповідь
reviews-cause = Причина
reviews-cause-ask = Що пішло не так?
reviews-coupon-sent = Купон надіслано з відповіддю: { $code }
reviews-send-answer = Надіслати відповідь
reviews-send-answer-coupon = Надіслати відповідь із купоном
reviews-publish = Опублікувати
reviews-hide-reason = Причина приховування, для автора
reviews-hide = Приховати
reviews-causes = Причини негативних відгуків
reviews-causes-none = За останній рік причин не записано.
reviews-month = Місяць
reviews-product = Товар
reviews-count = Відгуки
reviews-answered = Відповідь про «{ $title }» надсилається авторові.
reviews-published = Відгук про «{ $title }» показано на сторінці товару.
reviews-hidden = Відгук про «{ $title }» приховано; автор дізнається чому.
reviews-field-text = Ваша відповідь
reviews-field-cause = Причина
reviews-field-reason = Причина
reviews-field-recovery = Купон
review-state-waiting = чекає на публікацію
review-state-published = опубліковано
review-state-hidden = приховано
review-cause-product = Сам товар
review-cause-size_chart = Таблиця розмірів
review-cause-delivery = Доставка
review-cause-packaging = Пакування
review-cause-service = Обслуговування
review-cause-other = Інше
task-answer_review = Відповісти на відгук
template-review_request = Прохання про відгук
template-review_reminder = Нагадування про відгук
template-review_answer = Відповідь на відгук
template-review_hidden = Відгук не опубліковано
refusal-cause_required = Вкажіть, що пішло не так, щоб це виправити.
refusal-recovery_not_needed = Купон — відповідь на відгук із 3 зірками або менше.
refusal-review_text_too_long = Не більше 2000 символів.
tier-gives-percent = знижка { $percent }% на товари
tier-gives-free-delivery = безкоштовна доставка
sf-tier-benefit = Як покупець зі статусом «{ $tier }» ви отримуєте під час оформлення замовлення автоматично:
field-loyalty_tiers = Рівні лояльності
field-loyalty_months = За скільки місяців рахувати замовлення (0: за весь час)
field-loyalty_combine = Купон і рівень
combine-best_wins = діє більша знижка
combine-both = діють обидві
settings-loyalty = Рівні лояльності
settings-loyalty-hint = Один рівень у рядку, від нижчого: ключ, поріг (замовлення або витрачена сума, наприклад 500.00 spent), відсоток знижки на товари та "free delivery", якщо доставка безкоштовна, наприклад "silver 3 orders 5% free delivery". Назви іншими мовами — окремими рядками: "silver uk: Срібло".

## Products and categories (SU-2)
nav-products = Товари
products-title = Товари
products-new = Новий товар
products-back = Усі товари
products-search = Пошук
products-search-hint = Назва, опис або артикул, будь-якою мовою
products-category = Категорія
products-status = Статус
products-stock = Залишок
products-sort = Порядок
products-sort-newest = Спочатку нові
products-sort-title = За назвою
products-sort-price = Спочатку дешевші
products-sort-price_desc = Спочатку дорожчі
products-sort-stock = Спочатку з меншим залишком
products-sort-updated = За останньою зміною
products-none = Відповідних товарів немає.
products-choose = Вибрати
products-choose-one = Вибрати { $title }
products-product = Товар
products-price = Ціна від
products-variants = { $count ->
    [one] { $count } варіант
    [few] { $count } варіанти
   *[other] { $count } варіантів
}
products-duplicate = Копіювати
products-archive = В архів
products-bulk = З вибраними товарами
products-bulk-status = Задати статус
products-bulk-percent = Змінити ціни на, %
products-bulk-price = Змінити ціни
products-bulk-move = Перемістити
products-no-category = Без категорії
products-bulk-done = { $count ->
    [one] Змінено { $count } товар.
    [few] Змінено { $count } товари.
   *[other] Змінено { $count } товарів.
}
product-status-draft = Чернетка
product-status-active = У продажу
product-status-archived = В архіві
stock-state-in_stock = у наявності
stock-state-low = закінчується
stock-state-sold_out = розпродано
product-new-title = Новий товар
product-edit-title = Товар
product-on-storefront = Переглянути в магазині
product-options = Параметри
product-options-hint = Чим відрізняються варіанти, наприклад колір чи розмір. Потім для кожного варіанта вказується значення.
product-option-n = Параметр { $n }
product-variants = Варіанти
product-variants-hint = Ціни в { $currency }, наприклад 1 490,00 або 1490.00; вага в грамах. Порожній рядок не зберігається.
product-variant-n = Варіант { $n }
product-variant-archive = Зняти варіант з продажу
product-variant-add = Додати варіант
product-variants-archived = Зняті з продажу варіанти
product-saved = Товар збережено.
product-duplicated = Це чернетка-копія: змініть те, що відрізняється, і збережіть.
product-archived = Товар в архіві; його замовлення зберігають свої рядки.
product-variant-archived = Варіант знято з продажу; його замовлення зберігають свої рядки.
product-field-title = Назва
product-field-description = Опис
product-field-category = Категорія
product-field-status = Статус
product-field-variants = Варіанти
product-field-sku = Артикул
product-field-barcode = Штрихкод
product-field-price_minor = Ціна
product-field-compare_at_minor = Стара ціна (закреслена)
product-field-weight_grams = Вага, г
product-field-options = Параметри
product-field-id = Варіант
categories-title = Категорії
categories-intro = Вітрина показує категорії в цьому порядку, з меншої позиції, кожну мовою відвідувача.
categories-none = Категорій поки немає.
categories-archived = прихована в магазині
categories-parent = Усередині
categories-position = Позиція
categories-archive = Приховати в магазині
categories-restore = Знову показати в магазині
categories-new = Нова категорія
categories-code = Короткий код для адрес
categories-create = Додати категорію
categories-saved = Категорію збережено.
words-title = Слова параметрів
words-intro = Назви та значення параметрів, як їх записано у варіантах (colour, Navy), і як їх називає кожна мова. Порожнє поле видаляє переклад.
words-word = Як записано
words-saved = Слова збережено.
settings-languages = Мови
settings-languages-hint = Мови, якими продає магазин: кожен товар має назву й опис кожною з них, а відвідувач читає магазин своєю, інакше основною.
field-default_locale = Основна мова
field-low_stock_units = Закінчується, якщо менше, шт.
refusal-barcode_check_digit = Остання цифра штрихкоду не збігається з іншими: перевірте номер на етикетці.
refusal-barcode_invalid = Штрихкод — це цифри або літери без пробілів.
refusal-compare_at_not_above_price = Стара ціна має бути вищою за ціну.
refusal-sku_invalid = Артикул — від 1 до 64 латинських літер, цифр і знаків - _ . /
refusal-sku_repeated = Цей артикул уже є в іншому рядку цього товару.
refusal-title_invalid = Потрібна назва від 1 до 200 символів.
refusal-description_too_long = Не більше 20000 символів.
refusal-variants_missing = Заповніть хоча б один варіант: без нього товар не продати.
refusal-already_exists = Це вже зайнято: виберіть інше.
refusal-weight_invalid = Вкажіть вагу в грамах, від 0 до 1000000.
refusal-percent_invalid = Вкажіть відсоток, наприклад 10 або -5.
refusal-products_not_chosen = Спочатку позначте товари.
refusal-category_code_invalid = Код — малі латинські літери, цифри та дефіси, наприклад knitwear.
refusal-category_name_invalid = Потрібна назва від 1 до 100 символів.
refusal-category_parent_loop = Категорія не може бути всередині самої себе.
refusal-category_unknown = Такої категорії немає.
refusal-locale_not_sold_in = Магазин не продає цією мовою: спершу додайте її в налаштуваннях.
refusal-position_invalid = Позиція — ціле число.
refusal-option_invalid = Параметри та слова — не довші за 100 символів.
refusal-status_invalid = Виберіть статус зі списку.
refusal-variant_unknown = Цей варіант не належить цьому товару.
refusal-locale_invalid = Виберіть мову зі списку.
refusal-locale_repeated = Кожна мова один раз.
refusal-low_stock_units_invalid = Вкажіть кількість штук, від 0 до 1000000.
refusal-product_was_ordered = Цей товар замовляли: відправте його в архів, щоб замовлення зберегли свої рядки.

# An order's money: voids, refunds, overpayments (PY-3)
order-refunded = Повернено
payment-voided = анульовано
payment-void = Анулювати
payment-void-reason = Чому записано помилково
payment-overpayment = Більше, ніж до сплати, свідомо
payment-kind-void = анулювання
payment-status-partially_refunded = частково повернено
payment-status-refunded = повернено
payment-method-mobilepay = MobilePay
payment-method-stripe = картка онлайн (Stripe)
payment-method-liqpay = LiqPay
payment-method-yookassa = ЮKassa
refund-title = Повернення коштів
refund-refundable = Ще можна повернути
refund-item = Товар
refund-unit-price = Ціна за штуку
refund-quantity = Скільки повернути
refund-delivery = Повернути вартість доставки
refund-amount = Сума
refund-amount-hint = ціна товарів
refund-reason = Причина
refund-make = Повернути кошти
refund-overpaid = Сплачено понад суму замовлення
refund-pay-back = Повернути
event-payment_voided = Платіж анульовано
event-refund_made = Кошти повернено
template-refund_made = Повернення коштів
refusal-amount_above_balance = Це більше, ніж до сплати. Позначте «Більше, ніж до сплати, свідомо», якщо покупець сплатив більше.
refusal-method_unknown = Оберіть спосіб оплати зі списку.
refusal-currency_mismatch = Кошти мають бути у валюті замовлення.
refusal-payment_not_positive = Вкажіть суму, більшу за нуль.
refusal-refund_above_paid = Це більше, ніж сплачено й ще не повернено.
refusal-refund_above_overpayment = Це більше, ніж сплачено понад суму замовлення.
refusal-void_above_refundable = Частину цього платежу вже повернено: анулювати його не можна.
refusal-refund_quantity = Це більше штук, ніж лишилося повернути за цим товаром.
refusal-delivery_refunded = Вартість доставки вже повернено.
refusal-already_voided = Цей платіж уже анульовано.
refusal-amount_required = Оберіть повернені товари або вкажіть суму.
refusal-refund_above_covered = Сума більша за вартість обраних товарів.
refusal-overpayment_covers_nothing = Повернення переплати не стосується товарів.
refusal-methods_empty = Вкажіть хоча б один спосіб, яким магазин приймає кошти.
refund-notice = Замовлення № { $number }: усього повернено { $refunded }.
payment-voided-notice = Замовлення № { $number }: платіж анульовано; тепер сплачено { $paid }.
refund-returned = повернено покупцем

# The owner connects online payments (PY-2)
providers-title = Онлайн-оплата
providers-intro = Підключіть акаунт магазину в Stripe: покупці зможуть сплачувати рахунки карткою зі сторінки замовлення. Після збереження ключ більше не показується.
providers-key-stripe_secret_key = Секретний ключ (sk_live_…)
providers-key-stripe_webhook_secret = Секрет підпису вебхуків (whsec_…)
providers-key-set = Задано
providers-key-unset = Не задано
providers-key-remove = Видалити
providers-key-saved = Ключ збережено.
providers-key-removed = Ключ видалено.
providers-webhook = У панелі Stripe додайте вебхук із цією адресою для подій checkout.session.completed і checkout.session.async_payment_succeeded:
refund-state-pending = чекає на Stripe
refund-state-done = повернено через Stripe
refund-state-failed = Stripe відмовив: поверніть вручну
task-refund_help = Повернути кошти вручну
refusal-no_card_payment = Це замовлення не сплачували карткою через Stripe.

# A product's photos (AS-1).
photos-title = Фотографії
photos-none = Фотографій ще немає. Товар із фотографіями продається набагато краще.
photos-colour = Показує колір
photos-every-colour = Усі кольори
photos-alt = Текст замість фотографії ({ $language })
photos-earlier = Перемістити вище
photos-later = Перемістити нижче
photos-remove = Видалити
photos-files = Додати фотографії
photos-files-hint = JPEG, PNG або WebP, до 20 МБ кожна і до 12 за раз. Їх буде повернуто правильно, очищено від даних камери (наприклад, де зроблено знімок) і зменшено для всіх екранів.
photos-upload = Додати фотографії
photos-after-save = Спершу збережіть товар; потім тут можна додати його фотографії.
photos-added = Фотографії додано.
photos-saved = Фотографію збережено.
photos-removed = Фотографію видалено.
refusal-photo_too_large = файл більший за 20 МБ.
refusal-photo_not_an_image = файл не є зображенням JPEG, PNG або WebP.
refusal-photo_dimensions = зображення замале або завелике для фотографії товару (від 32 до 12 000 пікселів по стороні, не більше 64 мегапікселів).
refusal-photos_count = Виберіть від 1 до 12 фотографій.
refusal-photo_colour_unknown = Товар не має такого кольору.
refusal-alt_too_long = Текст до фотографії — не більше 300 символів.
refusal-photo_order = Укажіть кожну фотографію товару один раз.
refusal-form_unreadable = Не вдалося прочитати форму; надішліть її ще раз.

# Importing and exporting products
products-import = Імпорт товарів
products-export = Вивантажити в CSV
import-title = Імпорт товарів
import-intro = CSV товарів, вивантажений із Shopify або WooCommerce. Кожен товар перевіряється цілком: відхилений рядок залишає свій товар осторонь, решта завантажується. Товари впізнаються за handle або артикулом, тож повторний імпорт того самого файлу нічого не змінює.
import-file = Файл товарів (CSV)
import-dry-run = Лише перевірити, нічого не записувати
import-submit = Імпортувати
import-dry-run-done = Пробний прогін: нічого не записано.
import-summary = Створено: { $created }, оновлено: { $updated }, без змін: { $unchanged }, відхилено: { $refused }
import-refused = Відхилені рядки
import-warnings = Завантажено без
import-row = Рядок
import-column = Стовпець
import-product = Товар
import-why = Причина
refusal-import_format_unknown = Файл не схожий на вивантаження товарів із Shopify чи WooCommerce: перевірте рядок заголовків.
refusal-import_parent_unknown = Батьківського товару цієї варіації немає у файлі.
refusal-csv_unreadable = Файл не читається як CSV в UTF-8.
refusal-file_missing = Виберіть файл товарів для імпорту.
refusal-file_too_large = Файл товарів — не більше 50 МБ.
refusal-image_unreachable = Фото не вдалося завантажити за його адресою.
