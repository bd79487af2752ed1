package org.kerege.requirements.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kerege.requirements.catalog.domain.ApplicantFacts;
import org.kerege.requirements.catalog.domain.Checklist;
import org.kerege.requirements.catalog.domain.ServiceEntry;

/**
 * Checklist answers already written as JSON. A checklist is a pure function of the catalog version,
 * the catalog entry in force, the validated facts and the language preference, so its bytes can be
 * reused for every applicant in the same situation: writing the 5 KB answer costs far more than
 * deciding it. Bounded by bytes ({@code kerege.requirements.checklist-cache-bytes}, 0 turns it off);
 * a new catalog version makes new keys, and old ones age out.
 *
 * <p>Two indexes lead to the same written answers:
 * <ul>
 *   <li>by <b>situation</b> ({@link Key}: the validated facts, whatever their order or spelling in the request),
 *       filled by {@link ServiceResource#checklist};</li>
 *   <li>by <b>request as received</b> ({@link RequestKey}: the body's bytes, {@code Accept-Language} as sent, the
 *       date asked about), which {@link ChecklistFilter} answers on the event loop before the REST layer, without
 *       parsing or validating the facts again. The resource remembers an answer under the request that produced
 *       it; a request that was refused (bad facts, unknown code, not in force) is never remembered, so it always
 *       reaches the resource and gets its problem response.</li>
 * </ul>
 */
@ApplicationScoped
public class RenderedChecklists {

    /** What a cached answer depends on: nothing else goes into a checklist. */
    record Key(int catalogVersion, String code, LocalDate effectiveFrom, ApplicantFacts facts, List<String> languages) {
        static Key of(int catalogVersion, ServiceEntry entry, ApplicantFacts facts, List<String> languages) {
            return new Key(catalogVersion, entry.code(), entry.effectiveFrom(), facts, languages);
        }
    }

    /**
     * A checklist request exactly as received: nothing else decides its answer. {@code date} is {@code ?on=} or, when
     * absent, today (UTC) at the time of the request; {@code body} wraps the request body's bytes (equal by content).
     */
    public record RequestKey(int catalogVersion, String code, LocalDate date, String acceptLanguage, ByteBuffer body) {
    }

    /** An answer as sent: its JSON bytes and the language the text is in. */
    public record Rendered(byte[] json, String language) {
    }

    private final ObjectMapper json;
    private final Cache<Key, Rendered> cache;
    private final Cache<RequestKey, Rendered> byRequest;

    public RenderedChecklists(ObjectMapper json, MeterRegistry registry,
                              @ConfigProperty(name = "kerege.requirements.checklist-cache-bytes",
                                      defaultValue = "33554432") long maxBytes) {
        this.json = json;
        this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Rendered r) -> r.json().length + 200)
                .recordStats()
                .build();
        // The same answers (shared byte arrays), reached by the request's bytes; weighed as if not shared, so the two
        // indexes together never hold more than twice the bound.
        this.byRequest = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((RequestKey k, Rendered r) -> k.body().remaining() + r.json().length + 200)
                .build();
        if (cache != null) {
            Gauge.builder("kerege.checklist.cache.hit.ratio", cache, c -> c.stats().hitRate())
                    .description("Share of checklist answers served already written").register(registry);
        }
    }

    /** The answer for a situation, written once and reused. */
    public Rendered render(int catalogVersion, ServiceEntry entry, ApplicantFacts facts, List<String> languages,
                           Supplier<Checklist> evaluate) {
        if (cache == null) {
            return write(evaluate.get());
        }
        return cache.get(Key.of(catalogVersion, entry, facts, languages), k -> write(evaluate.get()));
    }

    /** The answer already sent for exactly this request, or null. */
    public Rendered sent(RequestKey request) {
        return byRequest == null ? null : byRequest.getIfPresent(request);
    }

    /** Remembers the answer given to a request, so the same request is answered by {@link ChecklistFilter}. */
    public void remember(RequestKey request, Rendered answer) {
        if (byRequest != null) {
            byRequest.put(request, answer);
        }
    }

    private Rendered write(Checklist checklist) {
        try {
            return new Rendered(json.writeValueAsBytes(checklist), checklist.language());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
