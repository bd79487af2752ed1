package org.kerege.requirements.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small, valid-by-default Kyrgyz-sourced entries for tests; each test breaks one thing. */
final class EntryBuilder {

    String code = "kg.test-service";
    String country = "KG";
    String sourceLanguage = "ky";
    LocalizedText title = text("Сынак кызматы", "Test service");
    LocalizedText authority = text("Консулдук", "Consulate");
    List<ConditionalText> whereToApply = new ArrayList<>();
    List<ConditionalText> inPersonSteps = new ArrayList<>();
    List<EligibilityRule> eligibility = new ArrayList<>();
    List<DocumentRequirement> documents = new ArrayList<>();
    ForeignDocumentRule foreignDocumentRule;
    List<TermRule> reviewWindow = new ArrayList<>(List.of(new TermRule(Condition.ALWAYS,
            Term.of(10, TermUnit.CALENDAR_DAYS, "application-accepted"))));
    LocalizedText reviewWindowUnstated = LocalizedText.EMPTY;
    List<TermRule> validity = new ArrayList<>(List.of(new TermRule(Condition.ALWAYS, Term.of(5, TermUnit.YEARS, "issue"))));
    LocalizedText validityUnstated = LocalizedText.EMPTY;
    List<Deadline> deadlines = new ArrayList<>();
    Fee fee = new Fee("kg.test-service", List.of(), false, null, null);
    Booking booking;
    List<LegalAct> legalBasis = new ArrayList<>();
    LocalDate effectiveFrom = LocalDate.of(2020, 1, 1);
    LocalDate effectiveTo;
    Repeal repeal;
    List<ConditionalText> notes = new ArrayList<>();
    Map<String, List<LocalizedText>> lists = new LinkedHashMap<>();

    static LocalizedText text(String ky, String en) {
        return LocalizedText.of("ky", ky, "en", en);
    }

    static DocumentRequirement document(String id, String condition) {
        return new DocumentRequirement(id, text("документ " + id, "document " + id), Condition.lenient(condition),
                text("себеп", "reason " + id), null, null, false, ForeignIssue.NEVER, null);
    }

    static EligibilityRule rule(String id, String condition) {
        return new EligibilityRule(id, Condition.lenient(condition), text("эреже " + id, "rule " + id));
    }

    EntryBuilder code(String code) {
        this.code = code;
        this.fee = new Fee(code, List.of(), false, null, null);
        return this;
    }

    EntryBuilder from(String from, String to) {
        this.effectiveFrom = from == null ? null : LocalDate.parse(from);
        this.effectiveTo = to == null ? null : LocalDate.parse(to);
        return this;
    }

    EntryBuilder document(DocumentRequirement d) {
        documents.add(d);
        return this;
    }

    EntryBuilder rule(EligibilityRule r) {
        eligibility.add(r);
        return this;
    }

    ServiceEntry build() {
        return new ServiceEntry(code, country, sourceLanguage, List.of("test"), title, authority, List.of(), whereToApply,
                inPersonSteps, eligibility, documents, foreignDocumentRule, reviewWindow, reviewWindowUnstated, validity,
                validityUnstated, deadlines, fee, booking, null, legalBasis, effectiveFrom, effectiveTo, repeal, notes,
                lists, List.of());
    }

    static CatalogDraft draft(ServiceEntry... entries) {
        return new CatalogDraft(1, List.of(entries), ReferenceLists.of(List.of(
                new ReferenceList("kg.bordering-states", List.of("KZ", "UZ", "TJ", "CN"), null))));
    }
}
