package org.kerege.appointments;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of appointments-service ({@code kerege.appointments.*}). */
@ConfigMapping(prefix = "kerege.appointments")
public interface AppointmentsConfig {

    Booking booking();

    CheckIn checkIn();

    RateLimit rateLimit();

    Jobs jobs();

    Queue queue();

    interface Booking {
        /** How long a place is held before the booking must be confirmed. */
        @WithDefault("PT5M")
        Duration hold();

        /** Slot length when neither the office nor the catalog gives one. */
        @WithDefault("20")
        int defaultSlotMinutes();

        /** How far ahead (days, office-local) slots are listed and booked. */
        @WithDefault("60")
        int horizonDays();

        /** Longest slot listing (days) one request may ask for. */
        @WithDefault("31")
        int maxRangeDays();

        /** Default quota when the office sets none: at most this many bookings ... (0 = no default quota). */
        @WithDefault("0")
        int defaultQuotaMaxBookings();

        /** ... in this many days. */
        @WithDefault("10")
        int defaultQuotaWindowDays();
    }

    interface CheckIn {
        /** A booked visitor may check in this long before the slot's start. */
        @WithDefault("PT1H")
        Duration early();

        /** ... and until this long after it (one postponement of 15 minutes); later it is a no-show. */
        @WithDefault("PT15M")
        Duration grace();
    }

    interface RateLimit {
        /** Whether booking requests are counted per person. */
        @WithDefault("true")
        boolean enabled();

        /** Booking requests (create, reschedule) a person may make per minute, across all instances. */
        @WithDefault("10")
        int perMinute();
    }

    interface Jobs {
        /** How often expired holds are released and no-shows recorded (every instance runs it; SKIP LOCKED shares the rows). */
        @WithDefault("30s")
        String every();

        /** Rows handled per round. */
        @WithDefault("500")
        int batchSize();
    }

    interface Queue {
        /** Minutes of service per client ahead (source 003: 15 to 30) — the upper bound is the wait target. */
        @WithDefault("30")
        int targetMaxMinutesPerClient();

        /** The lower bound of the same range, shown with the statistics. */
        @WithDefault("15")
        int targetMinMinutesPerClient();
    }
}
