package org.pfptracker.tracker.dashboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * Turns {@code {{webjar:echarts/dist/echarts.esm.min.js}}} in a page template into the URL the tracker
 * serves that file at, {@code /webjars/echarts/5.3.1/dist/echarts.esm.min.js}: the version is read from the
 * WebJar on the class path, so a version bump in the pom is the only change, and a missing file fails the
 * start, not a browser.
 */
final class WebJarPaths {

    /** Where Javalin serves the WebJars on the class path. */
    static final String PREFIX = "/webjars/";
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{webjar:([a-zA-Z0-9._-]+)/([^}]+)}}");

    private final WebJarVersionLocator locator = new WebJarVersionLocator();

    /** The template with every WebJar reference resolved. */
    String resolve(String template, String templateName) {
        Matcher reference = REFERENCE.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String webJar = reference.group(1);
            String file = reference.group(2);
            String path = locator.path(webJar, file);
            if (path == null) {
                throw new IllegalStateException(templateName + " needs " + file + " from the WebJar '" + webJar
                        + "', which is not on the class path");
            }
            reference.appendReplacement(resolved, Matcher.quoteReplacement(PREFIX + path));
        }
        reference.appendTail(resolved);
        return resolved.toString();
    }
}
