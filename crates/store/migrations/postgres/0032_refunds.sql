-- Money given back (PY-3), and payments voided as recorded in error. A refund row keeps what
-- it covers (lines, quantities, delivery) as JSON; a void row names the payment it takes back,
-- once.
ALTER TABLE orders ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN covers TEXT NOT NULL DEFAULT '{}';
ALTER TABLE payments ADD COLUMN voids BIGINT;
CREATE UNIQUE INDEX payments_voided_once ON payments (voids);
UPDATE orders SET refunded_minor = (
    SELECT COALESCE(SUM(amount_minor), 0) FROM payments
    WHERE payments.order_id = orders.id AND payments.kind = 'refund'
);
