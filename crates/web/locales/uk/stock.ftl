## Сторінки складу та список товарів, що закінчуються, на панелі (ST-2, ST-3)

nav-stock = Склад
stock-title = Склад
stock-intro = Кожен артикул на кожному складі: на полиці, у резерві під замовлення, вільно для продажу та замовлено в постачальника для замовлень, що чекають. Відкрийте артикул, щоб прийняти товар, перерахувати, скоригувати, списати чи перемістити його та переглянути історію.
stock-show = Показати
stock-levels-all = усе
stock-levels-low = закінчується
stock-levels-sold_out = розпродано
stock-none = Нічого не знайдено.
stock-sku = Артикул
stock-location = Склад
stock-bin = Комірка
stock-on-hand = На полиці
stock-reserved = У резерві
stock-available = Вільно
stock-incoming = Очікується
stock-low = мало
location-kind-warehouse = склад
location-kind-store = магазин
location-kind-supplier = постачальник
stock-back = ← Увесь склад
stock-product = Товар
stock-shelves = Де лежить
stock-no-shelves = Цього артикула ще немає на жодному складі: оформіть приймання або перерахунок.
stock-record = Записати рух
stock-kind = Рух
movement-new-receipt = Приймання товару
movement-new-count = Перерахунок
movement-new-adjustment = Коригування (+ або −)
movement-new-write_off = Списання
movement-new-transfer = Переміщення на інший склад
stock-quantity = Штук
stock-reason = Причина
stock-to-location = На склад
stock-record-button = Записати
stock-record-hint = Перерахунок — це скільки зараз на полиці; для коригування і списання потрібна причина. Зарезервоване під замовлення лишається на полиці.
stock-threshold = Мало, якщо не більше (шт.)
stock-history = Історія
stock-no-history = Рухів ще не було.
stock-when = Коли
stock-change = Зміна
stock-by = Хто
movement-opening = Початковий залишок
movement-receipt = Приймання
movement-count = Перерахунок
movement-adjustment = Коригування
movement-sale = Продано
movement-return = Повернено на склад
movement-write_off = Списано
movement-transfer_out = Переміщено звідси
movement-transfer_in = Переміщено сюди
stock-purchase-order = замовлення постачальнику { $number }
stock-order = замовлення { $number }
stock-recorded = Записано.
stock-threshold-saved = Поріг залишку збережено.
dashboard-low-stock = Закінчується
dashboard-low-stock-none = Ніщо не опустилося до порогу залишку.
dashboard-low-stock-all = Усе, що закінчується →
dashboard-low-stock-left = { $count ->
    [one] лишився { $count }
    [few] лишилося { $count }
   *[other] лишилося { $count }
}
refusal-below_reserved = Тоді на полиці залишиться менше, ніж зарезервовано під замовлення.
refusal-count_invalid = Перерахунок — ціле число від 0 до 10 000 000.
refusal-reason_too_long = Причина — не довша за 200 символів.
refusal-to_location_required = Оберіть склад, куди переміщувати.
refusal-same_location = Переміщення — на інший склад.
refusal-location_unknown = Такого складу немає.
refusal-movement_kind_invalid = Оберіть вид руху.
refusal-threshold_invalid = Поріг — ціле число штук від 0 або порожньо, якщо порогу немає.
refusal-state_invalid = Показати все, те, що закінчується, або розпродане.
template-goods_arrived = Товар надійшов
template-replacement_window = Нові терміни після дефекту

## Постачальники та замовлення постачальникам (ST-2)

