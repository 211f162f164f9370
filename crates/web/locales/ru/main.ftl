## Бэк-офис по-русски.

any = Любой
save = Сохранить
pages = Страницы
pages-previous = ← Назад
pages-next = Дальше →
pages-page = Страница { $count }

## Navigation
nav-label = Разделы
nav-dashboard = Сводка
nav-calls = Звонки
nav-orders = Заказы
nav-customers = Клиенты
nav-outbox = Сообщения
nav-settings = Настройки
nav-users = Пользователи
nav-language = Язык
nav-language-browser = Язык браузера
nav-language-set = Выбрать
nav-logout = Выйти

## Login
login-title = Вход
login-email = Эл. почта
login-password = Пароль
login-submit = Войти
login-refused = Неверная почта или пароль.
login-locked = { $count ->
    [one] Слишком много неудачных попыток. Попробуйте снова через { $count } минуту.
    [few] Слишком много неудачных попыток. Попробуйте снова через { $count } минуты.
   *[other] Слишком много неудачных попыток. Попробуйте снова через { $count } минут.
}
login-slowed = { $count ->
    [one] Много неудачных попыток войти в эту учётную запись. Попробуйте снова через { $count } секунду.
    [few] Много неудачных попыток войти в эту учётную запись. Попробуйте снова через { $count } секунды.
   *[other] Много неудачных попыток войти в эту учётную запись. Попробуйте снова через { $count } секунд.
}

## Errors
error-title = Что-то мешает
error-home = Вернуться в начало
error-forbidden = Вашей роли нельзя открывать эту страницу или делать это.
error-not-found = Здесь ничего нет. Возможно, это удалили или ссылка неверна.
error-unavailable = Сейчас не получилось. Ничего не изменено, попробуйте ещё раз.
error-invalid = Этот запрос нельзя выполнить.
error-csrf = Форма устарела или пришла не из этого бэк-офиса. Обновите страницу и попробуйте снова.
error-too-large = Форма слишком большая.

## Dashboard
dashboard-today = Заказы за сегодня
dashboard-today-none = Сегодня заказов пока нет.
dashboard-today-total = { $count ->
    [one] { $count } заказ
    [few] { $count } заказа
   *[other] { $count } заказов
}
dashboard-tasks = Задачи на сейчас
dashboard-tasks-due = { $count ->
    [0] Ничего срочного
    [one] { $count } задача
    [few] { $count } задачи
   *[other] { $count } задач
}
dashboard-open-calls = Открыть очередь звонков
dashboard-inquiries = Сообщения клиентов
dashboard-inquiries-none = На все сообщения ответили вовремя.
dashboard-inquiries-overdue = { $count ->
    [one] { $count } сообщение просрочено
    [few] { $count } сообщения просрочены
   *[other] { $count } сообщений просрочено
}
dashboard-inquiries-oldest = { $count ->
    [0] самое старое ждёт меньше часа
    [one] самое старое ждёт { $count } час
    [few] самое старое ждёт { $count } часа
   *[other] самое старое ждёт { $count } часов
}
dashboard-open-inquiries = Ответить на сообщения
dashboard-overdue = Просроченные оплаты
dashboard-overdue-none = Просроченных счетов нет.
dashboard-due-since = срок { $when }
chart-orders-title = Заказы по дням за 30 дней
chart-orders-total = { $count ->
    [one] { $count } заказ за 30 дней
    [few] { $count } заказа за 30 дней
   *[other] { $count } заказов за 30 дней
}
chart-orders-day = { $count ->
    [one] { $count } заказ
    [few] { $count } заказа
   *[other] { $count } заказов
}
chart-rate-title = Обработано в тот же день, за 30 дней
chart-rate-total = { $percent }% обработано в день поступления
chart-rate-day = { $percent }% в тот же день
chart-no-orders = За эти 30 дней заказов не было.

## Orders
orders-title = Заказы
orders-search = Поиск
orders-search-hint = Номер, имя, телефон или почта
orders-stage = Этап
orders-hold = Задержка
orders-channel = Канал
orders-payment = Оплата
orders-delivery = Доставка
orders-filter = Показать
orders-none = Подходящих заказов нет.
orders-number = Заказ
orders-customer = Клиент
orders-placed = Оформлен
orders-total = Итого

## An order
order-title = Заказ
order-heading = Заказ №{ $number }
order-moves = Что можно сделать
order-no-moves = Сейчас с этим заказом ничего сделать нельзя.
order-moved = Заказ №{ $number } теперь: { $stage }.
order-reason = Причина?
order-tracking = Трек-номер
order-outcome = Чем закончился возврат
order-hold-kind = Задержка
order-customer = Клиент
order-delivery = Доставка
order-promise = Обещанная доставка
order-payment = Оплата
order-paid = Оплачено
order-balance = К оплате
order-lines = Товары
order-item = Товар
order-quantity = Кол-во
order-unit-price = Цена
order-delivery-price = Доставка
order-note = Примечание
order-tasks = Задачи
order-attempts = { $count ->
    [one] { $count } попытка
    [few] { $count } попытки
   *[other] { $count } попыток
}
order-messages = Сообщения клиенту
order-timeline = История
move-confirm = Подтвердить
move-start-assembly = Начать сборку
move-mark-ready = Готов
move-hand-over = Передать перевозчику
move-deliver = Доставлен
move-close = Закрыть
move-cancel = Отменить заказ
move-request-return = Оформить возврат
move-resolve-return = Завершить возврат
move-hold = Поставить на паузу
move-release-hold = Снять: { $hold }

