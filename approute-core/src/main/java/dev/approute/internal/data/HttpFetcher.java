package dev.approute.internal.data;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import dev.approute.FetchException;
import dev.approute.Headers;

/**
 * Sends {@link FetchRequest}s with one JDK {@link HttpClient} for the whole process (connection pools are per
 * client): redirects followed as the Web {@code fetch} does, a 10 s connect timeout, its internal work on virtual
 * threads. The calling thread blocks in {@code send}, which costs nothing on a virtual thread.
 */
final class HttpFetcher {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpFetcher() {
    }

    // Built on first use, so an app that never fetches starts no client.
    private static final class Shared {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** @throws FetchException when no response arrives (connection refused, timeout, interrupted) */
    static Fetched send(FetchRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        // h2 is negotiated by TLS (ALPN); on plain http an h2c upgrade attempt only adds a round of surprises.
        builder.version(request.uri().getScheme().equalsIgnoreCase("https") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        request.headers().forEach(builder::header);
        builder.method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<byte[]> response;
        try {
            response = Shared.CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new FetchException("Fetch " + request.describe() + " timed out after " + request.timeout().toMillis()
                    + " ms (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FetchException("Fetch " + request.describe() + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Fetch " + request.describe() + " was interrupted", e);
        }
        return new Fetched(response.statusCode(), headers(response.headers().map()), response.body());
    }

    private static Headers headers(Map<String, List<String>> map) {
        Headers.Builder headers = Headers.builder();
        map.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return headers.build();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
