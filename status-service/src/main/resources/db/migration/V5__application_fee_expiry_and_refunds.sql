-- The fee projection learns expiries and refunds (invoice-expired, payment-refunded).
-- EXPIRED: an invoice left unpaid past its expiry. REFUNDED: the whole payment was paid back.
-- A partial refund leaves the fee PAID and only records the amount refunded so far.
alter table application_fee drop constraint application_fee_status_check;
alter table application_fee add constraint application_fee_status_check
    check (status in ('DUE', 'CANCELLED', 'PAID', 'EXPIRED', 'REFUNDED'));

alter table application_fee add column expired_at timestamptz;

-- Everything refunded of the payment so far (payments-service's running total), its currency, and the time and
-- stated reason of the latest refund. All null while nothing is refunded.
alter table application_fee add column refunded_minor  bigint check (refunded_minor > 0);
alter table application_fee add column refund_currency varchar(3);
alter table application_fee add column refunded_at     timestamptz;
alter table application_fee add column refund_reason   text;

alter table application_fee add constraint application_fee_refund_complete
    check ((refunded_minor is null) = (refunded_at is null) and (refunded_minor is null) = (refund_currency is null));
alter table application_fee add constraint application_fee_expired_has_time
    check (status <> 'EXPIRED' or expired_at is not null);
alter table application_fee add constraint application_fee_refunded_has_amount
    check (status <> 'REFUNDED' or refunded_minor is not null);
