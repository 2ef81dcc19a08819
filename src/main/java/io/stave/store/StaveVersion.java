package io.stave.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of stave that writes a cache row (from {@code stave.properties}, filled in by Maven). */
final class StaveVersion {

    private static final String VERSION = load();

    private StaveVersion() {}

    static String get() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = StaveVersion.class.getResourceAsStream("/stave.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
