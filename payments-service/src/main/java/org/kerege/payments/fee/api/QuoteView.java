package org.kerege.payments.fee.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kerege.payments.fee.domain.LegalSource;
import org.kerege.payments.fee.domain.Quote;
import org.kerege.payments.fee.domain.QuoteLine;

/**
 * What a fee costs. Amounts are minor units ({@code *Minor}) of {@code currency}, with the same amount as
 * a decimal text in major units for display.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Quote")
public record QuoteView(
        @Schema(example = "mn.passport.extension") String feeCode,
        @Schema(example = "Extension of the Mongolian ordinary passport") String title,
        @Schema(example = "MN") String country,
        @Schema(description = "The day the quote is for (in the fee country's zone)") LocalDate on,
        @Schema(description = "Canonical options, defaults filled in", example = "{\"years\": 3}") Map<String, Object> options,
        @Schema(description = "True for a free service: no lines, total 0, never invoiced") boolean free,
        @Schema(example = "MNT") String currency,
        List<Line> lines,
        @Schema(example = "850000") long totalMinor,
        @Schema(example = "8500.00") String total,
        @Schema(description = "False when any figure is configuration still to be confirmed (not from a source)")
        boolean amountsFromSource,
        @Schema(description = "The base amount used, for percentage fees") BaseAmountView baseAmount,
        Source legalSource,
        LocalDate scheduleEffectiveFrom,
        LocalDate scheduleEffectiveTo,
        List<String> notes) {

    /** One beneficiary line. */
    @Schema(name = "QuoteLine")
    public record Line(@Schema(example = "extension") String id,
                       @Schema(example = "Passport extension (2000 MNT per year)") String description,
                       @Schema(example = "1401001101") String account,
                       @Schema(example = "ОӨУБЕГ") String beneficiary,
                       @Schema(example = "600000") long amountMinor,
                       @Schema(example = "6000.00") String amount,
                       boolean fromSource,
                       @Schema(example = "2000.00 MNT × 3 (years)") String calculation) {
    }

    /** Where the schedule's figures come from. */
    @Schema(name = "LegalSource")
    public record Source(String seed, String act, boolean amountsFromSource, String note) {
    }

    public static QuoteView of(Quote q) {
        LegalSource s = q.schedule().legalSource();
        return new QuoteView(q.schedule().feeCode(), q.schedule().title(), q.schedule().country(), q.on(), q.options(),
                q.free(), q.total().currencyCode(), q.lines().stream().map(QuoteView::line).toList(),
                q.total().minor(), q.total().format(), q.fromSource(),
                q.baseAmount() == null ? null : BaseAmountView.of(q.baseAmount()),
                new Source(s.seed(), s.act(), s.amountsFromSource(), s.note()),
                q.schedule().effectiveFrom(), q.schedule().effectiveTo(), q.schedule().notes());
    }

    private static Line line(QuoteLine l) {
        return new Line(l.id(), l.description(), l.account(), l.beneficiary(), l.amount().minor(), l.amount().format(),
                l.fromSource(), l.calculation());
    }

}
