package org.baraza.sim.internal.call;

/** {@code transfer <extension> [<dialplan>] [<context>]}: sends the leg through the dialplan again. */
final class TransferApp implements Application {
    @Override
    public void start(AppRun run) {
        String[] words = run.data().trim().split("\\s+");
        String context = words.length > 2 ? words[2] : Dialplan.DEFAULT;
        run.switchboard().transfer(run.leg(), words[0], words.length > 1 ? words[1] : "XML", context, "bl_xfer");
    }
}
