## Страницы склада и список заканчивающихся товаров на панели (ST-2, ST-3)

nav-stock = Склад
stock-title = Склад
stock-intro = Каждый артикул на каждом складе: на полке, в резерве под заказы, свободно для продажи и заказано у поставщика для ждущих заказов. Откройте артикул, чтобы принять товар, пересчитать, скорректировать, списать или переместить его и посмотреть историю.
stock-show = Показать
stock-levels-all = всё
stock-levels-low = заканчивается
stock-levels-sold_out = распродано
stock-none = Ничего не найдено.
stock-sku = Артикул
stock-location = Склад
stock-bin = Ячейка
stock-on-hand = На полке
stock-reserved = В резерве
stock-available = Свободно
stock-incoming = Ожидается
stock-low = мало
location-kind-warehouse = склад
location-kind-store = магазин
location-kind-supplier = поставщик
stock-back = ← Весь склад
stock-product = Товар
stock-shelves = Где лежит
stock-no-shelves = Этого артикула пока нет ни на одном складе: оформите приёмку или пересчёт.
stock-record = Записать движение
stock-kind = Движение
movement-new-receipt = Приёмка товара
movement-new-count = Пересчёт
movement-new-adjustment = Корректировка (+ или −)
movement-new-write_off = Списание
movement-new-transfer = Перемещение на другой склад
stock-quantity = Штук
stock-reason = Причина
stock-to-location = На склад
stock-record-button = Записать
stock-record-hint = Пересчёт — это сколько сейчас на полке; для корректировки и списания нужна причина. Зарезервированное под заказы остаётся на полке.
stock-threshold = Мало, если не больше (шт.)
stock-history = История
stock-no-history = Движений пока не было.
stock-when = Когда
stock-change = Изменение
stock-by = Кто
movement-opening = Начальный остаток
movement-receipt = Приёмка
movement-count = Пересчёт
movement-adjustment = Корректировка
movement-sale = Продано
movement-return = Возврат на склад
movement-write_off = Списано
movement-transfer_out = Перемещено отсюда
movement-transfer_in = Перемещено сюда
stock-purchase-order = заказ поставщику { $number }
stock-order = заказ { $number }
stock-recorded = Записано.
stock-threshold-saved = Порог остатка сохранён.
dashboard-low-stock = Заканчивается
dashboard-low-stock-none = Ничего не опустилось до порога остатка.
dashboard-low-stock-all = Всё, что заканчивается →
dashboard-low-stock-left = { $count ->
    [one] остался { $count }
    [few] осталось { $count }
   *[other] осталось { $count }
}
refusal-below_reserved = Тогда на полке останется меньше, чем зарезервировано под заказы.
refusal-count_invalid = Пересчёт — целое число от 0 до 10 000 000.
refusal-reason_too_long = Причина — не длиннее 200 символов.
refusal-to_location_required = Выберите склад, куда перемещать.
refusal-same_location = Перемещение — на другой склад.
refusal-location_unknown = Такого склада нет.
refusal-movement_kind_invalid = Выберите вид движения.
refusal-threshold_invalid = Порог — целое число штук от 0 или пусто, если порога нет.
refusal-state_invalid = Показать всё, заканчивающееся или распроданное.
template-goods_arrived = Товар поступил
template-replacement_window = Новые сроки после дефекта

## Поставщики и заказы поставщикам (ST-2)