## Call queue
calls-title = Очередь звонков
calls-hours = Часы звонков { $hours }
calls-none = Звонить сейчас никому не нужно. Отлично.
calls-call = Позвонить { $phone }
calls-no-phone = Нет телефона: напишите клиенту.
calls-confirm = Подтвердите с клиентом
calls-name = Имя
calls-items = Товары
calls-delivery = Способ доставки
calls-address = Адрес
calls-pickup = Пункт выдачи
calls-date = Дата доставки
calls-total = Сумма
calls-payment = Оплата
calls-choose-payment = Оплата, которую выбрал клиент
calls-choose-delivery = Доставка, которую выбрал клиент
calls-note = Заметка
calls-note-hint = Что сказал клиент, если что-то сказал
calls-after = Дальше в очереди
calls-recorded = Заказ №{ $number }: записано «{ $outcome }».
calls-recorded-next = Заказ №{ $number }: записано «{ $outcome }». Следующий звонок { $next }; клиенту сообщили.
calls-recorded-held = Заказ №{ $number }: записано «{ $outcome }». Звонков больше не будет; заказ ждёт до { $until }.
inquiries-title = Сообщения, ждущие ответа
inquiries-none = Ни одно сообщение не ждёт ответа.
inquiry-sent = отправлено { $when }
inquiry-due = ответить до { $when }
inquiry-overdue = просрочено с { $when }
inquiry-order-not-theirs = указан заказ №{ $number }, но он не этого клиента
inquiry-answer = Ответить
inquiry-answer-by = Ваш ответ ({ $channel })
inquiry-send = Отправить ответ
inquiry-answered = Ответ клиенту { $name } отправляется на { $contact }.
inquiry-answered-at = ответ дан { $when }
refusal-inquiry_answered = На это сообщение уже ответили.
refusal-text_missing = Напишите несколько слов.
refusal-text_too_long = Не больше 4000 символов.
refusal-number_invalid = Введите целое число.
template-support_answer = Ответ на сообщение клиента

## Customers
customers-title = Клиенты
customers-search = Поиск
customers-search-hint = Имя, телефон или почта
customers-find = Найти
customers-none = Подходящих клиентов нет.
customers-name = Имя
customers-contact = Контакт
customers-tier = Уровень
customers-orders = Заказы
customer-title = Клиент
customer-contacts = Контакты
customer-invalid = не работает
customer-about = О клиенте
customer-since = Клиент с
customer-language = Язык
customer-birthday = День рождения
customer-consent = Рекламные сообщения
customer-consent-given = согласие { $when }
customer-consent-none = согласия нет
customer-orders = Заказы
customer-messages = Сообщения
customer-inquiries = Писал(а) в магазин
customer-inquiries-none = Клиент ещё не писал в магазин.

## Outbox
outbox-title = Сообщения
outbox-order = Заказ
outbox-customer = Номер клиента
outbox-status = Статус
outbox-created = Создано
outbox-template = Сообщение
outbox-recipient = Кому
outbox-text = Текст
outbox-none = Сообщений нет.

## Settings
settings-title = Настройки магазина
settings-saved = Настройки сохранены.
settings-calling-hours = Часы звонков
settings-quiet-hours = Тихие часы для сообщений
settings-from = С
settings-until = До
field-name = Название магазина
field-contact_phone = Телефон для связи
field-contact_email = Почта для связи
field-contact_address = Адрес
field-time_zone = Часовой пояс
field-phone_region = Регион телефонов
field-calls_calling_from = Звонить с
field-calls_calling_until = Звонить до
field-messages_quiet_from = Тишина с
field-messages_quiet_until = Тишина до
settings-returns = Возвраты
field-returns_days = Сколько дней после доставки можно оформить возврат
field-returns_shop_pays_percent = Доля обратной доставки, которую платит магазин, процентов (за ошибку или брак — всегда вся)
field-returns_thank_you_percent = Купон-благодарность после возврата, процентов (0 — без купона)
field-returns_thank_you_days = Срок действия купона-благодарности, дней
settings-support = Сообщения со страницы контактов
field-support_answer_within_hours = Ответить в течение, рабочих часов
field-support_messages_per_hour = Сколько сообщений посетитель может отправить за час
settings-backups = Ночная резервная копия
settings-backups-hint = Каждую ночь копия базы данных магазина записывается в папку под именем с датой, а самые старые копии сверх заданного числа удаляются. Оставьте папку пустой, если ночная копия не нужна. Магазин на PostgreSQL делает резервные копии через pg_dump.
field-backups_folder = Папка для копий, полный путь
field-backups_hour = Час ночи
field-backups_keep = Сколько копий хранить
refusal-backups_sqlite_only = Этот магазин работает на PostgreSQL: делайте копии через pg_dump, а папку оставьте пустой.
refusal-folder_invalid = Укажите полный путь к папке от корня, например /var/backups/shop.
field-storefront_cart_days = Сколько дней хранить корзину, которую не трогали
settings-after-sale = После покупки
field-replenish = Напоминания о пополнении запаса: по категории в строке, с днями после доставки, например: cosmetics 56-84
field-holiday_greetings = Поздравления с праздниками, по одному в строке: дата и поздравление, например 03-08 С 8 Марта!, а перевод так: 03-08 en: Happy 8 March!
field-birthday_gift = Подарок на день рождения
field-birthday_percent = Скидка на день рождения, процентов
field-birthday_days = Подарок на день рождения действует, дней
field-anniversary_gift = Подарок в годовщину первого заказа
field-anniversary_percent = Скидка в годовщину, процентов
field-anniversary_days = Подарок в годовщину действует, дней
field-after_sale_birthday = Подарок на день рождения
field-after_sale_anniversary = Подарок в годовщину
gift-none = Нет
gift-discount = Скидка
gift-free_delivery = Бесплатная доставка
templates-title = Шаблоны сообщений
templates-intro = Каждое сообщение есть на всех языках. Измените текст слева — справа видно, что получит клиент.
templates-edit = Изменить
templates-edited = изменён магазином
templates-back = ← Все шаблоны
templates-variables = Можно использовать
templates-subject = Тема
templates-body = Текст
templates-preview = Предпросмотр
templates-saved = Шаблон ({ $language }) сохранён.

