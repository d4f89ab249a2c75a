import { loadConfig } from '../platform/config';

/** EVENTS_TRANSPORT, NATS_URL, NATS_STREAM: defaults that run without a broker, and a clear refusal of a wrong value. */
describe('registry events configuration', () => {
  it('defaults to delivery in process, with the local NATS and the REGISTRY stream for when nats is chosen', () => {
    expect(loadConfig({}).events).toEqual({ transport: 'in-process', natsUrl: 'nats://127.0.0.1:4222', stream: 'REGISTRY' });
    expect(loadConfig({ EVENTS_TRANSPORT: 'nats', NATS_URL: 'nats://nats:4222', NATS_STREAM: 'REGISTRY_2' }).events)
      .toEqual({ transport: 'nats', natsUrl: 'nats://nats:4222', stream: 'REGISTRY_2' });
  });

  it.each([
    [{ EVENTS_TRANSPORT: 'kafka' }, /EVENTS_TRANSPORT is in-process or nats, got "kafka"/],
    [{ NATS_URL: 'http://127.0.0.1:4222' }, /NATS_URL must start with nats:\/\/ or tls:\/\//],
    [{ NATS_STREAM: 'registry.events' }, /NATS_STREAM may hold only letters, digits, - and _/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
