package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dated rule set of one public service: what to bring, who is eligible, how long it takes, how long
 * the result is valid, what it costs and where to go. A service code may have several rule sets with
 * non-overlapping effective periods; {@link CatalogVersion#lookup} picks the one for a date.
 *
 * <p>Every {@link LocalizedText} has at least the source language and English (checked by
 * {@link CatalogValidator}).
 *
 * @param code                 stable service code, e.g. {@code kg.meken-card}
 * @param country              ISO 3166-1 alpha-2 of the state providing the service
 * @param sourceLanguage       language of the source text ({@code ky}, {@code mn}, {@code kk}, {@code kaa})
 * @param sources              which seed and section the entry encodes, e.g. {@code 001 §5}
 * @param title                the service's name
 * @param authority            who provides it
 * @param channels             ways to apply
 * @param whereToApply         places, conditional where the source distinguishes
 * @param inPersonSteps        what the applicant must do in person
 * @param eligibility          conditions the applicant must meet
 * @param documents            document lines
 * @param foreignDocumentRule  legalisation rule for foreign documents, or null
 * @param reviewWindow         how long the authority takes; several when it depends on the facts
 * @param reviewWindowUnstated why there is no review window (the source gives none)
 * @param validity             how long the result is valid
 * @param validityUnstated     why there is no validity
 * @param deadlines            further deadlines (holder's duties, authority's hand-over)
 * @param fee                  the fee reference
 * @param booking              visit arrangements, or null for online-only services
 * @param openingHours         office hours when a source states them, or null
 * @param legalBasis           citations
 * @param effectiveFrom        first day in force (inclusive); null = open start (undated source: in force as
 *                             far back as the catalog knows)
 * @param effectiveTo          first day no longer in force (<b>exclusive</b>); null = open-ended
 * @param repeal               set when the rule set was repealed without successor
 * @param notes                further information for the applicant
 * @param lists                named lists (refusal grounds, name-change grounds, petition form fields, photo
 *                             standard …) as in the source
 * @param assumptions          interpretations made while encoding the source (English, for maintainers)
 */
public record ServiceEntry(
        String code,
        String country,
        String sourceLanguage,
        List<String> sources,
        LocalizedText title,
        LocalizedText authority,
        List<Channel> channels,
        List<ConditionalText> whereToApply,
        List<ConditionalText> inPersonSteps,
        List<EligibilityRule> eligibility,
        List<DocumentRequirement> documents,
        ForeignDocumentRule foreignDocumentRule,
        List<TermRule> reviewWindow,
        LocalizedText reviewWindowUnstated,
        List<TermRule> validity,
        LocalizedText validityUnstated,
        List<Deadline> deadlines,
        Fee fee,
        Booking booking,
        OpeningHours openingHours,
        List<LegalAct> legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Repeal repeal,
        List<ConditionalText> notes,
        Map<String, List<LocalizedText>> lists,
        List<String> assumptions) {

    public ServiceEntry {
        sources = copy(sources);
        title = title == null ? LocalizedText.EMPTY : title;
        authority = authority == null ? LocalizedText.EMPTY : authority;
        channels = copy(channels);
        whereToApply = copy(whereToApply);
        inPersonSteps = copy(inPersonSteps);
        eligibility = copy(eligibility);
        documents = copy(documents);
        reviewWindow = copy(reviewWindow);
        reviewWindowUnstated = reviewWindowUnstated == null ? LocalizedText.EMPTY : reviewWindowUnstated;
        validity = copy(validity);
        validityUnstated = validityUnstated == null ? LocalizedText.EMPTY : validityUnstated;
        deadlines = copy(deadlines);
        legalBasis = copy(legalBasis);
        notes = copy(notes);
        Map<String, List<LocalizedText>> listCopy = new LinkedHashMap<>();
        if (lists != null) {
            lists.forEach((k, v) -> listCopy.put(k, copy(v)));
        }
        lists = java.util.Collections.unmodifiableMap(listCopy);
        assumptions = copy(assumptions);
    }

    /** True when the rule set is in force on {@code date} (from inclusive, to exclusive). */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    /** The document line with this id, if any. */
    public java.util.Optional<DocumentRequirement> document(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
