package org.baraza.core.call;

import java.util.List;

/** A call with its legs, in the order they were created. */
public record CallDetail(Call call, List<Leg> legs) {
    public CallDetail {
        legs = List.copyOf(legs);
    }
}
