/** The approute command line. */
module dev.approute.cli {
    requires dev.approute;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.logging;
    requires java.net.http;
    opens dev.approute.cli to info.picocli;
}
