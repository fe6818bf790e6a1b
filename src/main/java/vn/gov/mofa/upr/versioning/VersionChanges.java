package vn.gov.mofa.upr.versioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The version changes kept in {@code processes/migrations/} (packaged under {@value #LOCATION}). */
@Component
class VersionChanges {

    static final String LOCATION = "classpath*:upr/processes/migrations/*.json";

    private final List<VersionChange> changes;

    VersionChanges() {
        this(LOCATION);
    }

    VersionChanges(String location) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<VersionChange> read = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = file.getInputStream()) {
                    read.add(json.readValue(in, VersionChange.class));
                } catch (IOException e) {
                    throw new IllegalStateException("Migration plan " + file.getFilename() + " cannot be read: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.changes = List.copyOf(read);
    }

    List<VersionChange> all() {
        return changes;
    }

    /**
     * The way from version {@code from} to version {@code to} of {@code process}: one written plan, or several in a row
     * (1 to 2, then 2 to 3) composed into one, so that an instance still on an old version moves in one step.
     */
    Optional<VersionChange> between(String process, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(VersionChange.sameVersion(process, from));
        }
        for (VersionChange first : changes) {
            if (first.process().equals(process) && first.from().equals(from)) {
                Optional<VersionChange> rest = between(process, first.to(), to);
                if (rest.isPresent()) {
                    return Optional.of(first.to().equals(to) ? first : first.then(rest.get()));
                }
            }
        }
        return Optional.empty();
    }
}