## Users and tokens
users-title = Пользователи и API-токены
users-people = Люди
users-email = Эл. почта
users-name = Имя
users-role = Роль
users-access = Доступ
users-change = Изменить
users-enable = Включить
users-disable = Отключить
users-reset = Новый пароль
users-unlock = Сбросить неудачные входы
users-failed-logins = { $count ->
    [one] { $count } неудачный вход за последние 15 минут
    [few] { $count } неудачных входа за последние 15 минут
   *[other] { $count } неудачных входов за последние 15 минут
}
users-new = Добавить человека
users-create = Добавить
users-password-for = Пароль для { $email }:
users-token-for = API-токен «{ $name }»:
users-shown-once = Показывается один раз. Скопируйте сейчас и передайте надёжно.
tokens-title = API-токены
tokens-none = API-токенов пока нет.
tokens-name = Название
tokens-create = Создать токен
tokens-revoked = отозван

## Refusals, by their codes
refusal-stage_forbids = Этап заказа этого не позволяет.
refusal-order_final = Заказ завершён и больше не движется.
refusal-order_on_hold = Заказ на паузе. Сначала разберитесь с причиной.
refusal-balance_due = По заказу ещё есть долг.
refusal-already_on_hold = Заказ уже на этой паузе.
refusal-not_on_hold = Заказ не на этой паузе.
refusal-last_line = Это последний товар; отмените весь заказ.
refusal-methods_missing = Сначала выберите оплату и доставку.
refusal-forbidden = Вашей роли это нельзя.
refusal-reason_required = Коротко укажите причину.
refusal-task_closed = Эта задача уже закрыта.
refusal-address_missing = Для доставки до двери нужен адрес, а в заказе его нет.
refusal-own_account = Свою роль и доступ менять нельзя. Попросите другого владельца.
refusal-email_taken = Пользователь с такой почтой уже есть.
refusal-email_invalid = Это не адрес электронной почты.
refusal-name_invalid = Нужно имя от 1 до 100 символов.
refusal-time_zone_invalid = Это не часовой пояс вроде Europe/Oslo.
refusal-cutoff_invalid = Пишите время как ЧЧ:ММ, например 09:00.
refusal-subject_missing = У письма должна быть тема.

## Roles
role-owner = Владелец
role-manager = Менеджер
role-packer = Упаковщик
role-courier = Курьер

## Stages
stage-paying = Оплачивается онлайн
stage-abandoned = Не оплачен, отменён
stage-placed = Оформлен
stage-confirming = Подтверждение
stage-awaiting_payment = Ждёт оплаты
stage-assembling = Сборка
stage-ready = Готов
stage-in_transit = В пути
stage-delivered = Доставлен
stage-closed = Закрыт
stage-cancelled = Отменён
stage-return_requested = Запрошен возврат
stage-returned = Возвращён
stage-replaced = Заменён
stage-refunded = Деньги возвращены

## Holds
hold-needs_call = Нужен звонок
hold-waiting_for_customer = Ждём клиента
hold-payment_problem = Проблема с оплатой
hold-defect_found = Найден брак
hold-delayed = Задерживается
hold-lost = Потерян

## Payment
payment-prepaid = Предоплата
payment-after_confirmation = Счёт после подтверждения
payment-on_delivery = При получении
payment-status-unpaid = не оплачен
payment-status-partially_paid = оплачен частично
payment-status-paid = оплачен
payment-status-overpaid = переплата

## Delivery
delivery-store_pickup = Самовывоз из магазина
delivery-warehouse_pickup = Самовывоз со склада
delivery-pickup_point = Пункт выдачи
delivery-parcel_locker = Постамат
delivery-post = Почта
delivery-courier = Курьер

## Channels
channel-storefront = Сайт магазина
channel-api = API
channel-phone = Заказ по телефону
channel-import = Импорт
channel-email = Эл. почта
channel-sms = SMS
channel-webhook = Мессенджер

## Call outcomes
outcome-reached_confirmed = Подтвердил
outcome-reached_with_changes = Подтвердил с изменениями
outcome-no_answer = Не ответил
outcome-busy = Занято
outcome-wrong_number = Неверный номер

## Tasks
task-confirm_call = Звонок для подтверждения
task-clarify_data = Уточнить данные
task-payment_help = Помочь с оплатой
task-customer_choice = Выбор клиента
task-send_right_item = Отправить нужный товар
task-state-open = открыта
task-state-done = выполнена
task-state-gave_up = без результата
task-state-cancelled = отменена

