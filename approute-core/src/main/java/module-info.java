/**
 * approute: Next.js App Router route handlers for Java. Route files see only {@code dev.approute};
 * everything under {@code dev.approute.internal} is the framework's own and may change.
 */
module dev.approute {
    requires java.compiler;
    // javac's Trees API, used by dev/build only; `start` loads compiled classes and runs without a compiler.
    requires static jdk.compiler;
    requires java.net.http;
    // ImageResponse draws metadata images with Java2D (headless) and encodes them with javax.imageio.
    requires transitive java.desktop;
    requires io.helidon.webserver;
    requires io.helidon.webserver.http2;
    requires io.helidon.http;
    requires io.helidon.common;
    requires io.helidon.common.buffers;
    requires io.helidon.common.uri;
    requires io.helidon.common.socket;
    requires io.helidon.service.registry;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.fileupload2.core;

    exports dev.approute;

    exports dev.approute.internal.router to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.compile to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.runtime to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.server to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.app to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.util to dev.approute.cli, dev.approute.testing;
    exports dev.approute.internal.cache to dev.approute.cli, dev.approute.testing, dev.approute.redis;
    exports dev.approute.internal.data to dev.approute.cli, dev.approute.testing;

    // Shared cache stores (approute-redis) are found by URL scheme; the core depends on no store client.
    uses dev.approute.internal.cache.CacheHandlerProvider;
    exports dev.approute.internal.config to dev.approute.cli, dev.approute.testing;
}
