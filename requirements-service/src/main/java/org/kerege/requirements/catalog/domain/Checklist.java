package org.kerege.requirements.catalog.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to "for my situation, what must I bring, am I eligible, how long, how long valid, what
 * cost, where do I go" — every text already in one language ({@link #language()}).
 *
 * <p>Items marked {@code conditional} depend on facts the applicant did not give: they apply
 * "if {@code condition}", and {@code dependsOn} names the facts that would settle it.
 *
 * @param code              service code
 * @param language          the language the texts are in (chosen by the caller's preference and fallback)
 * @param fallbackLanguages other languages some individual texts had to fall back to (empty when none)
 * @param title             service name
 * @param authority         provider
 * @param eligible          YES, NO or UNKNOWN ("cannot tell yet")
 * @param eligibility       every eligibility rule with its outcome
 * @param missingFacts      facts the applicant did not give that would make the answer more precise
 * @param documents         documents to bring (required, or conditional)
 * @param reviewWindow      how long the authority takes
 * @param validity          how long the result is valid
 * @param deadlines         further deadlines
 * @param fee               fee reference for payments-service
 * @param whereToApply      places
 * @param inPersonSteps     what must be done in person
 * @param notes             further information
 * @param channels          ways to apply
 * @param booking           visit arrangements, or null
 * @param openingHours      office hours, or null
 * @param legalBasis        citations
 * @param effectiveFrom     first day the rule set is in force
 * @param effectiveTo       first day it is no longer in force (exclusive), or null
 * @param lists             named lists from the source (refusal grounds, …)
 */
public record Checklist(
        String code,
        String language,
        Set<String> fallbackLanguages,
        String title,
        String authority,
        Eligibility eligible,
        List<Finding> eligibility,
        Set<String> missingFacts,
        List<Document> documents,
        TermAnswer reviewWindow,
        TermAnswer validity,
        List<DeadlineItem> deadlines,
        FeeAnswer fee,
        List<Item> whereToApply,
        List<Item> inPersonSteps,
        List<Item> notes,
        List<ChannelItem> channels,
        BookingItem booking,
        Hours openingHours,
        List<String> legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Map<String, List<String>> lists) {

    public enum Eligibility { YES, NO, UNKNOWN }

    public enum Outcome { MET, NOT_MET, UNDETERMINED }

    /** The photo asked for by the first listed photo document, if any. */
    public Optional<Photo> photo() {
        return documents.stream().map(Document::photo).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The listed document with this id, if any. */
    public Optional<Document> document(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<String> documentIds() {
        return documents.stream().map(Document::id).toList();
    }

    /** Ids of documents required outright (not conditional). */
    public List<String> requiredDocumentIds() {
        return documents.stream().filter(d -> !d.conditional()).map(Document::id).toList();
    }

    /** Ids of documents required only if a missing fact turns out a certain way. */
    public List<String> conditionalDocumentIds() {
        return documents.stream().filter(Document::conditional).map(Document::id).toList();
    }

    /** One eligibility rule and how it came out. */
    public record Finding(String ruleId, Outcome outcome, String reason, String condition, Set<String> missingFacts) {
    }

    /**
     * A document to bring.
     *
     * @param conditional  true when it depends on facts not given
     * @param condition    the condition as written in the catalog
     * @param dependsOn    facts that would settle a conditional document
     * @param optional     bring it if you have it (source: "if any")
     * @param legalisation foreign-document rule that applies, or null
     */
    public record Document(String id, String name, String reason, String notes, Integer count, boolean optional,
                           boolean conditional, String condition, Set<String> dependsOn, Legalisation legalisation,
                           Photo photo) {
    }

    /** The foreign-document rule (apostille + notarised translation) as it applies to one document. */
    public record Legalisation(String note, boolean conditional, String condition) {
    }

    public record Photo(BigDecimal width, BigDecimal height, PhotoSpec.SizeUnit unit, String background, Boolean colour,
                        Boolean electronic, Integer maxAgeMonths, Integer count, List<String> standard) {
    }

    /**
     * A term answer: {@code determined} when the facts settle it; otherwise the {@code alternatives} that
     * depend on missing facts; {@code unstated} when the source gives no term.
     */
    public record TermAnswer(TermView determined, List<TermOption> alternatives, String unstated) {
    }

    public record TermView(int amount, TermUnit unit, String startsOn, String note) {
    }

    public record TermOption(String condition, Set<String> dependsOn, TermView term) {
    }

    public record DeadlineItem(String id, String description, TermView term, boolean conditional, String condition) {
    }

    /**
     * Fee reference.
     *
     * @param parameters        the facts payments-service needs, as given
     * @param missingParameters parameter facts the applicant did not give
     */
    public record FeeAnswer(String code, boolean free, Map<String, Object> parameters, Set<String> missingParameters,
                            String note, String unstated) {
    }

    public record Item(String text, boolean conditional, String condition, Set<String> dependsOn) {
    }

    public record ChannelItem(String id, String name, boolean online, String url) {
    }

    public record BookingItem(BookingPolicy policy, boolean policyFromSource, Integer minMinutes, Integer maxMinutes,
                              boolean minutesFromSource, String note) {
    }

    public record Hours(List<DayOfWeek> days, LocalTime opens, LocalTime closes, LocalTime breakStarts,
                        LocalTime breakEnds, String note) {
    }
}
