package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic for {@code /engine-rest}, for scripts that send their credentials with each request. A request without
 * them gets a 401 with no {@code WWW-Authenticate} challenge: a browser that met one would ask for a password and then
 * send it with every request to this site, including those that a page on another site makes it send.
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        try {
            Refusal.send(response, HttpServletResponse.SC_UNAUTHORIZED, Refusal.LOGIN_REQUIRED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
