package org.kerege.signature.identity.domain;

/** Who a key is for (source 004: individuals pay 1 % of BHM, legal entities 7 %). */
public enum ApplicantType {
    /** A person, identified by PINFL (JShShIR). */
    INDIVIDUAL,
    /** A company, identified by TIN (STIR), represented by a person with a PINFL. */
    LEGAL_ENTITY
}
