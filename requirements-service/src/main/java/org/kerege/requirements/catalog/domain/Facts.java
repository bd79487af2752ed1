package org.kerege.requirements.catalog.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of applicant facts: every name a checklist request may contain and a catalog condition
 * may test. A catalog that tests a fact not listed here is refused at publication; a request that
 * states a fact not listed here is refused with a 4xx problem.
 *
 * <p>Facts describe the applicant (for a child: the child; for a legal entity: the entity). Absent
 * facts are <em>unknown</em>, not false: see {@link Condition} for the three-valued evaluation. A few
 * facts imply others; {@link FactsValidator} derives them (see {@code FactsValidator#deriveImpliedFacts}).
 */
public final class Facts {

    public static final String AGE = "age";
    public static final String CITIZENSHIP = "citizenship";
    public static final String COUNTRY_OF_RESIDENCE = "countryOfResidence";
    public static final String FIRST_PASSPORT = "firstPassport";
    public static final String LOST_DOCUMENT = "lostDocument";
    public static final String DOCUMENT_PROBLEM = "documentProblem";
    public static final String NAME_CHANGED = "nameChanged";
    public static final String MARITAL_STATUS = "maritalStatus";
    public static final String DOCUMENTS_ISSUED_ABROAD = "documentsIssuedAbroad";
    public static final String ABSENT_PARENT_REASON = "absentParentReason";
    public static final String ONE_PARENT_FOREIGN_CITIZEN = "oneParentForeignCitizen";
    public static final String HOME_DELIVERY = "homeDelivery";
    public static final String PERMANENT_REGISTRATION_IN_KG = "permanentRegistrationInKg";
    public static final String CATEGORY = "category";
    public static final String PROCEDURE = "procedure";
    public static final String APPLYING_AT_MISSION_ABROAD = "applyingAtMissionAbroad";
    public static final String HAS_MINOR_CHILDREN = "hasMinorChildren";
    public static final String NAME_CHANGE_GROUND = "nameChangeGround";
    public static final String MUTUAL_CONSENT_NO_DISPUTE = "mutualConsentNoDispute";
    public static final String REPRESENTATIVE_IS_GUARDIAN = "representativeIsGuardian";
    public static final String URGENT = "urgent";
    public static final String EXTENSION_YEARS = "extensionYears";
    public static final String PRIORITY_APPLICANT = "priorityApplicant";
    public static final String PASSPORT_ISSUED_ON = "passportIssuedOn";
    public static final String PROTECTION_STATUS = "protectionStatus";
    public static final String FAMILY_REUNIFICATION = "familyReunification";
    public static final String AT_BORDER_CROSSING = "atBorderCrossing";
    public static final String CHANNEL = "channel";
    public static final String APPLICANT_TYPE = "applicantType";

    private static final Facts STANDARD = new Facts(List.of(
            FactDefinition.integer(AGE, 0, 150,
                    "Age in full years of the person the document is for (for a child: the child)."),
            FactDefinition.country(CITIZENSHIP, "Citizenship, ISO 3166-1 alpha-2 (e.g. KG, KZ, DE)."),
            FactDefinition.country(COUNTRY_OF_RESIDENCE,
                    "Country where the applicant lives or is staying now, ISO 3166-1 alpha-2."),
            FactDefinition.bool(FIRST_PASSPORT,
                    "The applicant has never had this kind of passport: first issue (e.g. on turning 16) "
                            + "or a minor without a passport. Implies lostDocument = false and documentProblem = none."),
            FactDefinition.bool(LOST_DOCUMENT,
                    "The document being replaced, extended or invalidated (passport, driving licence) was lost. "
                            + "Derived from documentProblem when not given."),
            FactDefinition.oneOf(DOCUMENT_PROBLEM, List.of("none", "lost", "expired", "invalid", "damaged",
                            "data-changed", "no-pages-left", "appearance-changed", "illegally-altered",
                            "invalidated-by-court"),
                    "What is wrong with the document being replaced, extended or invalidated ('lost' is the same as "
                            + "lostDocument = true; derived from lostDocument / firstPassport when not given)."),
            FactDefinition.bool(NAME_CHANGED,
                    "Surname, given name or patronymic was changed before (a name-change certificate exists)."),
            FactDefinition.oneOf(MARITAL_STATUS, List.of("single", "married", "divorced", "widowed"),
                    "Marital status; 'widowed' means the spouse has died."),
            FactDefinition.bool(DOCUMENTS_ISSUED_ABROAD,
                    "Some of the documents to bring were issued by a foreign authority (e.g. in the USA)."),
            FactDefinition.oneOf(ABSENT_PARENT_REASON, List.of("single-parent", "deprived-of-parental-rights",
                            "deceased", "imprisoned", "wanted"),
                    "For a minor: why only one parent acts (omit when both parents act)."),
            FactDefinition.bool(ONE_PARENT_FOREIGN_CITIZEN, "One of the child's parents is a foreign citizen."),
            FactDefinition.bool(HOME_DELIVERY, "The applicant wants the passport delivered home (seed 000)."),
            FactDefinition.bool(PERMANENT_REGISTRATION_IN_KG,
                    "The applicant has a permanent registration (propiska) in the Kyrgyz Republic."),
            FactDefinition.oneOf(CATEGORY, List.of("former-citizen", "descendant-of-former-citizen",
                            "descendant-of-citizen", "born-in-kyrgyz-ssr", "descendant-of-born-in-kyrgyz-ssr"),
                    "Meken-card compatriot category (001 §5 items 1-4; item 4 split into the person born in "
                            + "the Kyrgyz SSR and their children/grandchildren)."),
            FactDefinition.oneOf(PROCEDURE, List.of("general", "simplified"),
                    "Meken-card procedure: general (60-day review) or simplified (30-day review)."),
            FactDefinition.bool(APPLYING_AT_MISSION_ABROAD,
                    "The application is filed at a Kyrgyz diplomatic mission or consulate abroad."),
            FactDefinition.bool(HAS_MINOR_CHILDREN, "The applicant has children under 18."),
            FactDefinition.integer(NAME_CHANGE_GROUND, 0, 13,
                    "Ground for a name change: 1..13 = the permitted grounds of 001 §6.5 in source order; "
                            + "0 = none of them."),
            FactDefinition.bool(MUTUAL_CONSENT_NO_DISPUTE,
                    "Both spouses want the divorce and have no dispute over property or children."),
            FactDefinition.bool(REPRESENTATIVE_IS_GUARDIAN,
                    "The child's legal representative is a guardian/custodian appointed by an authority."),
            FactDefinition.bool(URGENT, "The applicant orders the optional urgent service (Mongolia)."),
            FactDefinition.integer(EXTENSION_YEARS, 1, 5, "Mongolian passport extension period in years."),
            FactDefinition.bool(PRIORITY_APPLICANT,
                    "Elderly, disabled or pregnant applicant served at a dedicated window (Mongolia)."),
            FactDefinition.date(PASSPORT_ISSUED_ON, "Issue date of the passport concerned."),
            FactDefinition.oneOf(PROTECTION_STATUS, List.of("none", "asylum-seeker", "refugee"),
                    "Current protection status in Kazakhstan."),
            FactDefinition.bool(FAMILY_REUNIFICATION,
                    "Spouse or minor child arriving later to join a refugee or asylum seeker (family reunification)."),
            FactDefinition.bool(AT_BORDER_CROSSING, "The applicant is at a state border crossing point."),
            FactDefinition.oneOf(CHANNEL, List.of("service-centre", "my.gov.uz", "e-imzo.uz"),
                    "Channel used to apply (Uzbekistan e-key: Public Services Centre or one of the portals)."),
            FactDefinition.oneOf(APPLICANT_TYPE, List.of("individual", "legal-entity"),
                    "Whether the applicant is an individual or a legal entity.")));

    private final Map<String, FactDefinition> byName;
    private final List<FactDefinition> ordered;

    public Facts(Collection<FactDefinition> definitions) {
        Map<String, FactDefinition> map = new LinkedHashMap<>();
        for (FactDefinition d : definitions) {
            if (map.put(d.name(), d) != null) {
                throw new IllegalArgumentException("duplicate fact " + d.name());
            }
        }
        this.byName = Map.copyOf(map);
        this.ordered = List.copyOf(definitions);
    }

    /** The facts the Kerege catalog uses. */
    public static Facts standard() {
        return STANDARD;
    }

    public Optional<FactDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isKnown(String name) {
        return byName.containsKey(name);
    }

    /** All definitions in declaration order (for API documentation). */
    public List<FactDefinition> all() {
        return ordered;
    }
}