## Messages
message-status-queued = в очереди
message-status-sending = отправляется
message-status-sent = отправлено
message-status-delivered = доставлено
message-status-outbox = сохранено, не отправлено
message-status-failed = ошибка
message-status-bounced = не доставлено
message-status-withdrawn = отозвано
template-order_received = Заказ получен
template-order_being_assembled = Заказ собирается
template-confirmation_request = Просьба подтвердить
template-missed_call = Пропущенный звонок
template-order_held = Заказ ждёт
template-invoice = Счёт
template-payment_reminder = Напоминание об оплате
template-payment_received = Оплата получена
template-out_of_stock_choice = Нет в наличии: выбор
template-handed_to_carrier = Передан перевозчику
template-delay_warning = Предупреждение о задержке
template-ready_for_pickup = Готов к выдаче
template-courier_on_the_way = Курьер в пути
template-delivered = Доставлен
template-replenish_reminder = Напоминание о пополнении запаса
template-birthday_greeting = Поздравление с днём рождения
template-anniversary_greeting = Поздравление с годовщиной
template-holiday_greeting = Поздравление с праздником
template-return_instructions = Инструкции по возврату
template-return_thanks = Спасибо за возврат

## Timeline
event-placed = Оформлен
event-stage_changed = Этап изменён
event-cancelled = Отменён
event-line_reserved = Товар зарезервирован
event-line_out_of_stock = Товара нет в наличии
event-line_cancelled = Товар отменён
event-hold_placed = Поставлен на паузу
event-hold_released = Пауза снята
event-payment_recorded = Оплата записана
event-tracking_recorded = Трек-номер записан
event-return_requested = Запрошен возврат
event-methods_chosen = Выбраны оплата и доставка
event-check_failed = Проверка нашла проблему
event-promise_made = Обещана дата доставки
event-payment_failed = Оплата не прошла
event-call_attempted = Звонок
event-message_queued = Сообщение в очереди
event-task_opened = Открыта задача
event-line_substituted = Товар заменён
event-line_awaiting_supplier = Ждём поставщика
event-message_failed = Сообщение не ушло

## Customers' tiers and languages
tier-new = Новый
tier-regular = Постоянный
tier-loyal = Верный
language-en = Английский
language-ru = Русский
language-uk = Украинский
language-nb = Норвежский
language-lv = Латышский

