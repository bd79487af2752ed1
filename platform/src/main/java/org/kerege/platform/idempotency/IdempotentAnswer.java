package org.kerege.platform.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The answer of a request protected by an {@code Idempotency-Key}, as sent: the body is kept as text so
 * that a replay is identical byte for byte.
 *
 * @param status   HTTP status
 * @param body     JSON body
 * @param id       the resource it created
 * @param replayed true when this is the stored answer of an earlier request with the same key
 */
public record IdempotentAnswer(int status, String body, UUID id, boolean replayed) {

    /** The answer of the request that owns its key (or came without one). */
    public static IdempotentAnswer fresh(int status, String body, UUID id) {
        return new IdempotentAnswer(status, body, id, false);
    }

    /** The stored answer of the first request with a key, for a repeat of it. */
    public static IdempotentAnswer replayOf(IdempotencyStore.Replay stored) {
        return new IdempotentAnswer(stored.status(), stored.body(), stored.resourceId(), true);
    }

    /** The HTTP response: status, JSON body and, for a replay, {@code Idempotent-Replayed: true}. */
    public Response.ResponseBuilder response() {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (replayed) {
            r.header("Idempotent-Replayed", "true");
        }
        return r;
    }
}
