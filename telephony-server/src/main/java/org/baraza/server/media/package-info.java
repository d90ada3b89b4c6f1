/**
 * The media library's files: uploads converted for telephony with sox ({@link org.baraza.server.media.SoxConverter})
 * and placed under the media directory FreeSWITCH plays from, registered in the catalogue all or nothing
 * ({@link org.baraza.server.media.MediaLibrary}).
 */
package org.baraza.server.media;
