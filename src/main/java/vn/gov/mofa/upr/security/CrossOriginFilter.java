package vn.gov.mofa.upr.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a change ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) that a browser sends on behalf of a page
 * of another origin, unless it carries the session's CSRF token (the application's pages always send it). A browser
 * would send along the login it holds for this site (cookies, a remembered Basic password), so such a page could act
 * as the user. Browsers say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); scripts send neither
 * and are not affected. A sibling site ({@code same-site}, e.g. another ministry application under the same domain) is
 * another origin too.
 */
class CrossOriginFilter extends OncePerRequestFilter {

    static final String REFUSAL = "Từ chối yêu cầu thay đổi dữ liệu gửi từ một trang web khác: hãy thao tác trên chính trang của hệ thống.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ApiAuthenticationFilter.SAFE_METHODS.contains(request.getMethod()) && fromAnotherOrigin(request)
                && !ApiAuthenticationFilter.csrfTokenMatches(request)) {
            Refusal.send(response, HttpServletResponse.SC_FORBIDDEN, REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean fromAnotherOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(site) || "same-site".equals(site)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !isOwn(origin, request);
    }

    /**
     * Whether the origin is this server's address as the browser used it: scheme, host and port as the request arrived
     * or, behind a proxy, as it forwarded them ({@code server.forward-headers-strategy}). An opaque origin ("null", sent
     * by sandboxed frames and files) is never own.
     */
    private static boolean isOwn(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme();
        return scheme != null && uri.getHost() != null
                && scheme.equalsIgnoreCase(request.getScheme())
                && uri.getHost().equalsIgnoreCase(request.getServerName())
                && portOf(uri) == request.getServerPort();
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
