package dev.grokkit.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration as plain data, so executors open the sweep directory's file
 * system (HDFS, an object store) with the same settings (Spark's own serializable configuration
 * wrapper is internal to Spark).
 */
record HadoopSettings(Map<String, String> entries) implements Serializable {

    HadoopSettings {
        entries = Map.copyOf(entries);
    }

    static HadoopSettings of(Configuration conf) {
        Map<String, String> entries = new TreeMap<>();
        conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
        return new HadoopSettings(entries);
    }

    Configuration toConfiguration() {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
