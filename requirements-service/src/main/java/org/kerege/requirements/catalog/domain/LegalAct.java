package org.kerege.requirements.catalog.domain;

/**
 * A citation of the legal basis.
 *
 * @param citation the act as cited in the source, e.g. "Government resolution No. 126 of 2016 …"
 * @param url      an official address when known
 */
public record LegalAct(LocalizedText citation, String url) {

    public LegalAct {
        citation = citation == null ? LocalizedText.EMPTY : citation;
    }
}
