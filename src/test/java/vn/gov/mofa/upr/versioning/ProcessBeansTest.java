package vn.gov.mofa.upr.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.gov.mofa.upr.ApplicationTest;

/**
 * Every bean a diagram calls — today's and every version still kept, whose definitions stay deployed in a database
 * and keep running until they are migrated — is a bean of the application: a renamed bean breaks no recommendation
 * left on an older version.
 */
@ApplicationTest
class ProcessBeansTest {

    /** {@code ${bean}} as a delegate or listener, {@code ${bean.method(...)}} anywhere in an expression. */
    static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"|\\$\\{(\\w+)\\.\\w+\\(");
    /** What an expression may call that is not a bean. */
    static final Set<String> ENGINE = Set.of("execution", "task");

    @Autowired ApplicationContext application;

    @Test
    void everyBeanTheCurrentAndTheKeptVersionsCallExists() throws IOException {
        Set<String> called = new TreeSet<>();
        List<Path> diagrams;
        try (Stream<Path> current = Files.list(Path.of("processes")); Stream<Path> kept = Files.walk(Path.of("src/test/resources/processes"))) {
            diagrams = Stream.concat(current, kept).filter(f -> f.toString().endsWith(".bpmn")).toList();
        }
        for (Path diagram : diagrams) {
            Matcher m = BEAN.matcher(Files.readString(diagram));
            while (m.find()) {
                called.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        called.removeAll(ENGINE);

        assertThat(called).as("beans the diagrams call").contains("overdueEscalation", "overdueEscalationDelegate", "deadlines")
                .allSatisfy(name -> assertThat(application.containsBean(name)).as(name).isTrue());
    }
}
