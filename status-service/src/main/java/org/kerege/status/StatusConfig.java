package org.kerege.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** Settings of status-service ({@code kerege.status.*}). */
@ConfigMapping(prefix = "kerege.status")
public interface StatusConfig {

    /**
     * The zone of each country's offices, by ISO 3166 alpha-2 code (KG, KZ, MN, UZ). The country of an
     * application is the prefix of its service code ({@code kz.refugee.grant} → KZ); local dates
     * (deadlines, the talon's time) are computed in that country's zone.
     */
    Map<String, ZoneId> zones();

    Lookup lookup();

    Watch watch();

    Complaints complaints();

    interface Lookup {
        /** Failed access-code lookups allowed per application number in one window. */
        @WithDefault("5")
        int maxFailuresPerNumber();

        /** Failed access-code lookups allowed per client address in one window. */
        @WithDefault("20")
        int maxFailuresPerClient();

        /** The throttling window. */
        @WithDefault("PT15M")
        Duration window();

        /** Answers of the public lookup kept in memory (PublicStatusCache, ADR 0007). */
        Cache cache();

        interface Cache {
            /** How many applications' answers are kept at most; 0 keeps none (every lookup reads the database). */
            @WithDefault("100000")
            int maxEntries();

            /** A kept answer is dropped after this long even if no change was announced. */
            @WithDefault("PT10M")
            Duration timeToLive();
        }
    }

    interface Watch {
        /** How often the deadline watch runs (a Quarkus scheduler period, e.g. {@code 60s}). */
        @WithDefault("60s")
        String every();

        /** How many calendar days before its due date a running deadline is announced as approaching. */
        @WithDefault("3")
        int approachingDays();

        /** Deadlines handled per scheduler run and transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Complaints {
        /**
         * Time to answer a complaint. 003 refers to the Law of the Republic of Kazakhstan of 12 January
         * 2007 on considering petitions of individuals and legal entities, whose general period is 15
         * calendar days (our reading of the law; the seeds do not give the figure).
         */
        @WithDefault("P15D")
        Duration answerPeriod();

        /** Who handles complaints, printed on the complaint talon (section 25 of 003). */
        @WithDefault("Head of the territorial unit")
        String handlerName();

        @WithDefault("8(7172)715131")
        String handlerContact();
    }
}
