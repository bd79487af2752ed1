package org.kerege.bench.bare;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The baseline of the checklist throughput bench ({@code bench/checklist}): a trivial JSON endpoint that, like
 * the checklist endpoint, parses a small JSON object from the request body and writes a small JSON object. It
 * takes the same body as the checklist (a map of applicant facts) so that both sides parse the same bytes. Two
 * variants: Quarkus's default (a worker thread) and on the event loop.
 */
@Path("/echo")
public class EchoResource {

    /** The JSON body of {@code POST /echo}. */
    public record Echo(String message, int fields) {
    }

    /**
     * @param body any JSON object, e.g. {@code {"age": 70, "extensionYears": 3}}
     * @return {@code {"message":"echo","fields":<number of the body's members>}}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Echo echo(Map<String, Object> body) {
        return new Echo("echo", body == null ? 0 : body.size());
    }

    /**
     * The same echo answered on the event loop ({@code @NonBlocking}), without the hop to a worker thread: the
     * baseline for an endpoint that does the same, like the checklist when its catalog is in memory.
     *
     * @param body any JSON object
     * @return as {@link #echo(Map)}
     */
    @POST
    @Path("/event-loop")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Echo echoOnEventLoop(Map<String, Object> body) {
        return new Echo("echo", body == null ? 0 : body.size());
    }

    /** A 5,000-byte JSON answer, the size of a typical checklist answer, written once. */
    private static final byte[] FIVE_KB = ("{\"message\":\"echo\",\"padding\":\"" + "x".repeat(5_000 - 35) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Diagnostic for bench/checklist: the event-loop echo answering 5,000 bytes instead of 40, to separate the cost of
     * the answer's size from the cost of deciding it.
     *
     * @param body any JSON object
     * @return 5,000 bytes of JSON
     */
    @POST
    @Path("/event-loop/5k")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] echoFiveKilobytes(Map<String, Object> body) {
        return FIVE_KB;
    }
}
