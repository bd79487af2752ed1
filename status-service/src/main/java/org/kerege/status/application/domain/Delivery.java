package org.kerege.status.application.domain;

/** How the result reaches the applicant (000): collected in person, or delivered home. */
public enum Delivery {
    PICK_UP, HOME_DELIVERY;

    public String guardName() {
        return this == PICK_UP ? "pick-up" : "home-delivery";
    }
}
