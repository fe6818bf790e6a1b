package vn.gov.mofa.upr.versioning;

import java.util.Map;

/**
 * How the running instances of one process move from one version to the next, as written in a file of
 * {@code processes/migrations/} and reviewed like the BPMN beside it. Versions are the processes'
 * {@code camunda:versionTag}; a definition deployed before the tags were introduced is version {@value #UNTAGGED}.
 * Every activity keeps its place when its id is the same in both versions; {@code activities} maps the ones whose id
 * changed (source id to target id). Timers and message subscriptions keep what they had: a reminder stays due when it
 * was due, and nothing is sent again.
 *
 * @param change     what the new version changes, in Vietnamese, for the administrator's report
 * @param alsoStart  work the new version does at once where the old one waited: an instance waiting at the key also
 *                   starts before the value after the move (listeners run: the agency is told of its new task)
 */
record VersionChange(String process, String from, String to, String change, Map<String, String> activities,
        Map<String, String> alsoStart) {

    /** The version of a definition deployed without a {@code camunda:versionTag}. */
    static final String UNTAGGED = "1";

    VersionChange {
        activities = activities == null ? Map.of() : Map.copyOf(activities);
        alsoStart = alsoStart == null ? Map.of() : Map.copyOf(alsoStart);
    }

    /** Between two deployments of the same version (a form or another process changed): every activity stays. */
    static VersionChange sameVersion(String process, String version) {
        return new VersionChange(process, version, version,
                "Cùng phiên bản quy trình (chỉ biểu mẫu hoặc tài nguyên khác thay đổi): mọi bước giữ nguyên", Map.of(),
                Map.of());
    }

    /** This change followed by {@code next}: steps renamed twice land at their last name, work started is started. */
    VersionChange then(VersionChange next) {
        Map<String, String> moved = new java.util.HashMap<>(next.activities());
        activities.forEach((source, target) -> moved.put(source, next.activities().getOrDefault(target, target)));
        Map<String, String> started = new java.util.HashMap<>(next.alsoStart());
        alsoStart.forEach((waiting, start) -> started.put(waiting, next.activities().getOrDefault(start, start)));
        return new VersionChange(process, from, next.to(), change + " Tiếp theo (" + next.from() + " → " + next.to()
                + "): " + next.change(), moved, started);
    }

    static String versionOf(String versionTag) {
        return versionTag == null || versionTag.isBlank() ? UNTAGGED : versionTag;
    }
}
