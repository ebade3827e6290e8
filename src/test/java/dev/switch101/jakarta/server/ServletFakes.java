package dev.switch101.jakarta.server;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;

/**
 * Just enough of a servlet context, request and response for the handshake code, as dynamic
 * proxies: each answers the methods the handshake uses and fails loudly on any other, so a
 * test cannot pass on a value nobody set.
 */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A context with attributes, no init-params, and the given class loader. */
    static ServletContext context() {
        return context(Map.of());
    }

    /** The same with these init-params. */
    static ServletContext context(Map<String, String> initParameters) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getInitParameter" -> initParameters.get((String) args[0]);
                    case "getServerInfo" -> "Fake/1.0";
                    case "getClassLoader" -> ServletFakes.class.getClassLoader();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake ServletContext";
                    default -> throw new UnsupportedOperationException("ServletContext." + method.getName());
                });
    }

    /** A valid WebSocket handshake GET for {@code path} at localhost:8080, plus {@code extra} headers. */
    static HttpServletRequest handshake(String path, String query, Map<String, List<String>> extra) {
        return handshake(path, query, extra, "HTTP/1.1");
    }

    /** The same over another protocol (the request line's, e.g. "HTTP/2.0"). */
    static HttpServletRequest handshake(String path, String query, Map<String, List<String>> extra, String protocol) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("localhost:8080"));
        headers.put("upgrade", List.of("websocket"));
        headers.put("connection", List.of("Upgrade"));
        headers.put("sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
        headers.put("sec-websocket-version", List.of("13"));
        extra.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], new String[] {kv.length > 1 ? kv[1] : ""});
            }
        }
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getProtocol" -> protocol;
                    case "isSecure" -> false;
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeaders" -> Collections.enumeration(
                            headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                    case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of())
                            .stream().findFirst().orElse(null);
                    case "getHeaderNames" -> Collections.enumeration(new ArrayList<>(headers.keySet()));
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getRequestURL" -> new StringBuffer("http://localhost:8080" + path);
                    case "getQueryString" -> query;
                    case "getParameterMap" -> parameters;
                    case "getUserPrincipal" -> null;
                    case "isUserInRole" -> "admin".equals(args[0]);
                    case "getSession" -> null;
                    case "upgrade" -> ((Class<?>) args[0]).asSubclass(HttpUpgradeHandler.class).getConstructor()
                            .newInstance();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake handshake " + path;
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + method.getName());
                });
    }

    /** A response that records its status and headers. */
    static final class RecordedResponse {
        int status;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        /** The refusal's body. */
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                ServletFakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (int) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        headers.put(((String) args[0]).toLowerCase(Locale.ROOT), new ArrayList<>(List.of((String) args[1])));
                        yield null;
                    }
                    case "addHeader" -> {
                        headers.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                                .add((String) args[1]);
                        yield null;
                    }
                    case "setContentType", "setContentLength" -> null;
                    case "getOutputStream" -> new jakarta.servlet.ServletOutputStream() {
                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(jakarta.servlet.WriteListener listener) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public void write(int b) {
                            body.write(b);
                        }
                    };
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException("HttpServletResponse." + method.getName());
                });

        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }
}
