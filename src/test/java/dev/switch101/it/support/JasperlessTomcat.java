package dev.switch101.it.support;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;

/**
 * A Tomcat context listener for the embedded test Tomcats: where Jasper is not on the class
 * path (the Tomcat 10.1 run: no tomcat-embed-jasper 10.1.59 resolves), it removes the
 * {@code jsp} servlet that the embedded adapter's defaults ({@code Tomcat.initWebappDefaults})
 * declare, so Tomcat does not try to load a class that is not there and log a SEVERE error
 * with a stack trace for it. The WAR has no JSPs. Where Jasper is present (Tomcat 11) it does
 * nothing. {@link Switch101War} adds it to the test deployment's {@code META-INF/context.xml}
 * for the Tomcat runs only.
 */
public final class JasperlessTomcat implements LifecycleListener {

    static final String JSP_SERVLET_CLASS = "org.apache.jasper.servlet.JspServlet";

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        // After ContextConfig has configured the context, before load-on-startup servlets load.
        if (!Lifecycle.CONFIGURE_START_EVENT.equals(event.getType()) || !(event.getLifecycle() instanceof Context context)) {
            return;
        }
        Container jsp = context.findChild("jsp");
        if (jsp != null && !jasperPresent()) {
            context.removeChild(jsp);
        }
    }

    private static boolean jasperPresent() {
        try {
            Class.forName(JSP_SERVLET_CLASS, false, JasperlessTomcat.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
