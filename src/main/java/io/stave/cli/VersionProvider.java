package io.stave.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version that Maven wrote into {@code stave.properties} at build time. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/stave.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "stave " + version(),
            "JVM: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version")
        };
    }
}
