package org.baraza.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.Require;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaAssetDetails;
import org.baraza.core.media.MediaKind;
import org.baraza.core.media.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media library's files: an upload is converted for telephony ({@link SoxConverter}), placed under the media
 * directory where FreeSWITCH plays it from ({@code library/station-<id>/} for a station's own media,
 * {@code library/network-<id>/} for what the network shares, relative paths in the database) and registered in
 * the catalogue. All or nothing: the upload and sox's output wait in {@code .incoming/} under the media directory
 * (the same file system, so that placing the file is an atomic rename), and whatever fails (unreadable audio, the
 * same audio already in the network, the database) leaves no file and no row behind.
 *
 * <p>Thread-safe; conversions are paced by the converter.
 */
public final class MediaLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);
    private static final String INCOMING = ".incoming";
    static final String LIBRARY = "library";

    /**
     * What an upload is, apart from its bytes.
     *
     * @param station    the station it is for, or null for the network's shared media
     * @param language   a language tag, or null
     * @param uploadedBy who sent it
     */
    public record Upload(NetworkId network, StationId station, String title, MediaKind kind, String language,
                         SoxConverter.InputFormat format, UserId uploadedBy) {

        /** Checked before any byte is converted, with the catalogue's own rules. */
        public Upload {
            Require.present("media network", network);
            title = Require.displayName("media title", title);
            Require.present("media kind", kind);
            if (language != null) {
                Require.languageTag("media language", language);
            }
            Require.present("media format", format);
        }
    }

    /**
     * Writes the converted file's row: the catalogue's alone, or with whatever must be written with it in the same
     * transaction (a listener's message approved into a playlist). Its failure removes the placed file.
     */
    @FunctionalInterface
    public interface Registration<T> {
        T register(MediaAssetDetails details);
    }

    private final MediaStore store;
    private final Path root;
    private final SoxConverter converter;

    /** @param mediaDir freeswitch.media-dir: where FreeSWITCH reads Baraza's media */
    public MediaLibrary(MediaStore store, Path mediaDir, SoxConverter converter) {
        this.store = store;
        this.root = mediaDir.toAbsolutePath().normalize();
        this.converter = converter;
    }

    /**
     * Converts the upload's bytes, places the result and registers it.
     *
     * @throws DomainException.Invalid       when the bytes are empty or not audio sox can use
     * @throws DomainException.AlreadyExists when the network has the same audio already (naming it)
     * @throws SoxConverter.Unavailable      when sox cannot run here
     */
    public MediaAsset add(Upload upload, InputStream content) {
        return add(upload, content, details -> store.register(upload.network(), details));
    }

    /**
     * As {@link #add(Upload, InputStream)}, registering the converted file with {@code registration}.
     *
     * @return what the registration returns
     */
    public <T> T add(Upload upload, InputStream content, Registration<T> registration) {
        String name = UUID.randomUUID().toString();
        Path incoming = incoming();
        Path original = incoming.resolve(name + "-upload." + upload.format().soxType());
        Path converted = incoming.resolve(name + "-converted.wav");
        Path placed = null;
        try {
            if (Files.copy(content, original) == 0) {
                throw new DomainException.Invalid("the file is empty");
            }
            SoxConverter.Converted result = converter.convert(original, upload.format(), converted);
            String sha256 = sha256(converted);
            long size = Files.size(converted);
            String relative = relativePath(upload, name);
            Path target = root.resolve(relative);
            directory(target.getParent());
            placed = Files.move(converted, target, StandardCopyOption.ATOMIC_MOVE);
            if (Files.getFileStore(placed).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // FreeSWITCH, another user, must read it whatever the server's umask.
                Files.setPosixFilePermissions(placed, PosixFilePermissions.fromString("rw-r--r--"));
            }
            T registered = registration.register(new MediaAssetDetails(upload.station(), upload.title(), upload.kind(),
                    upload.language(), relative, sha256, AudioFormat.WAV, result.durationMs(), result.sampleRateHz(),
                    result.channels(), size, null, upload.uploadedBy()));
            placed = null;
            return registered;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an upload under " + root, e);
        } finally {
            delete(original);
            delete(converted);
            delete(placed);
        }
    }

    /**
     * Where uploads wait while they are read and converted, made when missing: under the media directory, so that
     * placing a converted file is a rename.
     */
    public Path incoming() {
        return directory(root.resolve(INCOMING));
    }

    /** The asset's file, when it is there (and inside the media directory). */
    public Optional<Path> file(MediaAsset asset) {
        Path file = root.resolve(asset.filePath()).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * {@code library/station-3/farming-tips-1b2c3d4e5f60.wav}: readable in a directory listing, unique by the
     * upload's random name.
     */
    private static String relativePath(Upload upload, String name) {
        String owner = upload.station() == null ? "network-" + upload.network().value() : "station-" + upload.station().value();
        String slug = upload.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
        String unique = name.replace("-", "").substring(0, 12);
        return LIBRARY + "/" + owner + "/" + (slug.isEmpty() ? "" : slug + "-") + unique + ".wav";
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Path directory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + directory + " (freeswitch.media-dir must be writable by the server)", e);
        }
    }

    /** Quietly, so that the reason the upload failed is the one reported. */
    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {} after an upload: {}", file, e.getMessage());
        }
    }
}
