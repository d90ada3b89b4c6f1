package org.baraza.sim.internal.call;

/** {@code set name=value} and {@code export name=value} (the latter also on the other loopback leg). */
final class SetApp implements Application {
    private final boolean export;

    SetApp(boolean export) {
        this.export = export;
    }

    @Override
    public void start(AppRun run) {
        String data = run.data();
        int equals = data.indexOf('=');
        if (equals > 0) {
            String name = data.substring(0, equals);
            String value = data.substring(equals + 1);
            run.leg().channel().variable(name, value.isEmpty() ? null : value);
            Leg partner = run.leg().partner();
            if (export && partner != null) {
                partner.channel().variable(name, value.isEmpty() ? null : value);
            }
        }
        run.finish();
    }
}
