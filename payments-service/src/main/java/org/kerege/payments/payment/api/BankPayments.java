package org.kerege.payments.payment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.InvoiceStatus;
import org.kerege.payments.invoice.domain.PaymentCode;
import org.kerege.payments.invoice.persistence.InvoiceStore;
import org.kerege.payments.payment.domain.PaymentRefusedException;
import org.kerege.payments.payment.domain.PaymentRules;
import org.kerege.payments.payment.domain.Refunds;
import org.kerege.payments.payment.messaging.PaymentMessages;
import org.kerege.payments.payment.persistence.PaymentStore;
import org.kerege.payments.qr.api.InvoiceQr;
import org.kerege.payments.qr.domain.EmvQr;
import org.kerege.payments.qr.domain.EmvQrException;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.problem.ProblemException;

/**
 * The bank use cases: look an invoice up, pay it exactly once, refund. Each write is one transaction: the
 * idempotency record, the status change, the payment row and the outbox events commit together.
 */
@ApplicationScoped
public class BankPayments {

    static final String PAY = "pay-invoice";
    static final String REFUND = "refund-payment";

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final IdempotencyStore idempotency;
    private final Outbox outbox;
    private final org.kerege.payments.events.PaymentsPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;
    private final InvoiceQr qr;

    public BankPayments(InvoiceStore invoices, PaymentStore payments, IdempotencyStore idempotency, Outbox outbox,
                        ObjectMapper json, Clock clock, InvoiceQr qr,
            org.kerege.payments.events.PaymentsPublisher publisher) {
        this.publisher = publisher;
        this.invoices = invoices;
        this.payments = payments;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.qr = qr;
    }

    /** The invoice of a typed payment code. 400 when the code's check character is wrong, 404 when unknown. */
    @Transactional
    public BankInvoiceView lookup(String typedCode) {
        Invoice invoice = byCode(typedCode);
        return BankInvoiceView.of(invoice, PaymentRules.effectiveStatus(invoice, clock.instant()));
    }

    /**
     * The invoice a QR payload names. 422 {@code qr-checksum-mismatch} when the CRC does not match (altered),
     * 400 {@code invalid-qr-payload} when it is not an EMV payload of ours, 422 {@code qr-does-not-match-invoice}
     * when its amount, currency or bill number differ from the invoice.
     */
    @Transactional
    public BankInvoiceView resolve(String payload) {
        EmvQr.Payload p;
        try {
            p = qr.decode(payload.strip());
        } catch (EmvQrException e) {
            if (e.checksum()) {
                throw new ProblemException(422, "qr-checksum-mismatch", "The QR payload was altered",
                        "Its CRC-16 (tag 63) does not match its content: scan the code again.");
            }
            throw new ProblemException(400, "invalid-qr-payload", "Not a Kerege payment QR", e.getMessage(),
                    Map.of("payload", e.getMessage()));
        }
        if (!PaymentCode.isValid(p.paymentCode())) {
            throw new ProblemException(400, "invalid-qr-payload", "Not a Kerege payment QR",
                    "The payment code in the QR is not valid.", Map.of("payload", "payment code not valid"));
        }
        Invoice invoice = byCode(p.paymentCode());
        if (p.amountMinor() != invoice.total().minor() || !p.currency().equals(invoice.total().currency())
                || (p.billNumber() != null && !p.billNumber().equals(invoice.paymentCode()))) {
            throw ProblemException.ruleViolated("qr-does-not-match-invoice", "The QR does not match the invoice",
                    "The amount, currency or bill number in the QR differ from invoice " + invoice.paymentCode() + ".");
        }
        return BankInvoiceView.of(invoice, PaymentRules.effectiveStatus(invoice, clock.instant()));
    }