## Packing station, courier, cash, merging cards
nav-packing = Упаковка
nav-courier = Доставки
nav-cash = Наличные
packing-title = Упаковочный стол
packing-orders = Заказы к упаковке
packing-orders-none = Сейчас нет заказов в сборке.
packing-location = Склад
packing-location-all = все склады
packing-print-pick-list = Печать листа подбора
pick-list-title = Лист подбора
pick-list-empty = Подбирать нечего.
pick-list-supplier = заказать у поставщика
pick-list-bin = Ячейка
pick-list-order = Заказ
print-hint = Распечатайте страницу через меню браузера.
station-title = Упаковка
station-order-page = весь заказ
station-check = Проверьте каждую единицу
station-scan = Отсканируйте или введите штрихкод
station-scan-check = Проверить
station-scanned = Проверено
station-all-checked = Все единицы проверены: упакуйте посылку.
station-units-left = { $count ->
    [one] Осталось проверить { $count } единицу.
    [few] Осталось проверить { $count } единицы.
   *[other] Осталось проверить { $count } единиц.
}
station-quality = Контроль качества
station-severity = Дефект
station-flaw = Что не так
station-discount = Скидка, если оставит
station-report-flaw = Сообщить о дефекте
station-pack = Упаковка
station-no-inserts = Для этой посылки вложений нет.
station-inserts = Вложить:
station-packaging = Упаковка
station-weight = Вес, граммы
station-pack-button = Упаковано
station-parcel = Посылка
station-print-slip = Печать упаковочного листа
station-hand-over = Передача
station-pickup-code = Код получения
station-courier = Курьер
station-hand-over-button = Передано
station-defect-recorded = Заказ №{ $number }: дефект записан.
station-packed = Заказ №{ $number } упакован.
station-handed-over = Заказ №{ $number } передан.
scan-accepted = Верный товар. { $count ->
    [0] Заказ собран полностью.
    [one] Осталась { $count } единица.
    [few] Осталось { $count } единицы.
   *[other] Осталось { $count } единиц.
}
severity-minor = Мелкий: спросить покупателя
severity-major = Серьёзный: заменить единицу
shipment-packed = упакована
shipment-handed_over = передана
shipment-in_transit = в пути
shipment-at_pickup_point = в пункте выдачи
shipment-out_for_delivery = курьер в пути
shipment-delivered = доставлена
shipment-lost = потеряна
slip-title = Упаковочный лист
slip-coupon = Ваш купон на следующий заказ
slip-inserts = В посылке
slip-thanks = Спасибо за заказ! Есть вопросы? Позвоните или напишите нам.
courier-title = Доставки на сегодня
courier-whose = Курьер
courier-no-stops = Сегодня доставок нет.
courier-none = Курьеров пока нет. Владелец добавляет их на странице пользователей.
courier-call = Позвонить
courier-map = Карта
courier-receipt = Квитанция
courier-collect = Получить { $amount } наличными
courier-paid = Оплачено: ничего не брать.
courier-on-the-way = Выезжаю
courier-cash = Получено наличными
courier-receipt-number = Номер квитанции
courier-delivered = Доставлено
courier-cash-title = Мои наличные сегодня
courier-hand-in-amount = Сдаю сумму
courier-hand-in = Сдать наличные
courier-told = Заказ №{ $number }: покупатель знает, что вы в пути.
courier-delivered-done = Заказ №{ $number } доставлен.
courier-handed-in = Наличные сданы.
cash-title = Наложенный платёж
cash-day = День
cash-balanced = Всё сходится: расхождений нет.
cash-not-balanced = Наличные не сходятся.
cash-per-courier = По курьерам
cash-per-order = По заказам
cash-none = В этот день наличных нет.
cash-collected = Получено
cash-handed-in = Сдано
cash-held = На руках
cash-due = К оплате
cash-gap = расхождение
receipt-title = Квитанция
receipt-number = Квитанция №
receipt-paid-cash = Оплачено наличными
receipt-courier = Доставил
merge-title = Объединение карточек
merge-open = Тот же человек, что в другой карточке…
merge-heading = Объединить другую карточку с карточкой { $name }
merge-explain = Заказы, сообщения, контакты, адреса и согласие другой карточки переходят в эту; другая карточка удаляется.
merge-no-candidates = Подходящих карточек нет.
merge-orders = { $count ->
    [one] { $count } заказ
    [few] { $count } заказа
   *[other] { $count } заказов
}
merge-kept = остаётся
merge-confirm = Объединить карточку №{ $other } с этой
merge-cancel = Отмена
merge-done = Карточка №{ $other } объединена с карточкой { $name }.
payment-kind-payment = оплата
payment-kind-refund = возврат
payment-kind-failed = неудачная попытка
payment-amount = Сумма
payment-method = Способ
payment-method-card = карта
payment-method-cash = наличные
payment-method-bank_transfer = банковский перевод
payment-method-vipps = Vipps
payment-reference = Ссылка
payment-record = Записать оплату
order-cancel-line = Отменить эту позицию
couriers-title = Курьеры
couriers-none = Курьеров пока нет.
couriers-login = Вход
couriers-no-login = без входа
couriers-phone = Телефон
couriers-create = Добавить курьера
dashboard-delayed = Задержанные посылки
dashboard-delayed-none = Задержанных и потерянных посылок нет.
dashboard-cash-gaps = Наложенный платёж
dashboard-cash-gaps-none = Наличные за неделю сходятся.
dashboard-cash-held = { $amount } не сдано
dashboard-cash-orders = { $count ->
    [one] { $count } заказ не сходится
    [few] { $count } заказа не сходятся
   *[other] { $count } заказов не сходятся
}
chart-ontime-title = Доставлено вовремя, последние 30 дней
chart-ontime-day = { $percent }% вовремя
chart-ontime-total = { $percent }% доставлено к обещанному дню
chart-no-deliveries = За эти 30 дней доставок нет.
event-item_scanned = Товар проверен
event-defect_found = Найден дефект
event-packed = Упаковано
event-shipment_updated = Статус посылки
event-cash_collected = Получены наличные
event-discount_granted = Дана скидка
event-compensated = Компенсировано
refusal-scan_refused = Не тот товар: верните его на место.
refusal-code_invalid = Отсканируйте или введите код.
refusal-not_verified = Проверьте каждую единицу перед упаковкой.
refusal-not_packed = Сначала упакуйте заказ.
refusal-packaging_unknown = Выберите упаковку из списка.
refusal-weight_out_of_range = Посылка весит от 1 г до 70 кг.
refusal-courier_required = Выберите курьера.
refusal-courier_unknown = Такого курьера нет.
refusal-not_your_delivery = Эта доставка в маршруте другого курьера.
refusal-courier_not_linked = Ваш вход не связан с курьером. Обратитесь к владельцу.
refusal-cash_mismatch = Возьмите ровно сумму к оплате и укажите номер квитанции.
refusal-nothing_to_collect = Заказ оплачен: никогда не просите денег дважды.
refusal-already_collected = Наличные за этот заказ или с этим номером квитанции уже записаны.
refusal-amount_invalid = Введите сумму, например 398.50.
refusal-amount_not_positive = Сдайте больше нуля.
refusal-same_card = Выберите другую карточку, не эту.
refusal-customer_unknown = Такой карточки нет.
refusal-not_a_courier_user = Входом курьера может быть только пользователь с ролью курьера.
refusal-user_unknown = Такого пользователя нет.
refusal-date_invalid = Введите день как ГГГГ-ММ-ДД.
refusal-discount_negative = Скидка не может быть отрицательной.
refusal-discount_out_of_range = Скидка больше стоимости позиции.

# Parcels carried over from an earlier route (DL-7)
courier-carried-over = Перенесено с { $day }: ещё не доставлено.

# What a scan at the packing station came to (AS-1)
scan-line-complete = строка { $line } собрана полностью
scan-line-more = строка { $line }: осталось отсканировать { $count }
scan-already-complete = строка { $line } уже собрана: верните эту единицу на место
scan-wrong-variant = не тот размер или цвет для строки { $line }: нужен { $expected }, а это { $scanned }
scan-wrong-item = не тот товар: { $sku } нет в этом заказе
scan-unknown = неизвестный код: ни у одного товара нет такого штрихкода или артикула

# A customer's unsubscribe link (AF-10)
customer-consent-withdrawn = отозвано { $when }
customer-erased = Клиент стёр свои персональные данные { $when }. Заказы остаются, без клиента, для бухгалтерии.
unsubscribe-title = Отписка
unsubscribe-ask = Больше не получать рассылки, просьбы об отзыве и другие рекламные сообщения от { $shop }? Сообщения о ваших заказах и доставке будут приходить как прежде.
unsubscribe-confirm = Отписаться
unsubscribe-done = Готово: { $shop } больше не будет присылать вам рекламные сообщения. Сообщения о заказах и доставке будут приходить как прежде.
unsubscribe-unknown = Эта ссылка для отписки не найдена. Воспользуйтесь ссылкой из последнего письма.

