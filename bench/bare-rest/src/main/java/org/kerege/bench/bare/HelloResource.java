package org.kerege.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The baseline's only endpoint. */
@Path("/hello")
public class HelloResource {

    /** The JSON body of {@code GET /hello}. */
    public record Greeting(String message) {
    }

    /** @return {@code {"message":"hello"}} */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting hello() {
        return new Greeting("hello");
    }
}
