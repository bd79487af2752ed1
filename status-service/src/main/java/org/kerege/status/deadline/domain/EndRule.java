package org.kerege.status.deadline.domain;

/** What happens when the last day of a period falls on a day the office does not work. */
public enum EndRule {
    /**
     * The last day stays where the count puts it. Used for validity periods (a return certificate is
     * valid 30 calendar days whatever the weekday) and for periods counted in working days (they
     * never end on a non-working day anyway).
     */
    AS_COUNTED,
    /**
     * A last day that is a weekend day or a public holiday of the office's country moves to the next
     * working day. Used for an authority's duties (decide, register, notify): the general rule of the
     * Kyrgyz and Kazakh civil codes on periods ("if the last day of a period falls on a non-working
     * day, the period ends on the next working day"); the seeds do not state it, so it is our reading
     * and is kept as data per clock ({@code workflows/workflows.json}).
     */
    NEXT_WORKING_DAY
}
