package vn.gov.mofa.upr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.gov.mofa.upr.system.ShutdownLimit;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UprApplication {

    public static void main(String[] args) {
        var application = SpringApplication.run(UprApplication.class, args);
        ShutdownLimit.install(application.getEnvironment().getRequiredProperty("upr.shutdown-limit", java.time.Duration.class));
    }
}
