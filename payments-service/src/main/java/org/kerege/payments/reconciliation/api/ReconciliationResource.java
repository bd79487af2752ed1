package org.kerege.payments.reconciliation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kerege.payments.reconciliation.domain.Reconciler;
import org.kerege.payments.reconciliation.domain.StatementCsv;
import org.kerege.platform.auth.Caller;
import org.kerege.platform.auth.Roles;
import org.kerege.platform.problem.ProblemException;

/** Daily reconciliation with banks: their statement in, the mismatches and our own statement out. */
@Path("/v1/reconciliation")
@Tag(name = "Reconciliation")
public class ReconciliationResource {

    private final Reconciliation reconciliation;
    private final Caller caller;

    public ReconciliationResource(Reconciliation reconciliation, Caller caller) {
        this.reconciliation = reconciliation;
        this.caller = caller;
    }

    /** The result of matching one statement. */
    @Schema(name = "ReconciliationReport")
    public record Report(LocalDate date, @Schema(example = "golomt") String bank, boolean statementReceived, UUID statementId,
                         int statementLines, int ourLines, List<Reconciler.Mismatch> mismatches,
                         @Schema(example = "a payment's day is its local date in the zone of the fee's country") String dayRule) {
    }

    @POST
    @Path("/statements")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BANK)
    @Operation(summary = "Upload the bank's daily statement (bank)",
            description = "CSV with header date,payment_code,amount,currency,account,bank_reference; one line per transfer "
                    + "to a beneficiary account; amounts in major units. 400 invalid-statement names each bad line. Answers the "
                    + "reconciliation of that day.")
    @RequestBody(content = @Content(mediaType = "text/csv", example = "date,payment_code,amount,currency,account,bank_reference\n"
            + "2026-11-21,7KQ4M9XRK,6000.00,MNT,1401001101,GOLOMT-20261121-000042\n"
            + "2026-11-21,7KQ4M9XRK,2500.00,MNT,1401002649,GOLOMT-20261121-000042\n"))
    @APIResponse(responseCode = "201", description = "Stored and matched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    public Response upload(String csv) {
        String bank = caller.bank();
        StatementCsv.Statement statement;
        try {
            statement = StatementCsv.parse(csv);
        } catch (StatementCsv.InvalidStatementException e) {
            throw new ProblemException(400, "invalid-statement", "The statement cannot be read", e.getMessage(), e.errors());
        }
        reconciliation.store(bank, statement, caller.subject());
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(report(bank, statement.date())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BANK})
    @Operation(summary = "Mismatches between a bank's statement and our payments for a day (admin, officer; a bank: its own)",
            description = "Kinds: NOT_OURS (in the statement, no payment of ours), MISSING_FROM_STATEMENT (ours, not in the "
                    + "statement), AMOUNT_DIFFERS, ACCOUNT_DIFFERS. A payment's day is its local date in the time zone of the "
                    + "fee's country (Asia/Ulaanbaatar, Asia/Bishkek, Asia/Tashkent, Asia/Almaty).")
    public Report get(@QueryParam("date") @Parameter(description = "ISO date", example = "2026-11-21") String date,
                      @QueryParam("bank") @Parameter(description = "Bank id (a bank may omit it)", example = "golomt") String bank) {
        return report(bankParam(bank), date(date));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.BANK})
    @Operation(summary = "Our daily statement as CSV, per bank or per beneficiary account",
            description = "Exactly one of bank or account. Columns: date,payment_code,amount,currency,account,beneficiary,"
                    + "bank,bank_reference,payment_id. A bank may export only its own payments.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    public Response export(@QueryParam("date") @Parameter(description = "ISO date", example = "2026-11-21") String date,
                           @QueryParam("bank") @Parameter(description = "Bank id", example = "golomt") String bank,
                           @QueryParam("account") @Parameter(description = "Beneficiary account", example = "1401001101")
                           String account) {
        LocalDate day = date(date);
        if (account != null && (account.isBlank() || account.length() > 64)) {
            throw ProblemException.invalidField("account", "1 to 64 characters");
        }
        String b;
        if (caller.hasRole(Roles.BANK)) {
            b = bankParam(bank); // a bank: always its own, even with an account filter
        } else if ((bank == null) == (account == null)) {
            throw ProblemException.invalidField("bank", "give exactly one of bank and account");
        } else {
            b = bank == null ? null : bankParam(bank);
        }
        StringBuilder csv = new StringBuilder("date,payment_code,amount,currency,account,beneficiary,bank,bank_reference,payment_id\n");
        for (Reconciliation.OurLine l : reconciliation.ours(b, account, day)) {
            csv.append(day).append(',').append(l.paymentCode()).append(',')
                    .append(BigDecimal.valueOf(l.amountMinor(), Currency.getInstance(l.currency()).getDefaultFractionDigits())
                            .toPlainString()).append(',').append(l.currency()).append(',').append(csvField(l.account()))
                    .append(',').append(csvField(l.beneficiary())).append(',').append(csvField(l.bank())).append(',')
                    .append(l.bankReference() == null ? "" : csvField(l.bankReference())).append(',').append(l.paymentId())
                    .append('\n');
        }
        String name = "kerege-" + day + "-" + (account != null ? "account-" + account : "bank-" + b) + ".csv";
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    private Report report(String bank, LocalDate date) {
        var statement = reconciliation.statement(bank, date);
        List<Reconciliation.OurLine> ours = reconciliation.ours(bank, null, date);
        List<Reconciler.Line> theirs = statement.map(Reconciliation.StoredStatement::lines).orElse(List.of());
        return new Report(date, bank, statement.isPresent(), statement.map(Reconciliation.StoredStatement::id).orElse(null),
                theirs.size(), ours.size(), Reconciler.match(theirs, Reconciliation.asLines(ours)),
                "a payment's day is its local date in the time zone of the fee's country");
    }

    private String bankParam(String bank) {
        if (caller.hasRole(Roles.BANK)) {
            String own = caller.bank();
            if (bank != null && !bank.equals(own)) {
                throw new ProblemException(403, "forbidden", "Forbidden", "A bank sees only its own reconciliation.");
            }
            return own;
        }
        if (bank == null || !bank.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ProblemException.invalidField("bank", "a bank id is required (letters, digits, . _ -)");
        }
        return bank;
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static LocalDate date(String text) {
        try {
            if (text != null && text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw ProblemException.invalidField("date", "an ISO date such as 2026-11-21 is required");
    }
}
