package org.pfptracker.tracker.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of the process: a shared block cache, which also holds the
 * index and filter blocks and is charged for the memtables. By default each RocksDB instance takes its
 * own cache and memtables, and the tracker has ten stores per partition: on a busy instance that is
 * gigabytes of native memory no JVM setting bounds.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Streams config key holding the budget in bytes (a {@code Long}). */
    public static final String BUDGET_CONFIG = "pfp.tracker.rocksdb.memory.bytes";
    /** Share of the budget the memtables may take. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Share of the cache kept for index and filter blocks, so reads never lose them to data blocks. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        shareBudget(configs.get(BUDGET_CONFIG) instanceof Number budget ? budget.longValue() : 1024L << 20);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    private static synchronized void shareBudget(long bytes) {
        if (cache == null) {
            cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process: never closed here.
    }
}
