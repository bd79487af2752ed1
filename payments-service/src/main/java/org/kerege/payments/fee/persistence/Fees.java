package org.kerege.payments.fee.persistence;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jboss.logging.Logger;
import org.kerege.payments.fee.domain.FeeCalculator;
import org.kerege.payments.fee.domain.FeeScheduleLoader;
import org.kerege.payments.fee.domain.FeeSchedules;
import org.kerege.payments.fee.domain.Quote;

/**
 * The fee schedules of this release ({@code fees/schedules.json}), loaded and validated once at start —
 * the service refuses to start with an invalid file — and the calculator over them and the base amounts.
 */
@Startup
@ApplicationScoped
public class Fees {

    private static final Logger LOG = Logger.getLogger(Fees.class);

    private final FeeSchedules schedules;
    private final FeeCalculator calculator;
    private final Clock clock;

    public Fees(BaseAmountStore baseAmounts, Clock clock) {
        this.schedules = FeeScheduleLoader.shipped();
        this.calculator = new FeeCalculator(schedules, baseAmounts);
        this.clock = clock;
        LOG.infof("Loaded fee schedules version %d: %d fee codes", schedules.version(), schedules.codes().size());
    }

    public FeeSchedules schedules() {
        return schedules;
    }

    /** Today in the zone of the fee's country. @throws org.kerege.payments.fee.domain.UnknownFeeException */
    public LocalDate today(String feeCode) {
        return LocalDate.now(clock.withZone(schedules.zoneOf(feeCode)));
    }

    /** The quote on a day, or today (in the fee country's zone) when {@code on} is null. */
    public Quote quote(String feeCode, Map<String, String> options, LocalDate on) {
        return calculator.quote(feeCode, options, on != null ? on : today(feeCode));
    }
}
