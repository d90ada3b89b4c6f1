/**
 * Who is signed in to the console and with what: browser sessions and API tokens, kept as hashes of their
 * secrets. The secrets themselves are made and checked at the HTTP edge; the stores see them only to hash them.
 */
package org.baraza.core.access;
