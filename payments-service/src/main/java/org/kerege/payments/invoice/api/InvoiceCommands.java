package org.kerege.payments.invoice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.kerege.platform.events.Outbox;
import org.kerege.platform.problem.ProblemException;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.fee.domain.InvalidFeeOptionsException;
import org.kerege.payments.fee.domain.Quote;
import org.kerege.payments.fee.persistence.Fees;
import org.kerege.platform.idempotency.IdempotencyStore;
import org.kerege.platform.idempotency.IdempotentAnswer;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.PaymentCode;
import org.kerege.payments.invoice.messaging.InvoiceEvents;
import org.kerege.payments.invoice.persistence.InvoiceStore;
import org.kerege.payments.payment.messaging.PaymentMessages;
import org.kerege.payments.payment.persistence.PaymentStore;
import org.kerege.payments.qr.api.InvoiceQr;
import org.kerege.payments.fee.domain.FeeSchedule;
import org.kerege.payments.rate.domain.Conversion;
import org.kerege.payments.rate.domain.ExchangeRate;
import org.kerege.payments.rate.domain.RateUnavailableException;
import org.kerege.payments.rate.persistence.RateStore;
import java.time.LocalDate;

/**
 * The invoice use cases, one transaction each: the state change, its outbox event and the
 * idempotency record commit together or not at all.
 */
@ApplicationScoped
public class InvoiceCommands {

    static final String CREATE = "create-invoice";

    /** Canonical JSON: keys sorted, so the same request always has the same fingerprint. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Fees fees;
    private final InvoiceStore store;
    private final IdempotencyStore idempotency;
    private final Outbox outbox;
    private final org.kerege.payments.events.PaymentsPublisher publisher;
    private final ObjectMapper json;
    private final Clock clock;
    private final PaymentsConfig config;
    private final PaymentStore payments;
    private final InvoiceQr qr;
    private final RateStore rates;

    public InvoiceCommands(Fees fees, InvoiceStore store, IdempotencyStore idempotency, Outbox outbox,
                           ObjectMapper json, Clock clock, PaymentsConfig config, PaymentStore payments, InvoiceQr qr,
                           RateStore rates,
            org.kerege.payments.events.PaymentsPublisher publisher) {
        this.publisher = publisher;
        this.rates = rates;
        this.payments = payments;
        this.qr = qr;
        this.fees = fees;
        this.store = store;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public IdempotentAnswer issue(CreateInvoiceRequest request, Map<String, String> options, String idempotencyKey,
                         String caller, String office) {
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Replay> earlier = idempotency.claim(caller, CREATE, idempotencyKey, canonical(request));
            if (earlier.isPresent()) {
                return IdempotentAnswer.replayOf(earlier.get());
            }
        }
        Quote quote;
        try {
            quote = fees.quote(request.feeCode(), options, null);
        } catch (InvalidFeeOptionsException e) {
            Map<String, String> errors = new TreeMap<>();
            e.errors().forEach((k, v) -> errors.put("options." + k, v));
            throw new ProblemException(400, "invalid-fee-options", "The fee options are not valid",
                    "Check the options: " + String.join(", ", errors.keySet()), errors);
        }
        Instant now = clock.instant();
        java.time.Duration validity = config.invoice().expiry();
        FeeSchedule.PaymentConversion conversion = quote.schedule().payment();
        if (conversion != null && !quote.free()) {
            // fixed in one currency, paid in another at the official rate of the day: the invoice is issued at the
            // rate of the issue day and stays payable only until that day ends, so the day paid is the rate's day
            String from = quote.schedule().currency();
            LocalDate day = quote.on();
            ExchangeRate rate = rates.find(conversion.rateSource(), conversion.currency(), from, day)
                    .orElseThrow(() -> new RateUnavailableException(conversion.rateSource(), from, conversion.currency(), day));
            quote = Conversion.convert(quote, rate);
            Instant endOfDay = day.plusDays(1).atStartOfDay(fees.schedules().zoneOf(quote.schedule())).toInstant();
            java.time.Duration left = java.time.Duration.between(now, endOfDay);
            if (left.compareTo(validity) < 0) {
                validity = left;
            }
        }
        UUID id = UUID.randomUUID();
        Invoice invoice = null;
        for (int attempt = 0; attempt < config.invoice().codeAttempts() && invoice == null; attempt++) {
            Invoice candidate = Invoice.issue(id, PaymentCode.generate(), quote, request.applicationRef(), now,
                    validity, caller, office);
            if (store.insert(candidate)) {
                invoice = candidate;
            }
        }
        if (invoice == null) {
            throw new IllegalStateException("No free payment code after " + config.invoice().codeAttempts() + " attempts");
        }
        publisher.publish(InvoiceEvents.issued(invoice));
        if (request.payer() != null) {
            String language = request.payer().language() == null ? "en" : request.payer().language();
            payments.setNotifyTarget(id, request.payer().recipient(), language);
            outbox.publish(PaymentMessages.issuedNotice(invoice, request.payer().recipient(), language));
        }
        String body = write(InvoiceView.of(invoice, qr.payload(invoice)));
        if (idempotencyKey != null) {
            idempotency.complete(caller, CREATE, idempotencyKey, 201, body, id);
        }
        return IdempotentAnswer.fresh(201, body, id);
    }

    @Transactional
    public Invoice cancel(UUID id, String reason, String by) {
        Invoice invoice = store.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Invoice", id.toString()));
        Invoice cancelled = invoice.cancel(reason, by, clock.instant());
        store.saveCancellation(cancelled);
        publisher.publish(InvoiceEvents.cancelled(cancelled));
        return cancelled;
    }

    @Transactional
    public Optional<Invoice> find(UUID id) {
        return store.find(id);
    }

    /** The view of an invoice, with its QR payload while it is payable. */
    public InvoiceView view(Invoice invoice) {
        return InvoiceView.of(invoice, invoice.payableAt(clock.instant()) ? qr.payload(invoice) : null);
    }

    /**
     * The QR payload of a payable invoice. 409 invoice-not-payable when it is paid, cancelled or expired (a
     * free service never has an invoice, so never a QR).
     */
    @Transactional
    public String qrPayload(UUID id) {
        Invoice invoice = store.find(id).orElseThrow(() -> ProblemException.notFound("Invoice", id.toString()));
        if (!invoice.payableAt(clock.instant())) {
            throw ProblemException.conflict("invoice-not-payable", "The invoice is not payable",
                    "Invoice " + invoice.paymentCode() + " is " + (invoice.status() == org.kerege.payments.invoice.domain.InvoiceStatus.ISSUED
                            ? "EXPIRED" : invoice.status()) + ": it has no payment QR code.");
        }
        return qr.payload(invoice);
    }

    static String canonical(CreateInvoiceRequest request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("applicationRef", request.applicationRef());
        canonical.put("feeCode", request.feeCode());
        canonical.put("options", request.options() == null ? Map.of() : new TreeMap<>(request.options()));
        if (request.payer() != null) {
            canonical.put("payer", Map.of("recipient", request.payer().recipient(),
                    "language", String.valueOf(request.payer().language())));
        }
        try {
            return CANONICAL.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
