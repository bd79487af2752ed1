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
import org.kerege.payments.idempotency.IdempotencyStore;
import org.kerege.payments.invoice.domain.Invoice;
import org.kerege.payments.invoice.domain.PaymentCode;
import org.kerege.payments.invoice.messaging.InvoiceEvents;
import org.kerege.payments.invoice.persistence.InvoiceStore;

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
    private final ObjectMapper json;
    private final Clock clock;
    private final PaymentsConfig config;

    public InvoiceCommands(Fees fees, InvoiceStore store, IdempotencyStore idempotency, Outbox outbox,
                           ObjectMapper json, Clock clock, PaymentsConfig config) {
        this.fees = fees;
        this.store = store;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * The response to a create request, as sent (the body is kept as text so a replay is identical).
     *
     * @param status   HTTP status
     * @param body     JSON body
     * @param id       the invoice id
     * @param replayed true when this is the stored response of an earlier request with the same key
     */
    public record Created(int status, String body, UUID id, boolean replayed) {
    }

    @Transactional
    public Created issue(CreateInvoiceRequest request, Map<String, String> options, String idempotencyKey,
                         String caller, String office) {
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Stored> earlier = idempotency.claim(caller, CREATE, idempotencyKey, canonical(request));
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
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
        UUID id = UUID.randomUUID();
        Invoice invoice = null;
        for (int attempt = 0; attempt < config.invoice().codeAttempts() && invoice == null; attempt++) {
            Invoice candidate = Invoice.issue(id, PaymentCode.generate(), quote, request.applicationRef(), now,
                    config.invoice().expiry(), caller, office);
            if (store.insert(candidate)) {
                invoice = candidate;
            }
        }
        if (invoice == null) {
            throw new IllegalStateException("No free payment code after " + config.invoice().codeAttempts() + " attempts");
        }
        outbox.publish(InvoiceEvents.issued(invoice));
        String body = write(InvoiceView.of(invoice));
        if (idempotencyKey != null) {
            idempotency.complete(caller, CREATE, idempotencyKey, 201, body, id);
        }
        return new Created(201, body, id, false);
    }

    @Transactional
    public Invoice cancel(UUID id, String reason, String by) {
        Invoice invoice = store.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Invoice", id.toString()));
        Invoice cancelled = invoice.cancel(reason, by, clock.instant());
        store.saveCancellation(cancelled);
        outbox.publish(InvoiceEvents.cancelled(cancelled));
        return cancelled;
    }

    @Transactional
    public Optional<Invoice> find(UUID id) {
        return store.find(id);
    }

    private Created replay(IdempotencyStore.Stored earlier, CreateInvoiceRequest request) {
        if (!earlier.requestHash().equals(IdempotencyStore.fingerprint(canonical(request)))) {
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
        }
        if (earlier.responseStatus() == null) {
            throw ProblemException.conflict("idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key has not finished; retry later.");
        }
        return new Created(earlier.responseStatus(), earlier.responseBody(), earlier.resourceId(), true);
    }

    static String canonical(CreateInvoiceRequest request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("applicationRef", request.applicationRef());
        canonical.put("feeCode", request.feeCode());
        canonical.put("options", request.options() == null ? Map.of() : new TreeMap<>(request.options()));
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