## Outgoing webhooks
webhooks-title = Вебхуки
webhooks-link = Вебхуки для других систем
webhooks-intro = Другие системы (ERP, бухгалтерия, маркетплейс) узнают здесь о событиях магазина: каждое событие отправляется на адрес с подписью секретом точки и повторяется, пока его не примут.
webhooks-endpoints = Точки приёма
webhooks-none = Точек приёма пока нет.
webhooks-url = Адрес
webhooks-events = События
webhooks-event = Событие
webhooks-added = Добавлена
webhooks-remove = Удалить
webhooks-new = Добавить точку приёма
webhooks-add = Добавить
webhooks-secret-for = Секрет подписи для { $url }:
webhooks-dead = Неудавшиеся отправки
webhooks-dead-none = Все отправки приняты.
webhooks-attempts = Попытки
webhooks-last-answer = Последний ответ
webhooks-no-answer = нет ответа
webhooks-redeliver = Отправить снова
webhook-event-order_placed = Заказ оформлен
webhook-event-order_confirmed = Заказ подтверждён
webhook-event-order_paid = Заказ оплачен
webhook-event-order_shipped = Заказ отправлен
webhook-event-order_delivered = Заказ доставлен
webhook-event-order_cancelled = Заказ отменён
webhook-event-order_refunded = Деньги за заказ возвращены
webhook-event-stock_changed = Остаток изменён
refusal-url_invalid = Укажите полный адрес точки приёма, например https://erp.example/hooks/shopdesk.
refusal-events_empty = Выберите хотя бы одно событие.
refusal-delivery_not_dead = Эта отправка больше не ждёт повтора.
refusal-event_unknown = Выберите события из списка.
tokens-acts-as = действует как
tokens-acts-as-nobody = только роль
tokens-acts-as-intro = Токен, действующий как сотрудник, получает его роль и имя и перестаёт работать, когда сотрудника отключают: приложение курьера видит только его остановки.
## Отзывы (AF-4, AF-5)
nav-reviews = Отзывы
reviews-title = Отзывы
reviews-intro = Отвечайте на каждый отзыв, хороший или плохой. Новый отзыв появится на странице товара, когда вы его опубликуете.
reviews-none = Отзывов пока нет.
reviews-stars = { $stars } из 5 звёзд
reviews-waits = ждёт ответа
reviews-hidden-because = Скрыт: { $reason }
reviews-answer = Ваш ответ
reviews-cause = Причина
reviews-cause-ask = Что пошло не так?
reviews-coupon-sent = Купон отправлен с ответом: { $code }
reviews-send-answer = Отправить ответ
reviews-send-answer-coupon = Отправить ответ с купоном
reviews-publish = Опубликовать
reviews-hide-reason = Причина скрытия, для автора
reviews-hide = Скрыть
reviews-causes = Причины негативных отзывов
reviews-causes-none = За последний год причины не записаны.
reviews-month = Месяц
reviews-product = Товар
reviews-count = Отзывы
reviews-answered = Ответ о «{ $title }» отправляется автору.
reviews-published = Отзыв о «{ $title }» показан на странице товара.
reviews-hidden = Отзыв о «{ $title }» скрыт; автор узнает почему.
reviews-field-text = Ваш ответ
reviews-field-cause = Причина
reviews-field-reason = Причина
reviews-field-recovery = Купон
review-state-waiting = ждёт публикации
review-state-published = опубликован
review-state-hidden = скрыт
review-cause-product = Сам товар
review-cause-size_chart = Таблица размеров
review-cause-delivery = Доставка
review-cause-packaging = Упаковка
review-cause-service = Обслуживание
review-cause-other = Другое
task-answer_review = Ответить на отзыв
template-review_request = Просьба об отзыве
template-review_reminder = Напоминание об отзыве
template-review_answer = Ответ на отзыв
template-review_hidden = Отзыв не опубликован
refusal-cause_required = Укажите, что пошло не так, чтобы это исправить.
refusal-recovery_not_needed = Купон — ответ на отзыв с 3 звёздами или меньше.
refusal-review_text_too_long = Не более 2000 символов.
tier-gives-percent = скидка { $percent }% на товары
tier-gives-free-delivery = бесплатная доставка
sf-tier-benefit = Как покупатель со статусом «{ $tier }» вы получаете при оформлении заказа автоматически:
field-loyalty_tiers = Уровни лояльности
field-loyalty_months = За сколько месяцев считать заказы (0: за всё время)
field-loyalty_combine = Купон и уровень
combine-best_wins = действует бо́льшая скидка
combine-both = действуют обе
settings-loyalty = Уровни лояльности
settings-loyalty-hint = Один уровень в строке, от низшего: ключ, порог (заказы или потраченная сумма, например 500.00 spent), процент скидки на товары и "free delivery", если доставка бесплатна, например "silver 3 orders 5% free delivery". Названия на других языках — отдельными строками: "silver ru: Серебро".

