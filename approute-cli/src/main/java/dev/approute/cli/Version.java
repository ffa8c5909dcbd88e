package dev.approute.cli;

import picocli.CommandLine;

final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"approute " + (version == null ? "dev" : version) + " (Java " + Runtime.version() + ")"};
    }
}