purchasing-title = Поставщики и закупки
purchasing-intro = Закажите товар у поставщика на один из ваших складов. Когда он придёт, оприходуйте его здесь: он сначала пойдёт в заказы, покупатели которых согласились подождать, от самого раннего, и каждый из них узнает новую дату доставки.
purchasing-orders = Заказы поставщикам
purchasing-no-orders = Заказов поставщикам пока нет.
purchasing-number = Номер
purchasing-supplier = Поставщик
purchasing-expected = Ожидается
purchasing-state = Статус
purchasing-units = Штук
purchasing-po = Закупка { $number }
purchase-state-open = открыта
purchase-state-received = получена
purchase-state-cancelled = отменена
purchasing-supplier-first = Сначала добавьте поставщика, затем заказывайте у него.
purchasing-new-order = Новый заказ поставщику
purchasing-into = На склад
purchasing-note = Примечание
purchasing-order-button = Оформить заказ поставщику
purchasing-suppliers = Поставщики
purchasing-lead-days = { $count ->
    [one] поставка за { $count } день
    [few] поставка за { $count } дня
   *[other] поставка за { $count } дней
}
purchasing-new-supplier = Новый поставщик
purchasing-name = Название
purchasing-email = Эл. почта
purchasing-phone = Телефон
purchasing-lead = Срок поставки (дней)
purchasing-add-supplier = Добавить поставщика
purchasing-supplier-added = Поставщик добавлен.
purchasing-order-title = Закупка { $number } у { $supplier }
purchasing-back = ← Поставщики и закупки
purchasing-ordered = Заказано
purchasing-received-units = Получено
purchasing-arrived = Пришло сейчас
purchasing-receive = Оприходовать
purchasing-receive-hint = Впишите, сколько пришло, у каждой строки; пустая строка значит, что не пришло. Пришедшее сначала резервируется под ждущие заказы.
purchasing-cancel = Отменить заказ поставщику
purchasing-received = Оприходовано на склад.
purchasing-cancelled = Заказ поставщику отменён.
refusal-supplier_unknown = Выберите одного из ваших поставщиков.
refusal-location_not_own = Товар принимается на склад или в магазин, а не к поставщику.
refusal-sku_not_ordered = Этого артикула нет в заказе поставщику.
refusal-more_than_ordered = Это больше, чем заказано и ещё не получено.
refusal-purchase_order_closed = Этот заказ поставщику закрыт.
refusal-lines_invalid = Укажите хотя бы один артикул с количеством.
refusal-days_invalid = Дни — целое число от 0 до 365.

## Режим пересчёта на станции упаковки (ST-3)

count-title = Пересчитать ячейку
count-back = ← Станция упаковки
count-intro = Выберите склад и ячейку и отсканируйте каждую единицу в ней. Сверьте подсчёт с тем, что ожидает склад, и подтвердите: каждое расхождение записывается как пересчёт.
count-scan = Скан
count-start = Начать пересчёт
count-add = Добавить
count-scanned = { $count ->
    [one] отсканирована { $count } единица
    [few] отсканированы { $count } единицы
   *[other] отсканировано { $count } единиц
}
count-unknown = { $code } — не товар магазина: он не учитывается.
count-empty-bin = В этой ячейке пока ничего не числится: отсканируйте то, что в ней лежит.
count-expected = Ожидается
count-counted = Насчитано
count-kept-in = хранится в ячейке { $bin }: пересчитайте его там
count-confirm = Подтвердить пересчёт
count-confirm-hint = Артикул этой ячейки, который не отсканировали, считается закончившимся.
count-recorded = Ячейка { $bin } пересчитана: { $changed ->
    [0] всё сошлось.
    [one] { $changed } артикул расходился и исправлен.
    [few] { $changed } артикула расходились и исправлены.
   *[other] { $changed } артикулов расходились и исправлены.
}

## The daily reorder task (ST-2)

stock-levels-reorder = нужно заказать
stock-on-order = Заказано
task-reorder = Заказать то, что заканчивается
task-lost_parcel = Потерянная посылка

## The locations page (ST-2, DL-8)

locations-title = Склады
locations-intro = Где хранятся товары и откуда они приходят: склады и магазины, а также поставщики, которые привозят под заказ. Посылка, готовая до крайнего времени склада, уходит в тот же рабочий день; срок поставщика удлиняет обещанную доставку.
locations-none = Складов пока нет: добавьте склад или магазин, где лежат товары, прежде чем вносить остатки.
locations-code = Код
locations-name = Название
locations-kind = Тип
locations-city = Город
locations-lead-time = Срок поставки (рабочих дней)
locations-cutoff = Крайнее время
locations-add = Добавить склад
locations-add-button = Добавить
locations-hint = Код короткий и не меняется (он в листах сборки и файлах остатков); срок поставки — для поставщика, 0 — для своих полок.
locations-added = { $name } добавлен.
refusal-location_code_invalid = Код — от 1 до 32 латинских букв, цифр, - или _.
refusal-location_kind_invalid = Выберите склад, магазин или поставщика.
