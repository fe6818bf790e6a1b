package vn.gov.mofa.upr.system;

import org.springframework.context.annotation.Configuration;

/**
 * Names the implementations of two service lookups that otherwise scan the whole classpath (every jar of the
 * fat jar) each time they are asked, which the benchmark's profiles showed as a large share of the work:
 * jakarta.mail looks its stream provider up for every multipart message, and Camunda makes a new
 * {@code DatatypeFactory} for every cycle timer it schedules (each overdue escalation). Naming them makes each a
 * class lookup. A value set on the command line wins.
 */
@Configuration(proxyBeanMethods = false)
class ServiceProviders {

    static {
        pin("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        pin("javax.xml.datatype.DatatypeFactory", "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }

    private static void pin(String service, String implementation) {
        if (System.getProperty(service) == null) {
            System.setProperty(service, implementation);
        }
    }
}
