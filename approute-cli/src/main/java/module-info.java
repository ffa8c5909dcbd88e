/** The approute command line. */
module dev.approute.cli {
    requires dev.approute;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    opens dev.approute.cli to info.picocli;
}
