package org.baraza.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests FreeSWITCH 1.10.12's mod_httapi makes for a listener's call to a station, as the benchmark sends
 * them: the recorded SIP listener's first request ({@code telephony-server/src/test/resources/freeswitch-1.10.12/
 * sip-httapi-requests.log}: a call to a station number, transferred to the httapi extension, so the number is in
 * {@code Caller-RDNIS}) with the call's own uuid and caller number, and its exiting request: the same fields,
 * the params of the last document echoed back, then {@code exiting=true}. Immutable; any thread.
 */
final class HttapiCalls {

    private static final String RECORDED_SESSION = "4a121e94-6a4f-45d1-9f9e-3ea0be1f6176";
    private static final String RECORDED_FIRST = "/httapi?session_id=" + RECORDED_SESSION
            + "&url=http%3A//127.0.0.1%3A18080/httapi&hostname=vm&Caller-Direction=inbound&Caller-Logical-Direction=inbound"
            + "&Caller-Username=sipp&Caller-Dialplan=XML&Caller-Caller-ID-Name=sipp&Caller-Caller-ID-Number=sipp"
            + "&Caller-Orig-Caller-ID-Name=sipp&Caller-Orig-Caller-ID-Number=sipp&Caller-Network-Addr=127.0.0.1"
            + "&Caller-ANI=sipp&Caller-Destination-Number=9103&Caller-Unique-ID=" + RECORDED_SESSION
            + "&Caller-Source=mod_sofia"
            + "&Caller-Transfer-Source=1795298654%3A0deaa0fe-f76b-4a7e-9260-30d985e84d1f%3Abl_xfer%3A9103/default/XML"
            + "&Caller-Context=default&Caller-RDNIS=256700100007&Caller-Channel-Name=sofia/external/sipp%40127.0.0.1%3A5095"
            + "&Caller-Profile-Index=2&Caller-Profile-Created-Time=1795298654138906"
            + "&Caller-Channel-Created-Time=1795298654138906&Caller-Channel-Answered-Time=0&Caller-Channel-Progress-Time=0"
            + "&Caller-Channel-Progress-Media-Time=0&Caller-Channel-Hangup-Time=0&Caller-Channel-Transfer-Time=0"
            + "&Caller-Channel-Resurrect-Time=0&Caller-Channel-Bridged-Time=0&Caller-Channel-Last-Hold=0"
            + "&Caller-Channel-Hold-Accum=0&Caller-Screen-Bit=true&Caller-Privacy-Hide-Name=false"
            + "&Caller-Privacy-Hide-Number=false";
    private static final Pattern PARAMS = Pattern.compile("<params>(.*?)</params>");
    private static final Pattern PARAM = Pattern.compile("<([A-Za-z0-9_]+)>([^<]*)</\\1>");

    private final List<String> stationNumbers;

    /** @param stationNumbers the numbers listeners dial, as the network delivers them (digits, no plus) */
    HttapiCalls(List<String> stationNumbers) {
        this.stationNumbers = List.copyOf(stationNumbers);
    }

    /** A caller's number for call {@code n}: a different one for every call, as call-backs are rate-limited by number. */
    static String caller(long n) {
        return "25677" + String.format("%07d", n);
    }

    /** The first request of call {@code session} from the caller of call {@code n}, to the stations in turn. */
    String first(UUID session, long n) {
        String stationNumber = stationNumbers.get((int) (n % stationNumbers.size()));
        return RECORDED_FIRST.replace(RECORDED_SESSION, session.toString()).replace("sipp", caller(n))
                .replace("Caller-RDNIS=256700100007", "Caller-RDNIS=" + stationNumber);
    }

    /** The call's last request, after the caller hung up, echoing the params of {@code lastDocument}. */
    static String exiting(String firstRequest, String lastDocument) {
        StringBuilder target = new StringBuilder(firstRequest);
        Matcher params = PARAMS.matcher(lastDocument);
        if (params.find()) {
            Matcher param = PARAM.matcher(params.group(1));
            while (param.find()) {
                target.append('&').append(param.group(1)).append('=')
                        .append(URLEncoder.encode(param.group(2), StandardCharsets.UTF_8));
            }
        }
        return target.append("&exiting=true").toString();
    }
}
