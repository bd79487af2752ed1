package org.kerege.payments.webhook.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kerege.payments.PaymentsConfig;
import org.kerege.payments.webhook.domain.WebhookEvents;
import org.kerege.payments.webhook.persistence.WebhookStore;
import org.kerege.platform.events.Event;
import org.kerege.platform.events.EventType;
import org.kerege.platform.events.KeregeEvent;
import org.kerege.platform.events.payments.PaymentReceivedV1;
import org.kerege.platform.events.payments.PaymentRefundedV1;
import org.kerege.platform.problem.ProblemException;

/** Webhook subscriptions, and the deliveries written in the transaction of each event. */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final PaymentsConfig config;

    public Webhooks(WebhookStore store, ObjectMapper json, Clock clock, PaymentsConfig config) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Queues the event for every subscription to it, in the caller's transaction (so a delivery exists exactly
     * when the event committed). A bank's subscription gets payment events of its own bank only.
     */
    public void enqueue(Event event, UUID eventId) {
        KeregeEvent a = event.getClass().getAnnotation(KeregeEvent.class);
        List<WebhookStore.Hook> hooks = store.subscribedTo(a.name());
        if (hooks.isEmpty()) {
            return;
        }
        String eventBank = event instanceof PaymentReceivedV1 p ? p.bank() : event instanceof PaymentRefundedV1 r ? r.bank() : null;
        Instant now = clock.instant();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", EventType.of(event.getClass()).type());
        envelope.put("time", now.toString());
        envelope.put("subject", event.aggregateId());
        envelope.put("data", event);
        String body;
        try {
            body = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (WebhookStore.Hook h : hooks) {
            if (h.bank() != null && eventBank != null && !h.bank().equals(eventBank)) {
                continue;
            }
            store.enqueue(h.id(), eventId, EventType.of(event.getClass()).type(), body, now);
        }
    }

    /** A subscription as created or rotated: the only time the secret is shown. */
    public record Created(WebhookStore.Hook hook, String secret) {
    }

    @Transactional
    public Created create(String ownerRole, String owner, String bank, String url, List<String> events, String secret) {
        validate(url, events);
        String s = secret != null ? secret : newSecret();
        WebhookStore.Hook h = new WebhookStore.Hook(UUID.randomUUID(), ownerRole, owner, bank, url, List.copyOf(events), s,
                null, null, clock.instant());
        store.insert(h);
        return new Created(h, s);
    }

    @Transactional
    public Created rotate(UUID id, String ownerRole, String owner, Duration grace, String secret) {
        WebhookStore.Hook h = owned(id, ownerRole, owner, true);
        String s = secret != null ? secret : newSecret();
        Duration g = grace != null ? grace : config.webhooks().rotationGrace();
        Instant until = clock.instant().plus(g);
        store.rotate(id, s, h.secret(), until);
        return new Created(store.findWithoutSecrets(id).orElseThrow(), s);
    }

    @Transactional
    public WebhookStore.Hook get(UUID id, String ownerRole, String owner) {
        return owned(id, ownerRole, owner, false);
    }

    @Transactional
    public List<WebhookStore.Delivery> deliveries(UUID id, String ownerRole, String owner, int limit) {
        owned(id, ownerRole, owner, false);
        return store.deliveriesOf(id, limit);
    }

    /**
     * A bank sees only its own subscriptions; an admin sees all. Another's is 404 (it does not exist for them).
     * Locked for an update, and then with its secrets opened; otherwise without them.
     */
    private WebhookStore.Hook owned(UUID id, String ownerRole, String owner, boolean lock) {
        WebhookStore.Hook h = (lock ? store.find(id, true) : store.findWithoutSecrets(id))
                .orElseThrow(() -> ProblemException.notFound("Webhook", id.toString()));
        if (!"admin".equals(ownerRole) && !(h.ownerRole().equals(ownerRole) && h.owner().equals(owner))) {
            throw ProblemException.notFound("Webhook", id.toString());
        }
        return h;
    }

    private void validate(String url, List<String> events) {
        for (String e : events) {
            if (!WebhookEvents.ALL.contains(e)) {
                throw ProblemException.invalidField("events", "unknown event " + e + "; one of " + WebhookEvents.ALL);
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw ProblemException.invalidField("url", "not a URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null) {
            throw ProblemException.invalidField("url", "an absolute http(s) URL without user info");
        }
        boolean local = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && (local || config.webhooks().allowHttp()))) {
            throw ProblemException.invalidField("url", "must be https (http only to localhost)");
        }
    }

    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + HexFormat.of().formatHex(b);
    }
}
