package org.pfptracker.simulator.history;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;

/**
 * The words of the simulated history: titles, feedback, reasons and names, built from small lists per
 * area of cooperation. No external data: a few dozen phrases combine into enough variety for a
 * dashboard to look lived-in.
 */
final class Wording {

    private static final Map<AreaOfCooperation, List<String>> TOPICS = new EnumMap<>(AreaOfCooperation.class);

    static {
        TOPICS.put(AreaOfCooperation.DEFENCE_REFORM, List.of("defence institution building",
                "human resources management in defence", "defence budgeting and financial management",
                "integrity building", "defence procurement"));
        TOPICS.put(AreaOfCooperation.DEFENCE_POLICY_AND_PLANNING, List.of("national security strategy",
                "capability-based planning", "force structure review", "defence planning methodology",
                "interoperability objectives"));
        TOPICS.put(AreaOfCooperation.CIVIL_MILITARY_RELATIONS, List.of("democratic control of armed forces",
                "parliamentary oversight of defence", "civilian expertise in defence", "women, peace and security",
                "public communication in defence"));
        TOPICS.put(AreaOfCooperation.EDUCATION_AND_TRAINING, List.of("professional military education",
                "non-commissioned officer development", "English language training", "staff officer training",
                "advanced distributed learning"));
        TOPICS.put(AreaOfCooperation.MILITARY_TO_MILITARY_COOPERATION, List.of("logistics interoperability",
                "military medicine", "command and control procedures", "military engineering",
                "search and rescue"));
        TOPICS.put(AreaOfCooperation.EXERCISES, List.of("exercise planning", "exercise evaluation",
                "crisis management procedures", "computer-assisted exercises", "lessons learned"));
        TOPICS.put(AreaOfCooperation.CIVIL_EMERGENCY_PLANNING, List.of("civil preparedness",
                "critical infrastructure protection", "CBRN incident response", "emergency communications",
                "host nation support"));
        TOPICS.put(AreaOfCooperation.DISASTER_RESPONSE, List.of("disaster response coordination", "flood response",
                "urban search and rescue", "wildfire response", "requests for international assistance"));
        TOPICS.put(AreaOfCooperation.SCIENCE_AND_ENVIRONMENT, List.of("environmental security",
                "counter-IED science", "cyber defence research", "water security", "energy security"));
        TOPICS.put(AreaOfCooperation.OTHER_DEFENCE_RELATED, List.of("border security", "counter-terrorism",
                "small arms and ammunition safety", "humanitarian demining", "cyber defence"));
    }

    private static final List<String> FORMATS = List.of("Course on", "Seminar on", "Workshop on",
            "Expert team visit on", "Staff talks on", "Conference on", "Train-the-trainer course on",
            "Table-top exercise on", "Study visit on", "Advisory mission on");

    private static final List<String> OUTCOMES = List.of("All objectives met", "Objectives largely met",
            "Objectives partly met", "Objectives met; host support rated excellent",
            "Objectives met despite late nominations");
    private static final List<String> FOLLOW_UPS = List.of("recommended for repetition next year",
            "follow-up activity proposed", "lessons shared with the national defence academy",
            "results feed the partner's partnership goals", "no follow-up planned",
            "materials to be translated for national courses");

    private static final List<String> ACTIVITY_CANCELLATIONS = List.of("Withdrawn by the partner",
            "Too few nominations", "Host unable to support the dates", "Funding not available",
            "Merged into a combined activity", "Conflicts with national exercise schedule",
            "Key experts unavailable");

    private static final List<String> EXERCISE_PREFIXES = List.of("Cooperative", "Combined", "Rapid", "Agile",
            "Steadfast", "Regional", "Allied Partner", "Joint");
    private static final List<String> EXERCISE_NOUNS = List.of("Longbow", "Lancer", "Eagle", "Trident", "Shield",
            "Endeavour", "Archer", "Bridge", "Response", "Sentinel");
    private static final List<String> EXERCISE_CANCELLATIONS = List.of("Host nation budget cut",
            "Too few participating nations", "Security situation in the exercise area",
            "Postponed by the host to the next cycle", "Exercise area unavailable");

    private static final List<String> OBJECTIVE_VERBS = List.of("Establish", "Develop", "Strengthen", "Reform",
            "Improve", "Complete a review of");

    private Wording() {
    }

    static String activityTitle(SimRandom random, AreaOfCooperation area) {
        return random.pick(FORMATS) + " " + random.pick(topics(area));
    }

    static String feedbackReport(SimRandom random, AreaOfCooperation area) {
        return random.pick(OUTCOMES) + "; " + random.between(8, 60) + " participants; "
                + random.pick(topics(area)) + ": " + random.pick(FOLLOW_UPS) + ".";
    }

    static String activityCancellation(SimRandom random) {
        return random.pick(ACTIVITY_CANCELLATIONS);
    }

    static String exerciseName(SimRandom random, int year) {
        return random.pick(EXERCISE_PREFIXES) + " " + random.pick(EXERCISE_NOUNS) + " " + year;
    }

    static String exerciseCancellation(SimRandom random) {
        return random.pick(EXERCISE_CANCELLATIONS);
    }

    static String objective(SimRandom random, AreaOfCooperation area) {
        return random.pick(OBJECTIVE_VERBS) + " " + random.pick(topics(area));
    }

    static String assessment(AssessmentRating rating, int achieved, int due) {
        String finding = due == 0 ? "No objective due yet" : achieved + " of " + due + " objectives due were achieved";
        return switch (rating) {
            case ON_TRACK -> finding + "; implementation on track, continue as planned.";
            case PARTLY_ON_TRACK -> finding + "; progress uneven, priorities to be re-sequenced.";
            case OFF_TRACK, UNKNOWN -> finding + "; implementation behind plan, objectives to be reviewed.";
        };
    }

    /** Why cooperation stopped, for the activities and exercises it cut short. */
    static String endOfCooperation(String reason) {
        return "Cooperation ended: " + reason;
    }

    private static List<String> topics(AreaOfCooperation area) {
        return TOPICS.getOrDefault(area, TOPICS.get(AreaOfCooperation.OTHER_DEFENCE_RELATED));
    }
}
