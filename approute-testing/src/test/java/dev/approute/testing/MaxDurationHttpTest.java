package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code static final int maxDuration}: a handler past it is interrupted and its client gets a 504. */
class MaxDurationHttpTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("src/probe/State.java", """
                        package probe;
                        import java.util.concurrent.CountDownLatch;
                        public class State { public static final CountDownLatch INTERRUPTED = new CountDownLatch(1); }
                        """)
                .file("app/was-interrupted/route.java", """
                        import probe.State;
                        class Route {
                            static Response GET() throws Exception {
                                return Response.text(String.valueOf(State.INTERRUPTED.await(10, java.util.concurrent.TimeUnit.SECONDS)));
                            }
                        }
                        """)
                .file("app/sleepy/route.java", """
                        import probe.State;
                        class Route {
                            static final int maxDuration = 1;
                            static Response GET() {
                                try {
                                    Thread.sleep(60_000);
                                } catch (InterruptedException e) {
                                    State.INTERRUPTED.countDown();
                                }
                                return Response.text("woke up");
                            }
                        }
                        """)
                .file("app/spinning/route.java", """
                        class Route {
                            static final int maxDuration = 1;
                            static volatile long sink;
                            static Response GET() {
                                // Never looks at its interrupt flag: the client must still get its 504 on time.
                                long end = System.nanoTime() + 8_000_000_000L;
                                while (System.nanoTime() < end) { sink++; }
                                return Response.text("done");
                            }
                        }
                        """)
                .file("app/quick/route.java", """
                        class Route {
                            static final int maxDuration = 5;
                            static Response GET(Request request) { return Response.json(Map.of("ok", true, "query", request.nextUrl().searchParams().get("q"))); }
                            static Response POST(Request request) { return Response.text(request.text()); }
                        }
                        """)
                .file("app/endless/route.java", """
                        class Route {
                            static final int maxDuration = 1;
                            static Response GET() {
                                return Response.stream(sink -> {
                                    for (int i = 0; ; i++) {
                                        sink.send("tick " + i + "\\n");
                                        Thread.sleep(100);
                                    }
                                }, init -> init.contentType("text/plain"));
                            }
                        }
                        """)
                .file("app/short-stream/route.java", """
                        class Route {
                            static final int maxDuration = 5;
                            static Response GET() {
                                return Response.stream(sink -> { for (int i = 0; i < 3; i++) sink.send("part " + i + "\\n"); },
                                        init -> init.contentType("text/plain"));
                            }
                        }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aHandlerPastItsMaxDurationIsInterruptedAndTheClientGets504() {
        long started = System.nanoTime();
        HttpResponse<String> response = app.get("/sleepy");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("maxDuration of 1s");
        assertThat(response.headers().firstValue("cache-control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(tookMillis).as("answered at the deadline, not after the 60 s sleep").isLessThan(30_000);
        assertThat(awaitInterrupted()).as("the late handler was interrupted").isTrue();
        assertThat(String.join("\n", app.log())).contains("app/sleepy/route.java").contains("maxDuration of 1 second");
    }

    @Test
    void aHandlerThatIgnoresInterruptsStillCostsItsClientNoMoreThanTheDeadline() {
        long started = System.nanoTime();
        HttpResponse<String> response = app.get("/spinning");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(tookMillis).as("the spin runs 8 s; the client waits for the 1 s deadline only").isLessThan(6_000);
    }

    @Test
    void handlersWithinTheirDeadlineAnswerAsUsual() {
        assertThat(app.get("/quick?q=x").body()).contains("\"ok\":true").contains("\"query\":\"x\"");
        HttpResponse<String> echoed = app.request("POST", "/quick", java.util.Map.of(), "body text");
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body()).isEqualTo("body text");
        HttpResponse<String> stream = app.get("/short-stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo("part 0\npart 1\npart 2\n");
    }

    @Test
    void aStreamIsEndedAtItsMaxDuration() {
        HttpResponse<String> response = app.get("/endless");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("tick 0\ntick 1\n");
        assertThat(response.body().lines().count()).as("about 10 ticks in 1 s, then cut").isBetween(2L, 40L);
        assertThat(String.join("\n", app.log())).contains("stream was ended at the route's maxDuration of 1s");
    }

    private static boolean awaitInterrupted() {
        return app.get("/was-interrupted").body().equals("true");
    }
}
