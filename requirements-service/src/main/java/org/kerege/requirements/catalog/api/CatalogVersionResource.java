package org.kerege.requirements.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.requirements.catalog.persistence.CatalogBundle;
import org.kerege.requirements.catalog.persistence.CatalogStore;

/**
 * Catalog versions. The catalog is data files (index.json naming the entry files); an admin publishes
 * a new version by posting those files as one JSON object (path → content). It is validated as a whole
 * and refused with every problem found, or stored as the next number and announced as
 * {@code catalog-published}.
 */
@Path("/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog versions")
public class CatalogVersionResource {

    private final CatalogStore store;
    private final ObjectMapper json;
    private final Caller caller;

    public CatalogVersionResource(CatalogStore store, ObjectMapper json, Caller caller) {
        this.store = store;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Path("/versions")
    @PermitAll
    @Operation(summary = "Published catalog versions, newest first")
    public List<CatalogStore.VersionInfo> versions() {
        return store.list();
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a new catalog version (admin)",
            description = "Body: the catalog files as one JSON object, e.g. the answer of GET /v1/catalog/shipped "
                    + "edited. 400 malformed-catalog when a file is missing or unreadable; 422 catalog-rejected "
                    + "with every problem when validation fails (unknown facts in conditions, missing texts, "
                    + "overlapping dates…).")
    public Response publish(@NotNull(message = "the catalog files are required") JsonNode files) {
        CatalogStore.VersionInfo version = store.publish(files, caller.subject(), "uploaded");
        return Response.created(URI.create("/v1/catalog/versions/" + version.number())).entity(version).build();
    }

    @GET
    @Path("/versions/{number}")
    @PermitAll
    @Operation(summary = "The files of a published version, as they were published")
    public JsonNode files(@PathParam("number") int number) {
        return store.files(number).orElseThrow(() -> ProblemException.notFound("Catalog version", String.valueOf(number)));
    }

    @GET
    @Path("/shipped")
    @PermitAll
    @Operation(summary = "The catalog files shipped with this release, ready to edit and publish")
    public JsonNode shipped() {
        return CatalogBundle.shipped(json);
    }
}
