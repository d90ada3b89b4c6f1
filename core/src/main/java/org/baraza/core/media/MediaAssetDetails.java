package org.baraza.core.media;

import java.util.Locale;
import java.util.regex.Pattern;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;

/**
 * What is known of an audio file when it is registered: where it is, what it is, and its measured
 * properties. Checked on construction with the same rules as the database.
 *
 * @param stationId       the station it belongs to, or null when every station of the network may use it
 * @param language        a language tag, or null when it has no language (music, a jingle)
 * @param filePath        where the file is, relative to Baraza's media directory: no "..", no "//"
 * @param sha256          the SHA-256 of the file's bytes in hex (upper case is accepted and lowered)
 * @param loudnessLufs    integrated loudness (EBU R128) in LUFS between -70 and 0, rounded to 0.01; null when not measured
 * @param createdByUserId who uploaded it, or null
 */
public record MediaAssetDetails(
        StationId stationId,
        String title,
        MediaKind kind,
        String language,
        String filePath,
        String sha256,
        AudioFormat format,
        int durationMs,
        int sampleRateHz,
        int channels,
        long sizeBytes,
        Double loudnessLufs,
        UserId createdByUserId) {

    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,499}");
    private static final Pattern PARENT = Pattern.compile("(^|/)\\.\\.(/|$)");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public MediaAssetDetails {
        title = Require.displayName("media title", title);
        Require.present("media kind", kind);
        if (language != null) {
            Require.languageTag("media language", language);
        }
        if (filePath == null || !RELATIVE_PATH.matcher(filePath).matches() || PARENT.matcher(filePath).find()
                || filePath.contains("//")) {
            throw new DomainException.Invalid("media file path must be relative to the media directory (letters, digits, "
                    + "_ . / -, at most 500, no \"..\" or \"//\"), got \"" + filePath + "\"");
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new DomainException.Invalid("media sha256 must be 64 hex digits, got \"" + sha256 + "\"");
        }
        Require.present("media format", format);
        if (durationMs <= 0) {
            throw new DomainException.Invalid("media duration must be positive, got " + durationMs + " ms");
        }
        Require.range("media sample rate", sampleRateHz, 8_000, 192_000);
        Require.range("media channels", channels, 1, 8);
        if (sizeBytes <= 0) {
            throw new DomainException.Invalid("media size must be positive, got " + sizeBytes + " bytes");
        }
        if (loudnessLufs != null) {
            if (loudnessLufs.isNaN() || loudnessLufs < -70 || loudnessLufs > 0) {
                throw new DomainException.Invalid("media loudness must be between -70 and 0 LUFS, got " + loudnessLufs);
            }
            // The database keeps two decimals; rounding here keeps what is stored equal to what was given.
            loudnessLufs = Math.round(loudnessLufs * 100) / 100.0;
        }
    }
}
