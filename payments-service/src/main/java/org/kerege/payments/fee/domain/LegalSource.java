package org.kerege.payments.fee.domain;

/**
 * Where a schedule's figures come from.
 *
 * @param seed              the source text in {@code /work/shared/seeds/} (e.g. {@code 002}), or null
 * @param act               the legal act(s) the source cites, as the source names them
 * @param amountsFromSource true when every amount and account is written in the source; false when
 *                          they are <b>configuration</b> that an operator must confirm before production
 * @param note              what was read from the source and what was assumed
 */
public record LegalSource(String seed, String act, boolean amountsFromSource, String note) {
}
