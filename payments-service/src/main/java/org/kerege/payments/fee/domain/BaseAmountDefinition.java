package org.kerege.payments.fee.domain;

/**
 * A statutory base amount that fees are computed from and that changes by decree (its dated values
 * are reference data in the database, not in the fee file).
 *
 * @param code     e.g. {@code uz.bhm}
 * @param currency ISO 4217 code of its values
 * @param title    in English
 */
public record BaseAmountDefinition(String code, String currency, String title) {
}
