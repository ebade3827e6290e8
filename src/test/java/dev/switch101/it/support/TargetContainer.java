package dev.switch101.it.support;

/**
 * Which container this run of the integration tests targets, as the failsafe execution sets it:
 * {@code arquillian.launch} names the arquillian.xml qualifier ({@code wildfly}, {@code tomcat}
 * for Tomcat 11, {@code tomcat10} for Tomcat 10.1) and {@code it.<qualifier>.http.port} its port.
 */
public final class TargetContainer {

    private TargetContainer() {
    }

    /** @return the arquillian.xml qualifier of the container under test */
    public static String qualifier() {
        return required("arquillian.launch");
    }

    /** @return the HTTP port the container under test listens on (127.0.0.1) */
    public static int httpPort() {
        return Integer.parseInt(required("it." + qualifier() + ".http.port"));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests through 'mvn verify'");
        }
        return value;
    }
}
