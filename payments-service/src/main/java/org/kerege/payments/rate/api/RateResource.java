package org.kerege.payments.rate.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.payments.rate.domain.ExchangeRate;
import org.kerege.payments.rate.persistence.RateStore;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Official exchange rates as dated reference data (the CBR's rouble rates for fees paid in roubles). */
@Path("/v1/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class RateResource {

    private final RateStore store;
    private final Caller caller;
    private final Clock clock;

    public RateResource(RateStore store, Caller caller, Clock clock) {
        this.store = store;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/{date}")
    @Operation(summary = "The official rates recorded for a day (public)")
    public List<RateView> get(@PathParam("date") @Parameter(description = "ISO date", example = "2026-11-21") String date) {
        return store.onDay(date(date)).stream().map(RateView::of).toList();
    }

    @PUT
    @Path("/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Import a day's official rates (admin)",
            description = "E.g. the Central Bank of Russia's rates: nominal units of currency cost value roubles. A rate "
                    + "already recorded with the same figures is accepted again (the import can be retried); with other "
                    + "figures → 409 rate-exists and nothing of the import is stored (rates are never overwritten).")
    public List<RateView> put(@PathParam("date") @Parameter(description = "ISO date the rates are in force",
                                      example = "2026-11-21") String date,
                              @Valid @NotNull(message = "the rates are required") RateImport body) {
        LocalDate day = date(date);
        for (int i = 0; i < body.rates().size(); i++) {
            RateImport.Rate r = body.rates().get(i);
            if (!currencyKnown(r.currency())) {
                throw ProblemException.invalidField("rates[" + i + "].currency", "not an ISO 4217 currency");
            }
            if (r.currency().equals(body.base())) {
                throw ProblemException.invalidField("rates[" + i + "].currency", "must differ from base");
            }
        }
        if (!currencyKnown(body.base())) {
            throw ProblemException.invalidField("base", "not an ISO 4217 currency");
        }
        for (RateImport.Rate r : body.rates()) {
            ExchangeRate rate = new ExchangeRate(day, body.source(), body.base(), r.currency(), r.nominal(),
                    new BigDecimal(r.value()));
            ExchangeRate stored = store.insertIfAbsent(rate, clock.instant(), caller.subject());
            if (stored.nominal() != rate.nominal() || stored.value().compareTo(rate.value()) != 0) {
                throw ProblemException.conflict("rate-exists", "A different rate is recorded",
                        body.source() + " " + r.currency() + "/" + body.base() + " on " + day + " is already "
                                + stored.value().toPlainString() + " per " + stored.nominal() + "; rates are never overwritten.");
            }
        }
        return store.onDay(day).stream().map(RateView::of).toList();
    }

    private static boolean currencyKnown(String code) {
        try {
            return code != null && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String text) {
        try {
            if (text != null && text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw ProblemException.invalidField("date", "must be an ISO date such as 2026-11-21");
    }
}
