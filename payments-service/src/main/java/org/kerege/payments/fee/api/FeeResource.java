package org.kerege.payments.fee.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.payments.fee.domain.InvalidFeeOptionsException;
import org.kerege.payments.fee.persistence.Fees;

/** Quotes: what a fee costs, line by line, on a day. Public (fee transparency). */
@Path("/v1/fees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fees")
public class FeeResource {

    private final Fees fees;

    public FeeResource(Fees fees) {
        this.fees = fees;
    }

    @GET
    @Path("/{feeCode}/quote")
    @PermitAll
    @Operation(summary = "Quote a fee",
            description = "The fee's options are query parameters (each fee lists its own; e.g. mn.passport.extension?years=3, "
                    + "mn.passport.new?urgent=true, uz.e-key?applicantType=LEGAL_ENTITY&channel=PORTAL). The catalog's fact "
                    + "names and values are accepted too (extensionYears, legal-entity, my.gov.uz). 404 unknown-fee; "
                    + "400 invalid-fee-options naming each unknown, missing or invalid option; 422 fee-not-in-force.")
    @Parameter(name = "years", in = ParameterIn.QUERY, description = "mn.passport.extension: years, 1 to 5",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER), example = "3")
    @Parameter(name = "urgent", in = ParameterIn.QUERY, description = "mn.passport.new: urgent service",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN), example = "true")
    @Parameter(name = "applicantType", in = ParameterIn.QUERY, description = "uz.e-key: INDIVIDUAL or LEGAL_ENTITY",
            schema = @Schema(enumeration = {"INDIVIDUAL", "LEGAL_ENTITY"}), example = "LEGAL_ENTITY")
    @Parameter(name = "channel", in = ParameterIn.QUERY, description = "uz.e-key: SERVICE_CENTRE, PORTAL (my.gov.uz, 10 % off) or E_IMZO",
            schema = @Schema(enumeration = {"SERVICE_CENTRE", "PORTAL", "E_IMZO"}), example = "PORTAL")
    @Parameter(name = "on", in = ParameterIn.QUERY, description = "The day (ISO date); default today in the fee country's zone",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date"))
    public QuoteView quote(@PathParam("feeCode") @Parameter(example = "mn.passport.extension") String feeCode,
                           @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> errors = new TreeMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        LocalDate on = null;
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            if (p.getValue().size() != 1) {
                errors.put(p.getKey(), "given more than once");
            } else if (p.getKey().equals("on")) {
                on = date(p.getValue().get(0), errors);
            } else {
                options.put(p.getKey(), p.getValue().get(0));
            }
        }
        fees.schedules().periods(feeCode); // 404 before complaining about options of an unknown fee
        if (!errors.isEmpty()) {
            throw new InvalidFeeOptionsException(feeCode, errors);
        }
        return QuoteView.of(fees.quote(feeCode, options, on));
    }

    private static LocalDate date(String text, Map<String, String> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put("on", "must be a date like 2026-11-21");
            return null;
        }
    }
}
