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
