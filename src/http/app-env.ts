import type { Principal } from '../domain/tokens-service.js';

/** Request-scoped values, typed for every handler. */
export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal;
  };
};