purchasing-title = Постачальники та закупівлі
purchasing-intro = Замовте товар у постачальника на один із ваших складів. Коли він надійде, оприбуткуйте його тут: він спершу піде в замовлення, покупці яких погодилися зачекати, від найдавнішого, і кожен із них дізнається нову дату доставки.
purchasing-orders = Замовлення постачальникам
purchasing-no-orders = Замовлень постачальникам ще немає.
purchasing-number = Номер
purchasing-supplier = Постачальник
purchasing-expected = Очікується
purchasing-state = Статус
purchasing-units = Штук
purchasing-po = Закупівля { $number }
purchase-state-open = відкрита
purchase-state-received = отримана
purchase-state-cancelled = скасована
purchasing-supplier-first = Спершу додайте постачальника, потім замовляйте в нього.
purchasing-new-order = Нове замовлення постачальнику
purchasing-into = На склад
purchasing-note = Примітка
purchasing-order-button = Оформити замовлення постачальнику
purchasing-suppliers = Постачальники
purchasing-lead-days = { $count ->
    [one] постачання за { $count } день
    [few] постачання за { $count } дні
   *[other] постачання за { $count } днів
}
purchasing-new-supplier = Новий постачальник
purchasing-name = Назва
purchasing-email = Ел. пошта
purchasing-phone = Телефон
purchasing-lead = Строк постачання (днів)
purchasing-add-supplier = Додати постачальника
purchasing-supplier-added = Постачальника додано.
purchasing-order-title = Закупівля { $number } у { $supplier }
purchasing-back = ← Постачальники та закупівлі
purchasing-ordered = Замовлено
purchasing-received-units = Отримано
purchasing-arrived = Надійшло зараз
purchasing-receive = Оприбуткувати
purchasing-receive-hint = Впишіть, скільки надійшло, біля кожного рядка; порожній рядок означає, що не надійшло. Те, що надійшло, спершу резервується під замовлення, що чекають.
purchasing-cancel = Скасувати замовлення постачальнику
purchasing-received = Оприбутковано на склад.
purchasing-cancelled = Замовлення постачальнику скасовано.
refusal-supplier_unknown = Оберіть одного з ваших постачальників.
refusal-location_not_own = Товар приймається на склад або в магазин, а не до постачальника.
refusal-sku_not_ordered = Цього артикула немає в замовленні постачальнику.
refusal-more_than_ordered = Це більше, ніж замовлено й ще не отримано.
refusal-purchase_order_closed = Це замовлення постачальнику закрите.
refusal-lines_invalid = Вкажіть хоча б один артикул із кількістю.
refusal-days_invalid = Дні — ціле число від 0 до 365.

## Режим перерахунку на станції пакування (ST-3)

count-title = Перерахувати комірку
count-back = ← Станція пакування
count-intro = Оберіть склад і комірку та відскануйте кожну одиницю в ній. Звірте підрахунок із тим, що очікує склад, і підтвердьте: кожна розбіжність записується як перерахунок.
count-scan = Скан
count-start = Почати перерахунок
count-add = Додати
count-scanned = { $count ->
    [one] відскановано { $count } одиницю
    [few] відскановано { $count } одиниці
   *[other] відскановано { $count } одиниць
}
count-unknown = { $code } — не товар магазину: його не враховано.
count-empty-bin = У цій комірці ще нічого не значиться: відскануйте те, що в ній лежить.
count-expected = Очікується
count-counted = Нараховано
count-kept-in = зберігається в комірці { $bin }: перерахуйте його там
count-confirm = Підтвердити перерахунок
count-confirm-hint = Артикул цієї комірки, який не відсканували, вважається таким, що закінчився.
count-recorded = Комірку { $bin } перераховано: { $changed ->
    [0] усе зійшлося.
    [one] { $changed } артикул розходився і виправлений.
    [few] { $changed } артикули розходилися і виправлені.
   *[other] { $changed } артикулів розходилися і виправлені.
}

## The daily reorder task (ST-2)

stock-levels-reorder = треба замовити
stock-on-order = Замовлено
task-reorder = Замовити те, що закінчується
task-lost_parcel = Загублена посилка

## The locations page (ST-2, DL-8)

locations-title = Склади
locations-intro = Де зберігаються товари і звідки вони надходять: склади й магазини, а також постачальники, які привозять під замовлення. Посилка, готова до крайнього часу складу, вирушає того ж робочого дня; строк постачальника подовжує обіцяну доставку.
locations-none = Складів ще немає: додайте склад або магазин, де лежать товари, перш ніж вносити залишки.
locations-code = Код
locations-name = Назва
locations-kind = Тип
locations-city = Місто
locations-lead-time = Строк постачання (робочих днів)
locations-cutoff = Крайній час
locations-add = Додати склад
locations-add-button = Додати
locations-hint = Код короткий і не змінюється (він у листах збирання та файлах залишків); строк постачання — для постачальника, 0 — для власних полиць.
locations-added = { $name } додано.
refusal-location_code_invalid = Код — від 1 до 32 латинських літер, цифр, - або _.
refusal-location_kind_invalid = Виберіть склад, магазин або постачальника.
