/** Test support for approute apps: build and serve an app on a free loopback port. */
module dev.approute.testing {
    requires transitive dev.approute;
    requires java.net.http;
    exports dev.approute.testing;
}
