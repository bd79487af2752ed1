package org.kerege.requirements.catalog.domain;

/** A catalog data file that cannot be read or is not well-formed JSON of the expected shape. */
public class CatalogLoadException extends RuntimeException {

    public CatalogLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
