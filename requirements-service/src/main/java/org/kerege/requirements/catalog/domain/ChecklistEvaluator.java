package org.kerege.requirements.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates one rule set against an applicant's facts and produces the {@link Checklist}.
 *
 * <p>Semantics (three-valued, see {@link Tri}):
 * <ul>
 *   <li>documents, places, steps, notes, deadlines: TRUE → listed; FALSE → left out; UNKNOWN → listed as
 *       conditional, with the condition and the facts it depends on;</li>
 *   <li>eligibility: any rule FALSE → NO (with that rule's reason); else any UNKNOWN → UNKNOWN, naming the
 *       facts still needed; else YES;</li>
 *   <li>review window and validity: the first rule that is TRUE decides; otherwise the UNKNOWN ones are
 *       offered as alternatives;</li>
 *   <li>foreign-document rule: attached to documents marked ALWAYS, and to those marked POSSIBLE when its
 *       condition is TRUE (conditionally when UNKNOWN).</li>
 * </ul>
 */
public final class ChecklistEvaluator {

    private final ReferenceLists lists;

    public ChecklistEvaluator(ReferenceLists lists) {
        this.lists = lists;
    }

    public Checklist evaluate(ServiceEntry entry, ApplicantFacts facts, LanguagePreference languages) {
        return new Run(entry, facts, languages).checklist();
    }

    /** State of one evaluation: the entry, the facts, and the text resolution. */
    private final class Run {
        private final ServiceEntry entry;
        private final ApplicantFacts facts;
        private final List<String> requested;
        private final String language;
        private final Set<String> fallbackLanguages = new TreeSet<>();
        private final Set<String> missingFacts = new TreeSet<>();

        Run(ServiceEntry entry, ApplicantFacts facts, LanguagePreference languages) {
            this.entry = entry;
            this.facts = facts;
            this.requested = languages.languages();
            this.language = entry.title().resolve(requested, entry.sourceLanguage()).language();
        }

        Checklist checklist() {
            List<Checklist.Finding> findings = eligibility();
            return new Checklist(
                    entry.code(),
                    language,
                    fallbackLanguages,
                    text(entry.title()),
                    text(entry.authority()),
                    overall(findings),
                    findings,
                    missingFacts,
                    documents(),
                    terms(entry.reviewWindow(), entry.reviewWindowUnstated()),
                    terms(entry.validity(), entry.validityUnstated()),
                    deadlines(),
                    fee(),
                    items(entry.whereToApply()),
                    items(entry.inPersonSteps()),
                    items(entry.notes()),
                    entry.channels().stream()
                            .map(c -> new Checklist.ChannelItem(c.id(), text(c.name()), c.online(), c.url())).toList(),
                    booking(),
                    hours(),
                    entry.legalBasis().stream().map(a -> text(a.citation())).toList(),
                    entry.effectiveFrom(),
                    entry.effectiveTo(),
                    lists());
        }

        private List<Checklist.Finding> eligibility() {
            List<Checklist.Finding> findings = new ArrayList<>();
            for (EligibilityRule rule : entry.eligibility()) {
                Tri result = evaluate(rule.condition());
                Checklist.Outcome outcome = switch (result) {
                    case TRUE -> Checklist.Outcome.MET;
                    case FALSE -> Checklist.Outcome.NOT_MET;
                    case UNKNOWN -> Checklist.Outcome.UNDETERMINED;
                };
                Set<String> missing = result == Tri.UNKNOWN ? rule.condition().missingFacts(facts) : Set.of();
                findings.add(new Checklist.Finding(rule.id(), outcome, text(rule.reason()),
                        rule.condition().source(), missing));
            }
            return findings;
        }

        private Checklist.Eligibility overall(List<Checklist.Finding> findings) {
            if (findings.stream().anyMatch(f -> f.outcome() == Checklist.Outcome.NOT_MET)) {
                return Checklist.Eligibility.NO;
            }
            if (findings.stream().anyMatch(f -> f.outcome() == Checklist.Outcome.UNDETERMINED)) {
                return Checklist.Eligibility.UNKNOWN;
            }
            return Checklist.Eligibility.YES;
        }

        private List<Checklist.Document> documents() {
            List<Checklist.Document> out = new ArrayList<>();
            for (DocumentRequirement d : entry.documents()) {
                Tri applies = evaluate(d.condition());
                if (applies == Tri.FALSE) {
                    continue;
                }
                boolean conditional = applies == Tri.UNKNOWN;
                out.add(new Checklist.Document(d.id(), text(d.name()), text(d.reason()), textOrNull(d.notes()),
                        d.count(), d.optional(), conditional, d.condition().source(),
                        conditional ? d.condition().missingFacts(facts) : Set.of(),
                        legalisation(d), photo(d)));
            }
            return out;
        }

        private Checklist.Legalisation legalisation(DocumentRequirement d) {
            ForeignDocumentRule rule = entry.foreignDocumentRule();
            if (rule == null || d.issuedAbroad() == ForeignIssue.NEVER) {
                return null;
            }
            if (d.issuedAbroad() == ForeignIssue.ALWAYS) {
                return new Checklist.Legalisation(text(rule.note()), false, null);
            }
            return switch (evaluate(rule.condition())) {
                case TRUE -> new Checklist.Legalisation(text(rule.note()), false, null);
                case UNKNOWN -> new Checklist.Legalisation(text(rule.note()), true, rule.condition().source());
                case FALSE -> null;
            };
        }

        private Checklist.Photo photo(DocumentRequirement d) {
            PhotoSpec p = d.photo();
            if (p == null) {
                return null;
            }
            return new Checklist.Photo(p.width(), p.height(), p.unit(), p.background(), p.colour(), p.electronic(),
                    p.maxAgeMonths(), d.count(), p.standard().stream().map(this::text).toList());
        }

        private Checklist.TermAnswer terms(List<TermRule> rules, LocalizedText unstated) {
            List<Checklist.TermOption> alternatives = new ArrayList<>();
            for (TermRule rule : rules) {
                Tri holds = evaluate(rule.condition());
                if (holds == Tri.TRUE) {
                    return new Checklist.TermAnswer(view(rule.term()), List.of(), null);
                }
                if (holds == Tri.UNKNOWN) {
                    alternatives.add(new Checklist.TermOption(rule.condition().source(),
                            rule.condition().missingFacts(facts), view(rule.term())));
                }
            }
            return new Checklist.TermAnswer(null, alternatives, textOrNull(unstated));
        }

        private Checklist.TermView view(Term term) {
            return new Checklist.TermView(term.amount(), term.unit(), term.startsOn(), textOrNull(term.note()));
        }

        private List<Checklist.DeadlineItem> deadlines() {
            List<Checklist.DeadlineItem> out = new ArrayList<>();
            for (Deadline d : entry.deadlines()) {
                Tri applies = evaluate(d.condition());
                if (applies != Tri.FALSE) {
                    out.add(new Checklist.DeadlineItem(d.id(), text(d.description()), view(d.term()),
                            applies == Tri.UNKNOWN, d.condition().source()));
                }
            }
            return out;
        }

        private Checklist.FeeAnswer fee() {
            Fee fee = entry.fee();
            Map<String, Object> parameters = new LinkedHashMap<>();
            Set<String> missing = new LinkedHashSet<>();
            for (String name : fee.parameters()) {
                facts.get(name).ifPresentOrElse(v -> parameters.put(name, v), () -> missing.add(name));
            }
            missingFacts.addAll(missing);
            return new Checklist.FeeAnswer(fee.code(), fee.free(), parameters, missing, textOrNull(fee.note()),
                    textOrNull(fee.unstated()));
        }

        private List<Checklist.Item> items(List<ConditionalText> texts) {
            List<Checklist.Item> out = new ArrayList<>();
            for (ConditionalText t : texts) {
                Tri applies = evaluate(t.condition());
                if (applies != Tri.FALSE) {
                    boolean conditional = applies == Tri.UNKNOWN;
                    out.add(new Checklist.Item(text(t.text()), conditional,
                            t.condition().isAlways() ? null : t.condition().source(),
                            conditional ? t.condition().missingFacts(facts) : Set.of()));
                }
            }
            return out;
        }

        private Checklist.BookingItem booking() {
            Booking b = entry.booking();
            return b == null ? null : new Checklist.BookingItem(b.policy(), b.policyFromSource(), b.minMinutes(),
                    b.maxMinutes(), b.minutesFromSource(), textOrNull(b.note()));
        }

        private Checklist.Hours hours() {
            OpeningHours h = entry.openingHours();
            return h == null ? null : new Checklist.Hours(h.days(), h.opens(), h.closes(), h.breakStarts(),
                    h.breakEnds(), textOrNull(h.note()));
        }

        private Map<String, List<String>> lists() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            entry.lists().forEach((name, items) -> out.put(name, items.stream().map(this::text).toList()));
            return out;
        }

        /** Evaluates and remembers the facts that kept a condition undecided. */
        private Tri evaluate(Condition condition) {
            Tri result = condition.evaluate(facts, lists);
            if (result == Tri.UNKNOWN) {
                missingFacts.addAll(condition.missingFacts(facts));
            }
            return result;
        }

        private String text(LocalizedText text) {
            LocalizedText.ResolvedText resolved = text.resolve(requested, entry.sourceLanguage());
            if (resolved.language() != null && !resolved.language().equals(language)) {
                fallbackLanguages.add(resolved.language());
            }
            return resolved.text();
        }

        private String textOrNull(LocalizedText text) {
            return text.isEmpty() ? null : text(text);
        }
    }
}
