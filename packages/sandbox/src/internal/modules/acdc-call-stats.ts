import { timeRange } from '../listing';
import { defineModule, route } from '../sandbox-module';

/**
 * `cb_acdc_call_stats`: the statistics ACDc keeps for calls through its queues, over a date range
 * (`created_from`/`created_to`, 31 days at most, checked as for CDRs). Simulated calls do not go
 * through ACDc queues, so there are none.
 */
export const acdcCallStatsModule = defineModule({
  name: 'acdc_call_stats',
  routes: [
    route('accounts/:account/acdc_call_stats', ['GET'], ({ engine, req }) => {
      timeRange(req, engine.clock.gregorian());
      return { data: [], envelope: { revision: 'automatic' } };
    }),
  ],
});