## Products and categories (SU-2)
nav-products = Товары
products-title = Товары
products-new = Новый товар
products-back = Все товары
products-search = Поиск
products-search-hint = Название, описание или артикул, на любом языке
products-category = Категория
products-status = Статус
products-stock = Остаток
products-sort = Порядок
products-sort-newest = Сначала новые
products-sort-title = По названию
products-sort-price = Сначала дешёвые
products-sort-price_desc = Сначала дорогие
products-sort-stock = Сначала с меньшим остатком
products-sort-updated = По последнему изменению
products-none = Подходящих товаров нет.
products-choose = Выбрать
products-choose-one = Выбрать { $title }
products-product = Товар
products-price = Цена от
products-variants = { $count ->
    [one] { $count } вариант
    [few] { $count } варианта
   *[other] { $count } вариантов
}
products-duplicate = Копировать
products-archive = В архив
products-bulk = С выбранными товарами
products-bulk-status = Задать статус
products-bulk-percent = Изменить цены на, %
products-bulk-price = Изменить цены
products-bulk-move = Переместить
products-no-category = Без категории
products-bulk-done = { $count ->
    [one] Изменён { $count } товар.
    [few] Изменено { $count } товара.
   *[other] Изменено { $count } товаров.
}
product-status-draft = Черновик
product-status-active = В продаже
product-status-archived = В архиве
stock-state-in_stock = в наличии
stock-state-low = заканчивается
stock-state-sold_out = распродан
product-new-title = Новый товар
product-edit-title = Товар
product-on-storefront = Посмотреть в магазине
product-options = Параметры
product-options-hint = Чем различаются варианты, например цвет или размер. Затем у каждого варианта указывается значение.
product-option-n = Параметр { $n }
product-variants = Варианты
product-variants-hint = Цены в { $currency }, например 1 490,00 или 1490.00; вес в граммах. Пустая строка не сохраняется.
product-variant-n = Вариант { $n }
product-variant-archive = Снять вариант с продажи
product-variant-add = Добавить вариант
product-variants-archived = Снятые с продажи варианты
product-saved = Товар сохранён.
product-duplicated = Это черновик-копия: измените то, что отличается, и сохраните.
product-archived = Товар в архиве; его заказы сохраняют свои строки.
product-variant-archived = Вариант снят с продажи; его заказы сохраняют свои строки.
product-field-title = Название
product-field-description = Описание
product-field-category = Категория
product-field-status = Статус
product-field-variants = Варианты
product-field-sku = Артикул
product-field-barcode = Штрихкод
product-field-price_minor = Цена
product-field-compare_at_minor = Старая цена (зачёркнутая)
product-field-weight_grams = Вес, г
product-field-options = Параметры
product-field-id = Вариант
categories-title = Категории
categories-intro = Витрина показывает категории в этом порядке, с меньшей позиции, каждую на языке посетителя.
categories-none = Категорий пока нет.
categories-archived = скрыта в магазине
categories-parent = Внутри
categories-position = Позиция
categories-archive = Скрыть в магазине
categories-restore = Снова показать в магазине
categories-new = Новая категория
categories-code = Короткий код для адресов
categories-create = Добавить категорию
categories-saved = Категория сохранена.
words-title = Слова параметров
words-intro = Названия и значения параметров, как они записаны у вариантов (colour, Navy), и как их называет каждый язык. Пустое поле удаляет перевод.
words-word = Как записано
words-saved = Слова сохранены.
settings-languages = Языки
settings-languages-hint = Языки, на которых продаёт магазин: у каждого товара есть название и описание на каждом из них, а посетитель читает магазин на своём, иначе на основном.
field-default_locale = Основной язык
field-low_stock_units = Заканчивается, если меньше, шт.
refusal-barcode_check_digit = Последняя цифра штрихкода не сходится с остальными: проверьте номер на этикетке.
refusal-barcode_invalid = Штрихкод — это цифры или буквы без пробелов.
refusal-compare_at_not_above_price = Старая цена должна быть выше цены.
refusal-sku_invalid = Артикул — от 1 до 64 латинских букв, цифр и знаков - _ . /
refusal-sku_repeated = Этот артикул уже есть в другой строке этого товара.
refusal-title_invalid = Нужно название от 1 до 200 символов.
refusal-description_too_long = Не больше 20000 символов.
refusal-variants_missing = Заполните хотя бы один вариант: без него товар не продать.
refusal-already_exists = Это уже занято: выберите другое.
refusal-weight_invalid = Укажите вес в граммах, от 0 до 1000000.
refusal-percent_invalid = Укажите процент, например 10 или -5.
refusal-products_not_chosen = Сначала отметьте товары.
refusal-category_code_invalid = Код — строчные латинские буквы, цифры и дефисы, например knitwear.
refusal-category_name_invalid = Нужно название от 1 до 100 символов.
refusal-category_parent_loop = Категория не может лежать внутри самой себя.
refusal-category_unknown = Такой категории нет.
refusal-locale_not_sold_in = Магазин не продаёт на этом языке: сначала добавьте его в настройках.
refusal-position_invalid = Позиция — целое число.
refusal-option_invalid = Параметры и слова — не длиннее 100 символов.
refusal-status_invalid = Выберите статус из списка.
refusal-variant_unknown = Этот вариант не относится к этому товару.
refusal-locale_invalid = Выберите язык из списка.
refusal-locale_repeated = Каждый язык один раз.
refusal-low_stock_units_invalid = Укажите число штук, от 0 до 1000000.
refusal-product_was_ordered = Этот товар заказывали: отправьте его в архив, чтобы заказы сохранили свои строки.

