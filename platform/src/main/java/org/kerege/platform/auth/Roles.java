package org.kerege.platform.auth;

/** The roles of {@code contracts.md}; a token carries its role in the {@code groups} claim. */
public final class Roles {

    /** A person; the token's subject is the person's identifier. */
    public static final String CITIZEN = "citizen";
    /** An officer at a service centre; claim {@code office} = office id. */
    public static final String OFFICER = "officer";
    /** A bank's system; claim {@code bank} = bank id. */
    public static final String BANK = "bank";
    /** A partner consulate. */
    public static final String PARTNER = "partner";
    /** An administrator of reference data. */
    public static final String ADMIN = "admin";
    /** Another Kerege service (client-credentials style). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
