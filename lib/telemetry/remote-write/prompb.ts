import { Root, type Long } from "protobufjs/light";

/**
 * Prometheus remote-write 1.0's messages (prometheus/prompb: remote.proto and
 * types.proto), declared here by reflection rather than generated: five small
 * messages do not earn a codegen step. Field numbers are prompb's. Fields this
 * receiver never reads (exemplars = 3 and histograms = 4 of a TimeSeries) are
 * left out: protobuf skips unknown fields, and still checks their framing.
 */
const root = Root.fromJSON({
  nested: {
    prometheus: {
      nested: {
        WriteRequest: {
          fields: {
            timeseries: { rule: "repeated", type: "TimeSeries", id: 1 },
            // 2 is reserved in prompb.
            metadata: { rule: "repeated", type: "MetricMetadata", id: 3 },
          },
        },
        TimeSeries: {
          fields: {
            labels: { rule: "repeated", type: "Label", id: 1 },
            samples: { rule: "repeated", type: "Sample", id: 2 },
          },
        },
        Label: { fields: { name: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
        // timestamp: milliseconds since the epoch.
        Sample: { fields: { value: { type: "double", id: 1 }, timestamp: { type: "int64", id: 2 } } },
        MetricMetadata: {
          fields: {
            type: { type: "int32", id: 1 },
            metricFamilyName: { type: "string", id: 2 },
            help: { type: "string", id: 4 },
            unit: { type: "string", id: 5 },
          },
        },
      },
    },
  },
});

export const WriteRequestType = root.lookupType("prometheus.WriteRequest");

// What the decoder hands back. int64 arrives as a Long when the `long` package
// is installed (it is, as protobufjs's dependency), else as a number.
export type PrompbLabel = { name: string; value: string };
export type PrompbSample = { value: number; timestamp: number | Long };
export type PrompbTimeSeries = { labels: PrompbLabel[]; samples: PrompbSample[] };
export type PrompbWriteRequest = { timeseries: PrompbTimeSeries[] };
