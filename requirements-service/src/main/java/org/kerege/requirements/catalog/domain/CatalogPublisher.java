package org.kerege.requirements.catalog.domain;

import java.time.Instant;

/** Turns a draft into a numbered {@link CatalogVersion}, refusing any draft that fails validation. */
public final class CatalogPublisher {

    private final CatalogValidator validator;

    public CatalogPublisher(CatalogValidator validator) {
        this.validator = validator;
    }

    public static CatalogPublisher standard() {
        return new CatalogPublisher(new CatalogValidator(Facts.standard()));
    }

    /**
     * Publishes {@code draft} as the version number it declares.
     *
     * @param previous the latest published version, or null for the first; the draft's number must be greater
     * @throws CatalogRejectedException when validation finds any problem or the number does not increase
     */
    public CatalogVersion publish(CatalogDraft draft, CatalogVersion previous, Instant publishedAt) {
        var problems = new java.util.ArrayList<>(validator.validate(draft));
        if (draft.version() < 1 || (previous != null && draft.version() <= previous.number())) {
            problems.add(new CatalogProblem("*", "version", CatalogProblem.Kind.INVALID_FIELD,
                    "version " + draft.version() + " must be >= 1 and greater than the published "
                            + (previous == null ? "none" : previous.number())));
        }
        if (!problems.isEmpty()) {
            throw new CatalogRejectedException(problems);
        }
        return new CatalogVersion(draft.version(), publishedAt, draft.entries(), draft.referenceLists());
    }
}
