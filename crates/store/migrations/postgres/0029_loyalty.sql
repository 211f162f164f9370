-- The loyalty tier a card reached (AF-11), computed again when one of its orders is placed,
-- delivered, returned or cancelled, so a change is seen once and the customer told once.
-- Cards start in the tier today's rule gives them: 2 kept orders regular, 5 loyal.
ALTER TABLE customers ADD COLUMN loyalty_tier TEXT NOT NULL DEFAULT 'new';
UPDATE customers SET loyalty_tier = CASE
    WHEN (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customers.id
          AND o.stage NOT IN ('cancelled', 'returned', 'refunded')) >= 5 THEN 'loyal'
    WHEN (SELECT COUNT(*) FROM orders o WHERE o.customer_id = customers.id
          AND o.stage NOT IN ('cancelled', 'returned', 'refunded')) >= 2 THEN 'regular'
    ELSE 'new'
END;
