package org.baraza.fsconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Element;

/**
 * What a mod_httapi profile lets Baraza's documents do, worked out as mod_httapi 1.10 works it out
 * ({@code do_config} in {@code mod_httapi.c}) rather than as the file reads: the defaults first (params,
 * dial and conference on, the rest off), then each {@code <permission>} in order, where "all" and "none" set
 * every switch to their value, a dial-* or conference-set-profile switched on turns dial or conference on
 * too, a list's default is read from the permission element, and an unknown name is ignored. Immutable.
 *
 * @param granted     the permission switches that end up on
 * @param executeApps which applications {@code <execute>} may run
 * @param setVars     which channel variables {@code <variables>} may set
 * @param getVars     which channel variables {@code <getVariable>} may read
 * @param unknown     permission names mod_httapi would ignore
 */
record HttapiPermissions(Set<String> granted, AccessList executeApps, AccessList setVars, AccessList getVars,
                         List<String> unknown) {

    /** Every permission switch mod_httapi 1.10 knows, besides "all" and "none". */
    static final Set<String> KNOWN = Set.of("set-params", "set-vars", "get-vars", "extended-data", "execute-apps",
            "expand-vars", "dial", "dial-set-context", "dial-set-dialplan", "dial-set-cid-name",
            "dial-set-cid-number", "dial-full-originate", "conference", "conference-set-profile");

    /**
     * A list of names as {@code switch_event_check_permission_list} reads it: no list allows everything; a name
     * on the list is allowed unless its type starts with "d"; any other name gets the list's default.
     */
    record AccessList(boolean everything, boolean defaultAllow, Map<String, String> types) {

        static final AccessList NONE_GIVEN = new AccessList(true, true, Map.of());

        boolean allows(String name) {
            if (everything) {
                return true;
            }
            String type = types.get(name);
            return type == null ? defaultAllow : !type.startsWith("d");
        }

        /** The names the list itself allows (the default aside). */
        Set<String> allowedNames() {
            Set<String> names = new TreeSet<>();
            types.forEach((name, type) -> {
                if (!type.startsWith("d")) {
                    names.add(name);
                }
            });
            return names;
        }
    }

    /** The permissions of the profile element ({@code <profile name="...">}). */
    static HttapiPermissions of(Element profile) {
        Set<String> on = new LinkedHashSet<>(List.of("set-params", "conference", "dial"));
        AccessList executeApps = AccessList.NONE_GIVEN;
        AccessList setVars = AccessList.NONE_GIVEN;
        AccessList getVars = AccessList.NONE_GIVEN;
        List<String> unknown = new ArrayList<>();
        for (Element permission : ConfigFile.elements(profile, "permissions/permission")) {
            String name = permission.getAttribute("name");
            boolean value = isTrue(permission.getAttribute("value"));
            switch (name) {
                case "all", "none" -> {
                    on.clear();
                    if (value) {
                        on.addAll(KNOWN);
                    }
                }
                case "set-vars" -> setVars = list(permission, "variable-list", "variable", setVars);
                case "get-vars" -> getVars = list(permission, "variable-list", "variable", getVars);
                case "execute-apps" -> executeApps = list(permission, "application-list", "application", executeApps);
                case "dial-set-context", "dial-set-dialplan", "dial-set-cid-name", "dial-set-cid-number",
                     "dial-full-originate" -> {
                    if (value) {
                        on.add("dial");
                    }
                }
                case "conference-set-profile" -> {
                    if (value) {
                        on.add("conference");
                    }
                }
                default -> {
                    if (!KNOWN.contains(name)) {
                        unknown.add(name);
                    }
                }
            }
            if (KNOWN.contains(name)) {
                if (value) {
                    on.add(name);
                } else {
                    on.remove(name);
                }
            }
        }
        return new HttapiPermissions(Set.copyOf(on), executeApps, setVars, getVars, List.copyOf(unknown));
    }

    /** mod_httapi reads a list only when its permission is switched on, with the default from the permission. */
    private static AccessList list(Element permission, String listTag, String entryTag, AccessList before) {
        if (!isTrue(permission.getAttribute("value"))) {
            return before;
        }
        List<Element> lists = ConfigFile.elements(permission, listTag);
        if (lists.isEmpty()) {
            return before;
        }
        boolean defaultAllow = permission.getAttribute("default").equalsIgnoreCase("allow");
        Map<String, String> types = new LinkedHashMap<>();
        for (Element entry : ConfigFile.elements(lists.getFirst(), entryTag)) {
            String type = entry.getAttribute("type");
            types.put(entry.getAttribute("name"), type.isEmpty() ? (defaultAllow ? "deny" : "allow") : type);
        }
        return new AccessList(false, defaultAllow, Map.copyOf(types));
    }

    /** FreeSWITCH's switch_true. */
    private static boolean isTrue(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.matches("-?[0-9]+")) {
            return Long.parseLong(v) != 0;
        }
        return Set.of("yes", "on", "true", "t", "enabled", "active", "allow").contains(v);
    }
}
