package org.kerege.requirements.catalog.domain;

import java.util.List;

/**
 * What payments-service is asked to charge. The amounts live in payments-service's fee schedules; the
 * catalog only names the fee.
 *
 * @param code       fee code payments-service understands, e.g. {@code mn.passport.extension}
 *                   (list in {@code catalog/README.md}); null only when {@code unstated} explains why
 * @param parameters names of applicant facts payments-service needs, e.g. {@code extensionYears}
 * @param free       true when the source says the service is free (the code is still given)
 * @param note       e.g. "paid in roubles at the Central Bank of Russia rate on the day of payment"
 * @param unstated   why there is no fee code (the source states no fee)
 */
public record Fee(String code, List<String> parameters, boolean free, LocalizedText note, LocalizedText unstated) {

    public Fee {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        note = note == null ? LocalizedText.EMPTY : note;
        unstated = unstated == null ? LocalizedText.EMPTY : unstated;
    }
}
