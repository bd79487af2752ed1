package org.kerege.requirements.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every defect of a catalog draft; a draft with any problem is refused by {@link CatalogPublisher}.
 *
 * <p>Checks, by {@link CatalogProblem.Kind}: condition syntax; facts and reference lists named in
 * conditions and fee parameters exist; operators and literals fit the fact type; every text has the
 * entry's source language and English; effective periods are well-formed and do not overlap per code;
 * a fee code, a review window and a validity are given unless the entry says why not; document ids
 * are unique; codes, countries, languages, terms and photo sizes are well-formed.
 */
public final class CatalogValidator {

    private static final String REQUIRED_LANGUAGE = "en";

    private final Facts facts;

    public CatalogValidator(Facts facts) {
        this.facts = facts;
    }

    public List<CatalogProblem> validate(CatalogDraft draft) {
        List<CatalogProblem> problems = new ArrayList<>();
        ConditionChecker checker = new ConditionChecker(facts, draft.referenceLists());
        for (ServiceEntry entry : draft.entries()) {
            new EntryCheck(entry, checker, problems).run();
        }
        checkOverlaps(draft.entries(), problems);
        return problems;
    }

    /**
     * Rule sets of one code must not overlap (effectiveTo is exclusive; a null effectiveFrom is an open
     * start: "in force as far back as the catalog knows", used for undated sources).
     */
    private static void checkOverlaps(List<ServiceEntry> entries, List<CatalogProblem> problems) {
        Map<String, List<ServiceEntry>> byCode = new LinkedHashMap<>();
        for (ServiceEntry e : entries) {
            byCode.computeIfAbsent(String.valueOf(e.code()), k -> new ArrayList<>()).add(e);
        }
        byCode.forEach((code, list) -> {
            list.sort(Comparator.comparing(ServiceEntry::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int i = 1; i < list.size(); i++) {
                ServiceEntry previous = list.get(i - 1);
                ServiceEntry current = list.get(i);
                if (current.effectiveFrom() == null || previous.effectiveTo() == null
                        || previous.effectiveTo().isAfter(current.effectiveFrom())) {
                    problems.add(new CatalogProblem(code, "effectiveFrom", CatalogProblem.Kind.OVERLAPPING_DATES,
                            "rule set from " + describe(previous.effectiveFrom()) + " to "
                                    + (previous.effectiveTo() == null ? "open end" : previous.effectiveTo())
                                    + " overlaps rule set from " + describe(current.effectiveFrom())));
                }
            }
        });
    }

    private static String describe(java.time.LocalDate from) {
        return from == null ? "open start" : from.toString();
    }

    /** The checks of one entry, with the entry's code and source language at hand. */
    private final class EntryCheck {
        private final ServiceEntry entry;
        private final ConditionChecker checker;
        private final List<CatalogProblem> problems;
        private final String code;

        EntryCheck(ServiceEntry entry, ConditionChecker checker, List<CatalogProblem> problems) {
            this.entry = entry;
            this.checker = checker;
            this.problems = problems;
            this.code = entry.code() == null ? "?" : entry.code();
        }

        void run() {
            checkIdentity();
            checkDates();
            requiredText("title", entry.title());
            requiredText("authority", entry.authority());
            for (Channel c : entry.channels()) {
                requiredText("channels[" + c.id() + "].name", c.name());
            }
            conditionalTexts("whereToApply", entry.whereToApply());
            conditionalTexts("inPersonSteps", entry.inPersonSteps());
            conditionalTexts("notes", entry.notes());
            for (EligibilityRule rule : entry.eligibility()) {
                String path = "eligibility[" + rule.id() + "]";
                condition(path + ".condition", rule.condition());
                requiredText(path + ".reason", rule.reason());
            }
            checkDocuments();
            if (entry.foreignDocumentRule() != null) {
                condition("foreignDocumentRule.condition", entry.foreignDocumentRule().condition());
                requiredText("foreignDocumentRule.note", entry.foreignDocumentRule().note());
            }
            terms("reviewWindow", entry.reviewWindow(), entry.reviewWindowUnstated(),
                    CatalogProblem.Kind.MISSING_REVIEW_WINDOW);
            terms("validity", entry.validity(), entry.validityUnstated(), CatalogProblem.Kind.MISSING_VALIDITY);
            for (Deadline d : entry.deadlines()) {
                String path = "deadlines[" + d.id() + "]";
                requiredText(path + ".description", d.description());
                condition(path + ".condition", d.condition());
                term(path + ".term", d.term());
            }
            checkFee();
            if (entry.booking() != null) {
                optionalText("booking.note", entry.booking().note());
                if (entry.booking().policy() == null) {
                    problem("booking.policy", CatalogProblem.Kind.INVALID_FIELD, "booking policy missing");
                }
            }
            if (entry.openingHours() != null) {
                optionalText("openingHours.note", entry.openingHours().note());
            }
            for (int i = 0; i < entry.legalBasis().size(); i++) {
                requiredText("legalBasis[" + i + "]", entry.legalBasis().get(i).citation());
            }
            entry.lists().forEach((name, items) -> {
                for (int i = 0; i < items.size(); i++) {
                    requiredText("lists." + name + "[" + i + "]", items.get(i));
                }
            });
        }

        private void checkIdentity() {
            if (entry.code() == null || !entry.code().matches("[a-z]{2}(\\.[a-z0-9]+(-[a-z0-9]+)*)+")) {
                problem("code", CatalogProblem.Kind.INVALID_FIELD, "code must look like 'kg.meken-card'");
            }
            if (!Countries.isIsoAlpha2(entry.country())) {
                problem("country", CatalogProblem.Kind.INVALID_FIELD, "country must be ISO 3166-1 alpha-2");
            } else if (entry.code() != null && !entry.code().startsWith(entry.country().toLowerCase() + ".")) {
                problem("code", CatalogProblem.Kind.INVALID_FIELD, "code must start with the country, lower case");
            }
            if (!LanguagePreference.SUPPORTED.contains(String.valueOf(entry.sourceLanguage()))) {
                problem("sourceLanguage", CatalogProblem.Kind.INVALID_FIELD,
                        "source language must be one of " + LanguagePreference.SUPPORTED);
            }
        }

        private void checkDates() {
            if (entry.effectiveFrom() != null && entry.effectiveTo() != null
                    && !entry.effectiveTo().isAfter(entry.effectiveFrom())) {
                problem("effectiveTo", CatalogProblem.Kind.INVALID_DATES,
                        "effectiveTo (exclusive) must be after effectiveFrom");
            }
            Repeal repeal = entry.repeal();
            if (repeal != null) {
                if (repeal.since() == null || !repeal.since().equals(entry.effectiveTo())) {
                    problem("repeal.since", CatalogProblem.Kind.INVALID_DATES,
                            "repeal.since must equal effectiveTo");
                }
                requiredText("repeal.by", repeal.by());
                optionalText("repeal.note", repeal.note());
            }
        }

        private void checkDocuments() {
            Set<String> ids = new HashSet<>();
            for (DocumentRequirement d : entry.documents()) {
                String path = "documents[" + d.id() + "]";
                if (d.id() == null || d.id().isBlank()) {
                    problem(path, CatalogProblem.Kind.INVALID_FIELD, "document id missing");
                } else if (!ids.add(d.id())) {
                    problem(path, CatalogProblem.Kind.DUPLICATE_DOCUMENT_ID, "duplicate document id '" + d.id() + "'");
                }
                requiredText(path + ".name", d.name());
                requiredText(path + ".reason", d.reason());
                optionalText(path + ".notes", d.notes());
                condition(path + ".condition", d.condition());
                if (d.count() != null && d.count() < 1) {
                    problem(path + ".count", CatalogProblem.Kind.INVALID_FIELD, "count must be positive");
                }
                if (d.issuedAbroad() != ForeignIssue.NEVER && entry.foreignDocumentRule() == null) {
                    problem(path + ".issuedAbroad", CatalogProblem.Kind.INVALID_FIELD,
                            "document may be foreign but the entry has no foreignDocumentRule");
                }
                PhotoSpec photo = d.photo();
                if (photo != null) {
                    if (photo.unit() == null || photo.width() == null || photo.height() == null
                            || photo.width().signum() <= 0 || photo.height().signum() <= 0) {
                        problem(path + ".photo", CatalogProblem.Kind.INVALID_FIELD,
                                "photo needs a positive width, height and a unit");
                    }
                    for (int i = 0; i < photo.standard().size(); i++) {
                        requiredText(path + ".photo.standard[" + i + "]", photo.standard().get(i));
                    }
                }
            }
        }

        private void checkFee() {
            Fee fee = entry.fee();
            if (fee == null || ((fee.code() == null || fee.code().isBlank()) && fee.unstated().isEmpty())) {
                problem("fee.code", CatalogProblem.Kind.MISSING_FEE_CODE,
                        "a fee code is required (or fee.unstated explaining that the source states no fee)");
                return;
            }
            if (fee.code() != null && !fee.code().matches("[a-z]{2}(\\.[a-z0-9]+(-[a-z0-9]+)*)+")) {
                problem("fee.code", CatalogProblem.Kind.INVALID_FIELD, "fee code must look like 'mn.passport.new'");
            }
            for (String parameter : fee.parameters()) {
                if (!facts.isKnown(parameter)) {
                    problem("fee.parameters", CatalogProblem.Kind.UNKNOWN_FACT, "unknown fact '" + parameter + "'");
                }
            }
            optionalText("fee.note", fee.note());
            optionalText("fee.unstated", fee.unstated());
        }

        private void terms(String path, List<TermRule> rules, LocalizedText unstated, CatalogProblem.Kind missing) {
            if (rules.isEmpty() && unstated.isEmpty()) {
                problem(path, missing, path + " is required (or " + path + "Unstated explaining why not)");
            }
            optionalText(path + "Unstated", unstated);
            for (int i = 0; i < rules.size(); i++) {
                condition(path + "[" + i + "].condition", rules.get(i).condition());
                term(path + "[" + i + "].term", rules.get(i).term());
            }
        }

        private void term(String path, Term term) {
            if (term == null || term.amount() < 1 || term.unit() == null || term.startsOn() == null
                    || term.startsOn().isBlank()) {
                problem(path, CatalogProblem.Kind.INVALID_FIELD, "a term needs a positive amount, a unit and startsOn");
                return;
            }
            optionalText(path + ".note", term.note());
        }

        private void conditionalTexts(String path, List<ConditionalText> texts) {
            for (int i = 0; i < texts.size(); i++) {
                condition(path + "[" + i + "].condition", texts.get(i).condition());
                requiredText(path + "[" + i + "].text", texts.get(i).text());
            }
        }

        private void condition(String path, Condition condition) {
            if (!condition.isValid()) {
                problem(path, CatalogProblem.Kind.CONDITION_SYNTAX, condition.error().getMessage());
                return;
            }
            for (ConditionChecker.Finding f : checker.check(condition.expr())) {
                CatalogProblem.Kind kind = f.unknownFact() ? CatalogProblem.Kind.UNKNOWN_FACT
                        : f.unknownList() ? CatalogProblem.Kind.UNKNOWN_REFERENCE_LIST : CatalogProblem.Kind.CONDITION_TYPE;
                problem(path, kind, f.message() + " in '" + condition.source() + "'");
            }
        }

        /** A text that must exist, in the source language and English. */
        private void requiredText(String path, LocalizedText text) {
            if (text == null || text.isEmpty()) {
                problem(path, CatalogProblem.Kind.MISSING_TEXT, "text missing");
                return;
            }
            optionalText(path, text);
        }

        /** A text that may be absent, but when present has the source language and English. */
        private void optionalText(String path, LocalizedText text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            for (String language : List.of(String.valueOf(entry.sourceLanguage()), REQUIRED_LANGUAGE)) {
                if (!text.has(language)) {
                    problem(path, CatalogProblem.Kind.MISSING_TEXT, "no '" + language + "' text");
                }
            }
            for (String language : text.texts().keySet()) {
                if (!LanguagePreference.SUPPORTED.contains(language)) {
                    problem(path, CatalogProblem.Kind.INVALID_FIELD, "unsupported language '" + language + "'");
                }
            }
        }

        private void problem(String path, CatalogProblem.Kind kind, String message) {
            problems.add(new CatalogProblem(code, path, kind, message));
        }
    }
}
