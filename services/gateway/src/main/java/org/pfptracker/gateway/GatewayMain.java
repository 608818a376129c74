package org.pfptracker.gateway;

import org.pfptracker.core.lifecycle.ServiceMain;

/**
 * Runs one gateway as its own process, configured by {@code PFP_*} environment variables, {@code -Dpfp.*}
 * properties, or a properties file given as the only argument: the entry point of the gateway's runtime
 * ({@code pfp-gateway.jar}), which carries no broker. {@code pfp gateway} runs the same service.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceMain.run("gateway", args, GatewayService::start);
    }
}