# An order's money: voids, refunds, overpayments (PY-3)
order-refunded = Возвращено
payment-voided = аннулирован
payment-void = Аннулировать
payment-void-reason = Почему записан по ошибке
payment-overpayment = Больше, чем к оплате, сознательно
payment-kind-void = аннулирование
payment-status-partially_refunded = частично возвращено
payment-status-refunded = возвращено
payment-method-mobilepay = MobilePay
payment-method-stripe = карта онлайн (Stripe)
payment-method-liqpay = LiqPay
payment-method-yookassa = ЮKassa
refund-title = Возврат денег
refund-refundable = Ещё можно вернуть
refund-item = Товар
refund-unit-price = Цена за штуку
refund-quantity = Сколько вернуть
refund-delivery = Вернуть стоимость доставки
refund-amount = Сумма
refund-amount-hint = цена товаров
refund-reason = Причина
refund-make = Вернуть деньги
refund-overpaid = Оплачено сверх суммы заказа
refund-pay-back = Вернуть
event-payment_voided = Платёж аннулирован
event-refund_made = Деньги возвращены
template-refund_made = Возврат денег
refusal-amount_above_balance = Это больше, чем к оплате. Отметьте «Больше, чем к оплате, сознательно», если покупатель заплатил больше.
refusal-method_unknown = Выберите способ оплаты из списка.
refusal-currency_mismatch = Деньги должны быть в валюте заказа.
refusal-payment_not_positive = Укажите сумму больше нуля.
refusal-refund_above_paid = Это больше, чем оплачено и ещё не возвращено.
refusal-refund_above_overpayment = Это больше, чем оплачено сверх суммы заказа.
refusal-void_above_refundable = Часть этого платежа уже возвращена: аннулировать его нельзя.
refusal-refund_quantity = Это больше штук, чем осталось вернуть по этому товару.
refusal-delivery_refunded = Стоимость доставки уже возвращена.
refusal-already_voided = Этот платёж уже аннулирован.
refusal-amount_required = Выберите возвращённые товары или укажите сумму.
refusal-refund_above_covered = Сумма больше стоимости выбранных товаров.
refusal-overpayment_covers_nothing = Возврат переплаты не относится к товарам.
refusal-methods_empty = Укажите хотя бы один способ, которым магазин принимает деньги.
refund-notice = Заказ № { $number }: всего возвращено { $refunded }.
payment-voided-notice = Заказ № { $number }: платёж аннулирован; теперь оплачено { $paid }.
refund-returned = возвращено покупателем

# The owner connects online payments (PY-2)
providers-title = Онлайн-оплата
providers-intro = Подключите аккаунт магазина в Stripe: покупатели смогут оплачивать счета картой со страницы заказа. После сохранения ключ больше не показывается.
providers-key-stripe_secret_key = Секретный ключ (sk_live_…)
providers-key-stripe_webhook_secret = Секрет подписи вебхуков (whsec_…)
providers-key-set = Задан
providers-key-unset = Не задан
providers-key-remove = Удалить
providers-key-saved = Ключ сохранён.
providers-key-removed = Ключ удалён.
providers-webhook = В панели Stripe добавьте вебхук с этим адресом для событий checkout.session.completed и checkout.session.async_payment_succeeded:
refund-state-pending = ждёт Stripe
refund-state-done = возвращено через Stripe
refund-state-failed = Stripe отказал: верните вручную
task-refund_help = Вернуть деньги вручную
refusal-no_card_payment = Этот заказ не оплачивали картой через Stripe.

# A product's photos (AS-1).
photos-title = Фотографии
photos-none = Фотографий пока нет. Товар с фотографиями продаётся гораздо лучше.
photos-colour = Показывает цвет
photos-every-colour = Все цвета
photos-alt = Текст вместо фотографии ({ $language })
photos-earlier = Переместить выше
photos-later = Переместить ниже
photos-remove = Удалить
photos-files = Добавить фотографии
photos-files-hint = JPEG, PNG или WebP, до 20 МБ каждая и до 12 за раз. Они поворачиваются правильно, очищаются от данных камеры (например, где сделан снимок) и уменьшаются для всех экранов.
photos-upload = Добавить фотографии
photos-after-save = Сначала сохраните товар; затем здесь можно добавить его фотографии.
photos-added = Фотографии добавлены.
photos-saved = Фотография сохранена.
photos-removed = Фотография удалена.
refusal-photo_too_large = файл больше 20 МБ.
refusal-photo_not_an_image = файл не является изображением JPEG, PNG или WebP.
refusal-photo_dimensions = изображение слишком маленькое или слишком большое для фотографии товара (от 32 до 12 000 пикселей по стороне, не более 64 мегапикселей).
refusal-photos_count = Выберите от 1 до 12 фотографий.
refusal-photo_colour_unknown = У товара нет такого цвета.
refusal-alt_too_long = Текст к фотографии — не более 300 символов.
refusal-photo_order = Укажите каждую фотографию товара один раз.
refusal-form_unreadable = Не удалось прочитать форму; отправьте её ещё раз.

# Importing and exporting products
products-import = Импорт товаров
products-export = Выгрузить в CSV
import-title = Импорт товаров
import-intro = CSV товаров, выгруженный из Shopify или WooCommerce. Каждый товар проверяется целиком: отклонённая строка оставляет свой товар в стороне, остальные загружаются. Товары узнаются по handle или артикулу, поэтому повторный импорт того же файла ничего не меняет.
import-file = Файл товаров (CSV)
import-dry-run = Только проверить, ничего не записывать
import-submit = Импортировать
import-dry-run-done = Пробный прогон: ничего не записано.
import-summary = Создано: { $created }, обновлено: { $updated }, без изменений: { $unchanged }, отклонено: { $refused }
import-refused = Отклонённые строки
import-warnings = Загружено без
import-row = Строка
import-column = Столбец
import-product = Товар
import-why = Причина
refusal-import_format_unknown = Файл не похож на выгрузку товаров из Shopify или WooCommerce: проверьте строку заголовков.
refusal-import_parent_unknown = Родительского товара этой вариации нет в файле.
refusal-csv_unreadable = Файл не читается как CSV в UTF-8.
refusal-file_missing = Выберите файл товаров для импорта.
refusal-file_too_large = Файл товаров — не больше 50 МБ.
refusal-image_unreachable = Фото не удалось загрузить по его адресу.
