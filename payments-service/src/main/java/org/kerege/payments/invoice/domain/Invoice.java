package org.kerege.payments.invoice.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.fee.domain.Quote;

/**
 * A payment slip: what is owed for a fee, split into beneficiary lines, payable by its payment code
 * until it expires. Amounts are fixed when it is issued — a later change of a fee schedule or of a base
 * amount never changes an issued invoice. Immutable; a transition returns the changed invoice.
 *
 * @param id             the invoice id
 * @param paymentCode    the human code ({@link PaymentCode})
 * @param feeCode        the fee schedule code
 * @param title          the fee's title at issue time (what a bank app shows)
 * @param options        canonical options the amount was computed with
 * @param pricedOn       the day (in the fee country's zone) whose schedule and base amount were applied
 * @param applicationRef the application the fee is for, or null
 * @param lines          beneficiary lines
 * @param total          sum of the lines; always positive
 * @param status         current status
 * @param issuedAt       when issued
 * @param expiresAt      when it stops being payable
 * @param issuedBy       subject of the issuing token (an officer or a service client id)
 * @param office         the issuing officer's office, or null
 * @param cancelledAt    when cancelled, or null
 * @param cancelledBy    who cancelled, or null
 * @param cancelReason   why, or null
 */
public record Invoice(UUID id, String paymentCode, String feeCode, String title, Map<String, Object> options,
                      LocalDate pricedOn, String applicationRef, List<InvoiceLine> lines, Money total,
                      InvoiceStatus status, Instant issuedAt, Instant expiresAt, String issuedBy, String office,
                      Instant cancelledAt, String cancelledBy, String cancelReason) {

    /** Longest application reference accepted. */
    public static final int MAX_APPLICATION_REF = 64;
    /** Longest cancellation reason accepted. */
    public static final int MAX_REASON = 500;

    public Invoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(paymentCode);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        lines = List.copyOf(lines);
    }

    /**
     * Issues an invoice for a quote.
     *
     * @throws FreeServiceNotPayableException when the quote is of a free service (or comes to zero)
     */
    public static Invoice issue(UUID id, String paymentCode, Quote quote, String applicationRef, Instant now,
                                Duration validity, String issuedBy, String office) {
        if (quote.free() || quote.total().minor() <= 0) {
            throw new FreeServiceNotPayableException(quote.schedule().feeCode());
        }
        if (!PaymentCode.isValid(paymentCode)) {
            throw new IllegalArgumentException("not a valid payment code");
        }
        if (applicationRef != null && applicationRef.length() > MAX_APPLICATION_REF) {
            throw new IllegalArgumentException("applicationRef longer than " + MAX_APPLICATION_REF);
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        List<InvoiceLine> lines = quote.lines().stream()
                .map(l -> new InvoiceLine(l.id(), l.description(), l.account(), l.beneficiary(), l.amount())).toList();
        return new Invoice(id, paymentCode, quote.schedule().feeCode(), quote.schedule().title(), quote.options(),
                quote.on(), applicationRef, lines, quote.total(), InvoiceStatus.ISSUED, now, now.plus(validity),
                issuedBy, office, null, null, null);
    }

    /**
     * Cancels an issued invoice.
     *
     * @throws IllegalTransitionException when the status does not allow it (already cancelled, paid…)
     */
    public Invoice cancel(String reason, String by, Instant now) {
        InvoiceTransitions.Transition t = InvoiceTransitions.require(status, InvoiceAction.CANCEL);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return new Invoice(id, paymentCode, feeCode, title, options, pricedOn, applicationRef, lines, total, t.to(),
                issuedAt, expiresAt, issuedBy, office, now, by, reason.strip());
    }

    /** Whether a bank may take payment for it at an instant. */
    public boolean payableAt(Instant at) {
        return status == InvoiceStatus.ISSUED && at.isBefore(expiresAt);
    }
}
