package org.kerege.payments.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceLine;
import org.kerege.payments.invoice.domain.InvoiceStatus;

class PaymentRulesTest {

    static final Instant ISSUED = Instant.parse("2026-11-21T02:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-12-01T02:00:00Z");

    static Invoice invoice(InvoiceStatus status) {
        Money total = Money.ofMinor(850000, "MNT");
        return new Invoice(UUID.randomUUID(), "23456789Q", "mn.passport.extension", "Extension", Map.of("years", 3),
                java.time.LocalDate.of(2026, 11, 21), null,
                List.of(new InvoiceLine("extension", "x", "1401001101", "ОӨУБЕГ", Money.ofMinor(600000, "MNT")),
                        new InvoiceLine("stamp-duty", "x", "1401002649", "ОӨУБЕГ", Money.ofMinor(250000, "MNT"))),
                total, status, ISSUED, EXPIRES, "officer", "ub", status == InvoiceStatus.CANCELLED ? ISSUED : null,
                null, null);
    }

    static PaymentRefusedException.Reason refusal(Invoice i, long amount, String currency, Instant at) {
        return assertThrows(PaymentRefusedException.class, () -> PaymentRules.check(i, amount, currency, at)).reason();
    }

    @Test
    void the_exact_amount_in_the_invoice_currency_before_expiry_is_accepted() {
        PaymentRules.check(invoice(InvoiceStatus.ISSUED), 850000, "MNT", EXPIRES.minusMillis(1));
    }

    @Test
    void partial_and_excess_payments_are_refused() {
        assertEquals(PaymentRefusedException.Reason.AMOUNT_MISMATCH, refusal(invoice(InvoiceStatus.ISSUED), 849999, "MNT", ISSUED));
        assertEquals(PaymentRefusedException.Reason.AMOUNT_MISMATCH, refusal(invoice(InvoiceStatus.ISSUED), 600000, "MNT", ISSUED));
        assertEquals(PaymentRefusedException.Reason.AMOUNT_MISMATCH, refusal(invoice(InvoiceStatus.ISSUED), 850001, "MNT", ISSUED));
    }

    @Test
    void another_currency_is_refused_even_with_the_same_number() {
        assertEquals(PaymentRefusedException.Reason.CURRENCY_MISMATCH, refusal(invoice(InvoiceStatus.ISSUED), 850000, "KGS", ISSUED));
    }

    @Test
    void at_the_expiry_instant_the_invoice_is_expired() {
        assertEquals(PaymentRefusedException.Reason.EXPIRED, refusal(invoice(InvoiceStatus.ISSUED), 850000, "MNT", EXPIRES));
        assertEquals(InvoiceStatus.EXPIRED, PaymentRules.effectiveStatus(invoice(InvoiceStatus.ISSUED), EXPIRES));
        assertEquals(InvoiceStatus.ISSUED, PaymentRules.effectiveStatus(invoice(InvoiceStatus.ISSUED), EXPIRES.minusNanos(1)));
    }

    @Test
    void every_status_but_issued_is_refused_whatever_the_amount() {
        assertEquals(PaymentRefusedException.Reason.ALREADY_PAID, refusal(invoice(InvoiceStatus.PAID), 1, "MNT", ISSUED));
        assertEquals(PaymentRefusedException.Reason.ALREADY_PAID, refusal(invoice(InvoiceStatus.REFUNDED), 850000, "MNT", ISSUED));
        assertEquals(PaymentRefusedException.Reason.CANCELLED, refusal(invoice(InvoiceStatus.CANCELLED), 850000, "MNT", ISSUED));
        assertEquals(PaymentRefusedException.Reason.EXPIRED, refusal(invoice(InvoiceStatus.EXPIRED), 850000, "MNT", ISSUED));
        // a paid invoice stays PAID after its expiry
        assertEquals(InvoiceStatus.PAID, PaymentRules.effectiveStatus(invoice(InvoiceStatus.PAID), EXPIRES.plusSeconds(1)));
    }

    @Test
    void refunds_are_all_that_is_left_or_a_stated_amount_not_above_it() {
        assertEquals(850000, Refunds.amount(850000, 0, null));
        assertEquals(600000, Refunds.amount(850000, 250000, null));
        assertEquals(250000, Refunds.amount(850000, 0, 250000L));
        assertEquals(600000, Refunds.amount(850000, 250000, 600000L));
        assertThrows(IllegalArgumentException.class, () -> Refunds.amount(850000, 250000, 600001L));
        assertThrows(IllegalArgumentException.class, () -> Refunds.amount(850000, 850000, null));
        assertThrows(IllegalArgumentException.class, () -> Refunds.amount(850000, 0, 0L));
    }
}