    /**
     * Pays an invoice for a bank. With a key: the first request with it runs; a later one with the same body
     * gets the stored response, with another body 409 {@code idempotency-key-reused}. Concurrent requests with
     * one key: the second waits on the key's primary key until the first commits, then replays it.
     */
    @Transactional
    public IdempotentAnswer pay(String bank, String typedCode, PayRequest request, String key) {
        String code = PaymentCode.normalise(typedCode);
        String callerScope = "bank:" + bank;
        if (key != null) {
            Optional<IdempotencyStore.Replay> earlier = idempotency.claim(callerScope, PAY, key, canonical(code, request));
            if (earlier.isPresent()) {
                return IdempotentAnswer.replayOf(earlier.get());
            }
        }
        Invoice invoice = byCode(typedCode);
        Instant now = clock.instant();
        PaymentRules.check(invoice, request.amountMinor(), request.currency(), now);
        if (!payments.markPaid(invoice.id(), now)) {
            // another payment got there first (or the expiry passed between the check and the update)
            String status = payments.statusOf(invoice.id()).orElse("ISSUED");
            if ("ISSUED".equals(status)) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.EXPIRED,
                        "Invoice " + invoice.paymentCode() + " expired.");
            }
            throw new PaymentRefusedException("CANCELLED".equals(status) ? PaymentRefusedException.Reason.CANCELLED
                    : PaymentRefusedException.Reason.ALREADY_PAID, "Invoice " + invoice.paymentCode() + " is " + status + ".");
        }
        PaymentStore.PaymentRow row = new PaymentStore.PaymentRow(UUID.randomUUID(), invoice.id(), invoice.paymentCode(),
                bank, request.bankReference(), request.amountMinor(), request.currency(), now, 0);
        payments.insertPayment(row, key);
        publisher.publish(PaymentMessages.received(row, invoice));
        payments.notifyTarget(invoice.id()).ifPresent(t -> outbox.publish(PaymentMessages.receipt(row, invoice, t)));
        String body = write(view(row, "PAID"));
        if (key != null) {
            idempotency.complete(callerScope, PAY, key, 201, body, row.id());
        }
        return IdempotentAnswer.fresh(201, body, row.id());
    }

    /** A payment, for officers and admins. */
    @Transactional
    public PaymentView payment(UUID id) {
        PaymentStore.PaymentRow row = payments.find(id, false).orElseThrow(() -> ProblemException.notFound("Payment", id.toString()));
        return view(row, payments.statusOf(row.invoiceId()).orElse("PAID"));
    }

    /** Refunds all (amount null) or part of a payment. */
    @Transactional
    public IdempotentAnswer refund(UUID paymentId, Long amountMinor, String reason, String by, String key) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("paymentId", paymentId.toString());
        canonical.put("amountMinor", amountMinor);
        canonical.put("reason", reason);
        String canonicalText = write(canonical);
        if (key != null) {
            Optional<IdempotencyStore.Replay> earlier = idempotency.claim(by, REFUND, key, canonicalText);
            if (earlier.isPresent()) {
                return IdempotentAnswer.replayOf(earlier.get());
            }
        }
        PaymentStore.PaymentRow row = payments.find(paymentId, true)
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId.toString()));
        long amount;
        try {
            amount = Refunds.amount(row.amountMinor(), row.refundedMinor(), amountMinor);
        } catch (IllegalArgumentException e) {
            throw ProblemException.ruleViolated("refund-not-possible", "This refund is not possible", e.getMessage());
        }
        Instant now = clock.instant();
        UUID refundId = UUID.randomUUID();
        long total = row.refundedMinor() + amount;
        boolean full = total == row.amountMinor();
        payments.insertRefund(refundId, paymentId, row.invoiceId(), amount, reason, now, by, full);
        Invoice invoice = invoices.find(row.invoiceId()).orElseThrow();
        publisher.publish(PaymentMessages.refunded(refundId, row, invoice, amount, total, full, reason, now));
        payments.notifyTarget(invoice.id()).ifPresent(t ->
                outbox.publish(PaymentMessages.refundNotice(refundId, row, invoice, amount, t)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("refundId", refundId);
        view.put("paymentId", paymentId);
        view.put("invoiceId", row.invoiceId());
        view.put("amountMinor", amount);
        view.put("amount", BigDecimal.valueOf(amount, invoice.total().currency().getDefaultFractionDigits()).toPlainString());
        view.put("currency", row.currency());
        view.put("refundedTotalMinor", total);
        view.put("fullyRefunded", full);
        view.put("reason", reason);
        view.put("refundedAt", now);
        String body = write(view);
        if (key != null) {
            idempotency.complete(by, REFUND, key, 201, body, refundId);
        }
        return IdempotentAnswer.fresh(201, body, refundId);
    }

    private Invoice byCode(String typedCode) {
        String code = PaymentCode.normalise(typedCode);
        if (!PaymentCode.isValid(code)) {
            throw new ProblemException(400, "invalid-payment-code", "Not a valid payment code",
                    "A payment code is 9 characters from 23456789ABCDEFGHJKMNPQRSTUVWXYZ whose last is a check "
                            + "character; this one does not check out (mistyped?).",
                    Map.of("paymentCode", "wrong length, character or check character"));
        }
        UUID id = payments.invoiceIdByCode(code).orElseThrow(() -> ProblemException.notFound("Invoice", code));
        return invoices.find(id).orElseThrow(() -> ProblemException.notFound("Invoice", code));
    }


    static String canonical(String code, PayRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentCode", code);
        m.put("amountMinor", r.amountMinor());
        m.put("currency", r.currency());
        m.put("bankReference", r.bankReference());
        try {
            return CANONICAL.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentView view(PaymentStore.PaymentRow r, String status) {
        java.util.Currency c = java.util.Currency.getInstance(r.currency());
        return new PaymentView(r.id(), r.invoiceId(), r.paymentCode(), status, r.amountMinor(),
                BigDecimal.valueOf(r.amountMinor(), c.getDefaultFractionDigits()).toPlainString(), r.currency(), r.bank(),
                r.bankReference(), r.paidAt(), r.refundedMinor());
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an invoice status is final for banks. */
    static boolean payable(InvoiceStatus s) {
        return s == InvoiceStatus.ISSUED;
    }
}
