package org.kerege.payments.fee.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;
import org.kerege.payments.fee.domain.BaseAmount;
import org.kerege.payments.fee.domain.BaseAmountDefinition;
import org.kerege.payments.fee.domain.Money;
import org.kerege.payments.fee.persistence.BaseAmountStore;
import org.kerege.payments.fee.persistence.Fees;

/**
 * Statutory base amounts (e.g. the Uzbek BHM) as dated reference data. Anyone may read them; an admin
 * adds a value when a decree changes one. Values are never edited or removed: a correction is a new
 * value from a later day. Invoices already issued keep their amounts.
 */
@Path("/v1/base-amounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Base amounts")
public class BaseAmountResource {

    private final BaseAmountStore store;
    private final Fees fees;
    private final Caller caller;

    public BaseAmountResource(BaseAmountStore store, Fees fees, Caller caller) {
        this.store = store;
        this.fees = fees;
        this.caller = caller;
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "The dated values of a base amount, oldest first")
    public List<BaseAmountView> values(@PathParam("code") @Parameter(example = "uz.bhm") String code) {
        definition(code);
        return store.values(code).stream().map(BaseAmountView::of).toList();
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a dated value of a base amount (admin)",
            description = "409 base-amount-exists when the code already has a value from that day; 400 when the "
                    + "currency is not the base amount's or the amount is not positive.")
    public Response add(@PathParam("code") @Parameter(example = "uz.bhm") String code,
                        @Valid @NotNull(message = "the new value is required") NewBaseAmount body) {
        BaseAmountDefinition definition = definition(code);
        if (!definition.currency().equals(body.currency())) {
            throw ProblemException.invalidField("currency", "must be " + definition.currency());
        }
        BaseAmount value = new BaseAmount(code, body.effectiveFrom(),
                Money.ofMinor(body.amountMinor(), body.currency()), body.legalSource().strip(),
                body.fromSource() == null || body.fromSource());
        if (!store.add(value, caller.subject())) {
            throw ProblemException.conflict("base-amount-exists", "A value from that day exists",
                    code + " already has a value from " + body.effectiveFrom() + "; values are never overwritten");
        }
        return Response.created(URI.create("/v1/base-amounts/" + code)).entity(BaseAmountView.of(value)).build();
    }

    private BaseAmountDefinition definition(String code) {
        return fees.schedules().baseAmount(code)
                .orElseThrow(() -> ProblemException.notFound("Base amount", code.length() > 40 ? code.substring(0, 40) : code));
    }

}
