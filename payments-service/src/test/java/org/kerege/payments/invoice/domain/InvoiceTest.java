package org.kerege.payments.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kerege.payments.fee.domain.BaseAmount;
import org.kerege.payments.fee.domain.FeeCalculator;
import org.kerege.payments.fee.domain.FeeScheduleLoader;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.fee.domain.Quote;

class InvoiceTest {

    static final Instant NOW = Instant.parse("2026-11-21T04:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    static Invoice issued() {
        Quote quote = new FeeCalculator(FeeScheduleLoader.shipped(), (c, d) -> java.util.Optional.empty())
                .quote("mn.passport.extension", Map.of("years", "3"), DAY);
        return Invoice.issue(UUID.randomUUID(), PaymentCode.generate(), quote, "MN-1", NOW, Duration.ofDays(10), "officer-1", "ub-1");
    }

    @Test
    void an_invoice_fixes_the_quote_and_expires_after_its_validity() {
        Invoice i = issued();
        assertEquals(InvoiceStatus.ISSUED, i.status());
        assertEquals(850000, i.total().minor());
        assertEquals(2, i.lines().size());
        assertEquals(NOW.plus(Duration.ofDays(10)), i.expiresAt());
        assertTrue(i.payableAt(NOW));
        assertTrue(!i.payableAt(i.expiresAt()));
    }

    @Test
    void an_invoice_keeps_its_amount_when_the_base_amount_changes_later() {
        var before = new BaseAmount("uz.bhm", LocalDate.of(2024, 10, 1), Money.ofMinor(37500000, "UZS"), "x", true);
        var after = new BaseAmount("uz.bhm", LocalDate.of(2026, 12, 1), Money.ofMinor(50000000, "UZS"), "x", true);
        var table = new java.util.ArrayList<>(java.util.List.of(before));
        FeeCalculator calc = new FeeCalculator(FeeScheduleLoader.shipped(), (c, d) -> table.stream()
                .filter(b -> !b.effectiveFrom().isAfter(d)).max(java.util.Comparator.comparing(BaseAmount::effectiveFrom)));
        Invoice i = Invoice.issue(UUID.randomUUID(), PaymentCode.generate(),
                calc.quote("uz.e-key", Map.of("applicantType", "INDIVIDUAL", "channel", "SERVICE_CENTRE"), DAY),
                null, NOW, Duration.ofDays(10), "svc", null);
        table.add(after);
        assertEquals(500000, calc.quote("uz.e-key", Map.of("applicantType", "INDIVIDUAL", "channel", "SERVICE_CENTRE"),
                LocalDate.of(2026, 12, 1)).total().minor());
        assertEquals(375000, i.total().minor());
    }

    @Test
    void a_free_service_is_never_invoiced() {
        Quote free = new FeeCalculator(FeeScheduleLoader.shipped(), (c, d) -> java.util.Optional.empty())
                .quote("kz.refugee", Map.of(), DAY);
        assertThrows(FreeServiceNotPayableException.class, () -> Invoice.issue(UUID.randomUUID(), PaymentCode.generate(),
                free, null, NOW, Duration.ofDays(10), "svc", null));
    }

    @Test
    void cancel_moves_issued_to_cancelled_once() {
        Invoice cancelled = issued().cancel("wrong years", "officer-1", NOW.plusSeconds(60));
        assertEquals(InvoiceStatus.CANCELLED, cancelled.status());
        assertEquals("wrong years", cancelled.cancelReason());
        assertThrows(IllegalTransitionException.class, () -> cancelled.cancel("again", "officer-1", NOW));
    }

    @Test
    void the_transition_table_allows_exactly_its_edges() {
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (InvoiceAction action : InvoiceAction.values()) {
                boolean expected = switch (action) {
                    case PAY, CANCEL, EXPIRE -> from == InvoiceStatus.ISSUED;
                    case REFUND -> from == InvoiceStatus.PAID;
                };
                assertEquals(expected, InvoiceTransitions.find(from, action).isPresent(), from + " " + action);
            }
        }
        assertEquals("invoice-cancelled", InvoiceTransitions.require(InvoiceStatus.ISSUED, InvoiceAction.CANCEL).event());
        assertEquals(EnumSet.of(InvoiceStatus.PAID, InvoiceStatus.CANCELLED, InvoiceStatus.EXPIRED, InvoiceStatus.REFUNDED),
                EnumSet.copyOf(InvoiceTransitions.TABLE.stream().map(InvoiceTransitions.Transition::to).toList()));
    }
}
