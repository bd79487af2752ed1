package org.kerege.platform.calendar;

/**
 * A date falls in a year our calendar data does not cover (Mongolia's lunar holidays are data per
 * year). A deadline or a slot computed on a guessed calendar would be wrong, so callers answer with a
 * problem instead of guessing.
 */
public class CalendarNotKnownException extends IllegalStateException {

    private final String country;
    private final int year;

    public CalendarNotKnownException(String country, int year) {
        super("The official calendar of " + country + " for " + year
                + " is not in Kerege's calendar data yet (platform/src/main/resources/calendar/"
                + country.toLowerCase(java.util.Locale.ROOT) + ".json)");
        this.country = country;
        this.year = year;
    }

    public String country() {
        return country;
    }

    public int year() {
        return year;
    }
}
