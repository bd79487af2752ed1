package org.kerege.platform.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country's official calendar: which days are days off (weekends, public holidays, government-moved
 * days off) and which are working days. Kyrgyzstan, Kazakhstan and Uzbekistan start from jollyday's
 * rules, corrected by our data file; Mongolia's calendar, whose main holidays follow the lunar
 * calendar, is entirely our data, year by year.
 *
 * <p>The data lives in {@code calendar/<cc>.json} with the legal source of every entry. This class
 * only answers questions about dates; when a term starts and whether it moves off a day off are the
 * rules of whoever computes a deadline.
 *
 * <p>Thread-safe; instances are cached per country.
 */
public final class WorkingCalendar {

    private static final Map<String, WorkingCalendar> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> COUNTRIES = Set.of("KG", "KZ", "MN", "UZ");

    private final CalendarData data;
    private final HolidayManager jollyday;
    private final Map<Integer, Map<LocalDate, String>> daysOffByYear = new ConcurrentHashMap<>();

    private WorkingCalendar(CalendarData data) {
        this.data = data;
        this.jollyday = data.useJollyday()
                ? HolidayManager.getInstance(ManagerParameters.create(data.country().toLowerCase(Locale.ROOT)))
                : null;
    }

    /**
     * The calendar of a country.
     *
     * @param countryIso2 {@code KG}, {@code KZ}, {@code MN} or {@code UZ} (case-insensitive)
     * @throws IllegalArgumentException for any other country
     */
    public static WorkingCalendar of(String countryIso2) {
        String country = countryIso2 == null ? "" : countryIso2.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("No official calendar for country '" + countryIso2
                    + "'; known: " + new java.util.TreeSet<>(COUNTRIES));
        }
        return CACHE.computeIfAbsent(country, c -> new WorkingCalendar(load(c)));
    }

    private static CalendarData load(String country) {
        String path = "calendar/" + country.toLowerCase(Locale.ROOT) + ".json";
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the platform jar");
            }
            CalendarData data = json.readValue(in, CalendarData.class);
            if (!country.equals(data.country())) {
                throw new IllegalStateException(path + " says country " + data.country());
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** ISO 3166 alpha-2 code. */
    public String country() {
        return data.country();
    }

    /**
     * Whether a date is a working day: not a weekend day unless a decree made it one, not a public
     * holiday, not a moved day off.
     *
     * @throws CalendarNotKnownException when the data does not cover the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        Map<LocalDate, String> daysOff = daysOff(date.getYear());
        if (daysOff.containsKey(date)) {
            return false;
        }
        if (data.weekend().contains(date.getDayOfWeek())) {
            return data.workingDays().stream().anyMatch(w -> w.date().equals(date));
        }
        return true;
    }

    /**
     * The English name of the public holiday or moved day off on a date, if it is one.
     *
     * @throws CalendarNotKnownException when the data does not cover the date's year
     */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(daysOff(date.getYear()).get(date));
    }

    /** All holidays and moved days off of a year, by date. */
    public Map<LocalDate, String> holidays(int year) {
        return Collections.unmodifiableMap(daysOff(year));
    }

    /**
     * Whether the data of a year includes provisional dates (e.g. a lunar holiday the government has
     * not yet confirmed).
     */
    public boolean isProvisional(int year) {
        requireCovered(year);
        return data.provisionalYears().contains(year) || data.dated().stream()
                .anyMatch(d -> d.date().getYear() == year && Boolean.FALSE.equals(d.confirmed()));
    }

    /**
     * The n-th working day after {@code start}; {@code start} itself never counts. {@code n == 0}
     * gives {@code start}.
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The date itself when it is a working day, else the next working day. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Working days in {@code (startExclusive, endInclusive]}; 0 when end is not after start. */
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        int count = 0;
        for (LocalDate d = startExclusive.plusDays(1); !d.isAfter(endInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private void requireCovered(int year) {
        if (data.coveredYears() != null && !data.coveredYears().contains(year)) {
            throw new CalendarNotKnownException(data.country(), year);
        }
    }

    private Map<LocalDate, String> daysOff(int year) {
        requireCovered(year);
        return daysOffByYear.computeIfAbsent(year, this::computeDaysOff);
    }

    private Map<LocalDate, String> computeDaysOff(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        if (jollyday != null) {
            for (Holiday h : jollyday.getHolidays(Year.of(year))) {
                String name = h.getDescription(Locale.ENGLISH);
                if (h.getType() == HolidayType.PUBLIC_HOLIDAY && !data.removedFromJollyday().contains(name)
                        && h.getDate().getYear() == year) {
                    holidays.put(h.getDate(), name);
                }
            }
        }
        for (CalendarData.Fixed f : data.fixed()) {
            if (f.inForce(year)) {
                holidays.put(LocalDate.of(year, f.month(), f.day()), f.name());
            }
        }
        if (data.weekendShift() != null && data.weekendShift().enabled()) {
            Map<LocalDate, String> moved = new TreeMap<>();
            for (Map.Entry<LocalDate, String> h : holidays.entrySet()) {
                if (data.weekend().contains(h.getKey().getDayOfWeek())
                        && data.weekendShift().except().stream().noneMatch(h.getValue()::contains)) {
                    LocalDate next = h.getKey().plusDays(1);
                    while (data.weekend().contains(next.getDayOfWeek()) || holidays.containsKey(next)
                            || moved.containsKey(next)) {
                        next = next.plusDays(1);
                    }
                    moved.put(next, "Day off moved from " + h.getValue());
                }
            }
            moved.forEach(holidays::putIfAbsent);
        }
        for (CalendarData.Dated d : data.dated()) {
            if (d.date().getYear() == year) {
                holidays.put(d.date(), d.name());
            }
        }
        for (CalendarData.Dated w : data.workingDays()) {
            holidays.remove(w.date());
        }
        return holidays;
    }
}
