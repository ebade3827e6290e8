package dev.switch101.it.jcontainer;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Tells the test, one fact a line: the class of the ServerContainer attribute; what
 * addEndpoint does now that the application has started; the class ContainerProvider gives;
 * {@link CdiProbeEndpoint}'s instances made, what was injected, instances released.
 */
@WebServlet("/it/jakarta-container")
public class ContainerProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = getServletContext().getAttribute(ServerContainer.class.getName());
        StringBuilder out = new StringBuilder();
        out.append(attribute == null ? "null" : attribute.getClass().getName()).append('\n');
        try {
            ((ServerContainer) attribute).addEndpoint(
                    ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/jakarta/too-late")
                            .configurator(new RoomConfigurator("late")).build());
            out.append("added\n");
        } catch (Exception e) {
            out.append(e.getClass().getName()).append('\n');
        }
        try {
            out.append(ContainerProvider.getWebSocketContainer().getClass().getName()).append('\n');
        } catch (RuntimeException e) {
            out.append(e).append('\n');
        }
        out.append(CdiProbeEndpoint.CONSTRUCTED.get()).append(' ').append(CdiProbeEndpoint.INJECTED.get()).append(' ')
                .append(CdiProbeEndpoint.RELEASED.get()).append('\n');
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }
}
