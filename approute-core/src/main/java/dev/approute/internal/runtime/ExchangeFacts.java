package dev.approute.internal.runtime;

import java.util.List;
import java.util.Locale;

import dev.approute.Cookie;
import dev.approute.SearchParams;
import dev.approute.internal.config.RequestFacts;

/** An exchange seen by approute.json {@code has} / {@code missing} conditions; cookies and query parsed on first use. */
final class ExchangeFacts implements RequestFacts {
    private final Exchange exchange;
    private CookieJar cookies;
    private SearchParams query;

    ExchangeFacts(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String header(String name) {
        List<String> values = exchange.headerValues(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public String cookie(String name) {
        if (cookies == null) {
            cookies = CookieJar.parse(exchange.headerValues("cookie"));
        }
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.value();
    }

    @Override
    public String query(String name) {
        if (query == null) {
            query = SearchParams.parse(exchange.rawQuery());
        }
        return query.get(name);
    }

    @Override
    public String host() {
        return hostName(exchange);
    }

    /** The Host header's name part (lower-case, no port, IPv6 brackets kept), or "" without one. */
    static String hostName(Exchange exchange) {
        List<String> hosts = exchange.headerValues("host");
        String host = hosts.isEmpty() ? "" : hosts.getFirst();
        return withoutPort(host).toLowerCase(Locale.ROOT);
    }

    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
