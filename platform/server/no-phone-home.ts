import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * The platform runs on an intranet: no dependency may call out. `@apollo/gateway` 2.x starts an
 * OpenTelemetry exporter that posts to Apollo's endpoint, and cloud resource detectors that probe
 * metadata addresses, unless APOLLO_TELEMETRY_DISABLED is set when a gateway is constructed; and
 * Apollo Server installs usage and schema reporting when it finds APOLLO_KEY in the environment.
 * Call this before constructing either; spread the plugins into every Apollo Server.
 */
export function noPhoneHome() {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
