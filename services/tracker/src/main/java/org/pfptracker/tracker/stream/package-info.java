/**
 * The live change stream ({@code GET /api/v1/stream}): every instance reads the changelogs of the partner
 * stores from all partitions and tells each connected page, through server-sent events, which partners
 * changed; the page then re-reads them through the public query API.
 */
package org.pfptracker.tracker.stream;
