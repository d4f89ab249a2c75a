import type { ApolloServerPlugin } from '@apollo/server';
import { platformVersion } from '../platform/version';

/** Every response says which version of the platform answered it (`extensions.platformVersion`). */
export function versionPlugin(): ApolloServerPlugin {
  const version = platformVersion();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') response.body.singleResult.extensions = { ...response.body.singleResult.extensions, platformVersion: version };
        },
      };
    },
  };
}
