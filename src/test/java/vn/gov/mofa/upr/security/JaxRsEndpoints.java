package vn.gov.mofa.upr.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every (verb, path template) a set of JAX-RS root resources answers, read the way Jersey reads them: resource
 * methods carry an HTTP-method annotation, sub-resource locators only a {@code @Path} and return the next resource;
 * annotations may sit on the class or on an interface it implements.
 */
final class JaxRsEndpoints {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class,
            PATCH.class, OPTIONS.class, HEAD.class);
    /** deeper than any Camunda resource (history/process-instance/{id}/variable-instances is 3 locators) */
    private static final int MAX_LOCATORS = 6;

    /** One endpoint; {@code consumes} is false when the method takes any content type (Jersey never answers 415). */
    record Endpoint(String verb, String template, boolean consumes) implements Comparable<Endpoint> {

        boolean writes() {
            return !verb.equals("GET") && !verb.equals("OPTIONS") && !verb.equals("HEAD");
        }

        @Override
        public int compareTo(Endpoint other) {
            return (template + " " + verb).compareTo(other.template + " " + other.verb);
        }

        @Override
        public String toString() {
            return verb + " " + template;
        }
    }

    private JaxRsEndpoints() {
    }

    static Set<Endpoint> of(Collection<Class<?>> roots) {
        Set<Endpoint> found = new TreeSet<>();
        for (Class<?> root : roots) {
            Path path = root.getAnnotation(Path.class);
            if (path != null) {
                walk(root, join("", path.value()), found, 0);
            }
        }
        return found;
    }

    private static void walk(Class<?> resource, String prefix, Set<Endpoint> found, int depth) {
        if (depth > MAX_LOCATORS) {
            throw new IllegalStateException("sub-resource locators nested too deep at " + prefix);
        }
        for (Method method : resource.getMethods()) {
            Path path = annotation(method, Path.class);
            String template = path == null ? prefix : join(prefix, path.value());
            String verb = verb(method);
            if (verb != null) {
                found.add(new Endpoint(verb, template.isEmpty() ? "/" : template, annotation(method, Consumes.class) != null
                        || resource.isAnnotationPresent(Consumes.class)));
            } else if (path != null) {
                walk(method.getReturnType(), template, found, depth + 1);
            }
        }
    }

    private static String verb(Method method) {
        return VERBS.stream().filter(verb -> annotation(method, verb) != null).map(Class::getSimpleName).findFirst().orElse(null);
    }

    /** The annotation on the method or on the method it implements in a superclass or interface. */
    private static <A extends Annotation> A annotation(Method method, Class<A> type) {
        return annotation(method.getDeclaringClass(), method, type);
    }

    private static <A extends Annotation> A annotation(Class<?> owner, Method method, Class<A> type) {
        if (owner == null) {
            return null;
        }
        try {
            A found = owner.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
            if (found != null) {
                return found;
            }
        } catch (NoSuchMethodException e) {
            // not declared here: look further up
        }
        for (Class<?> contract : owner.getInterfaces()) {
            A found = annotation(contract, method, type);
            if (found != null) {
                return found;
            }
        }
        return annotation(owner.getSuperclass(), method, type);
    }

    private static String join(String prefix, String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? prefix : prefix + "/" + trimmed;
    }
}
